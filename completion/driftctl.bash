# SPDX-License-Identifier: GPL-2.0
# driftctl(8) bash completion: commands, help, every option and its values
# (also as --option=value), cgroup directories, log files.
# The commands and options are those of `driftctl help` (ctl/driftctl.c);
# tests/host/driftctl-completion-offers-every-command-flag-and-value.sh
# checks that the two agree.

# Cgroup directories under the cgroup2 mount (found as driftctl finds it,
# /sys/fs/cgroup when there is none), completed relative to it
# (system.slice/...), or absolute when the word starts with '/'.
_driftctl_cgroups()
{
	local cur=$1 root d
	local -a dirs=()

	root=$(awk '$3 == "cgroup2" { print $2; exit }' /proc/self/mounts 2>/dev/null)
	root=${root:-/sys/fs/cgroup}

	if [[ $cur == /* ]]; then
		mapfile -t dirs < <(compgen -d -- "$cur")
	else
		mapfile -t dirs < <(compgen -d -- "$root/$cur")
		dirs=("${dirs[@]#"$root"/}")
	fi
	for d in "${dirs[@]}"; do
		COMPREPLY+=("$d/")
	done
	compopt -o nospace 2>/dev/null
}

# _driftctl_words WORD...: the words that start with $cur.
_driftctl_words()
{
	mapfile -t COMPREPLY < <(compgen -W "$*" -- "$cur")
}

_driftctl()
{
	local cur prev words cword split=''
	if declare -F _init_completion >/dev/null; then
		# -s: "--mode=pre" comes back as prev=--mode cur=pre.
		_init_completion -s || return
	else
		cur=${COMP_WORDS[COMP_CWORD]}
		prev=${COMP_WORDS[COMP_CWORD - 1]}
		words=("${COMP_WORDS[@]}")
		cword=$COMP_CWORD
		# bash splits "--mode=pre" at '=' (COMP_WORDBREAKS): "--mode" "=" "pre".
		if [[ $cur == = && $prev == --* ]]; then
			prev=$prev cur=
		elif [[ $prev == = ]] && ((cword >= 2)) && [[ ${words[cword - 2]} == --* ]]; then
			prev=${words[cword - 2]}
		elif [[ $cur == --*=* ]]; then
			# Not split ('=' taken out of COMP_WORDBREAKS): the reply
			# replaces the whole word, so it carries the "--mode=".
			prev=${cur%%=*} cur=${cur#*=} split=$prev=
		fi
	fi

	local commands="status policy events containers capture alert-only lock verify-log help"
	local policy_subcommands="set get list del"
	local capture_subcommands="show list"
	local common="--json --help"
	local modes="off detect prevent"

	# The command and its subcommand: the first words that are no option
	# (driftctl --json policy list).
	local i cmd='' sub='' at=0
	for ((i = 1; i < cword; i++)); do
		[[ ${words[i]} == -* || ${words[i]} == = ]] && continue
		if [[ -z $cmd ]]; then
			cmd=${words[i]} at=$i
		elif [[ -z $sub ]]; then
			sub=${words[i]}
		fi
	done

	if [[ -z $cmd ]]; then
		if [[ $cur == -* ]]; then
			_driftctl_words --json --help --version
		else
			_driftctl_words $commands
		fi
		return
	fi

	# An option that takes a value, in either spelling.
	case $cmd/$sub/$prev in
	policy/set/--mode | policy/set/--memfd | policy/set/--volume | policy/set/--metadata | policy/set/--mmap | \
	policy/set/--listen | policy/set/--connect | policy/set/--files)
		_driftctl_words $modes
		;;
	policy/set/--loopback)
		_driftctl_words yes no
		;;
	policy/set/--listen-allow)
		_driftctl_words tcp: udp: sctp:
		;;
	policy/set/--userns | policy/set/--execmem | policy/set/--procmem)
		# prevent is taken too; deny is the word these keys document.
		_driftctl_words off detect deny
		;;
	events//--config-dir | containers//--config-dir | capture/list/--config-dir)
		mapfile -t COMPREPLY < <(compgen -d -- "$cur")
		compopt -o filenames 2>/dev/null
		;;
	policy/set/--allow | policy/set/--deny | policy/set/--watch | policy/set/--writable | policy/set/--config)
		# A file name, or a full path.
		if [[ $cur == /* ]]; then
			mapfile -t COMPREPLY < <(compgen -f -- "$cur")
			compopt -o filenames 2>/dev/null
		fi
		;;
	*)
		prev=
		;;
	esac
	if [[ -n $prev ]]; then
		if [[ -n $split && $COMP_WORDBREAKS != *=* ]]; then
			COMPREPLY=("${COMPREPLY[@]/#/$split}")
		fi
		return
	fi

	case $cmd in
	status | lock)
		_driftctl_words $common
		;;
	events | containers)
		_driftctl_words $common --config-dir
		;;
	alert-only)
		if [[ $cur == -* ]]; then
			_driftctl_words $common
		else
			_driftctl_words on off
		fi
		;;
	verify-log)
		if [[ $cur == -* ]]; then
			_driftctl_words $common
		else
			# Rotated logs are events.jsonl.1, .2 ...: any file.
			mapfile -t COMPREPLY < <(compgen -f -- "$cur")
			compopt -o filenames 2>/dev/null
		fi
		;;
	help)
		if [[ $cur == -* ]]; then
			_driftctl_words $common
		elif [[ -z $sub ]]; then
			_driftctl_words $commands
		elif [[ $sub == policy ]] && ((cword == at + 2)); then
			_driftctl_words $policy_subcommands
		elif [[ $sub == capture ]] && ((cword == at + 2)); then
			_driftctl_words $capture_subcommands
		fi
		;;
	capture)
		if [[ -z $sub ]]; then
			if [[ $cur == -* ]]; then
				_driftctl_words $common
			else
				_driftctl_words $capture_subcommands
			fi
		elif [[ $sub == list ]]; then
			_driftctl_words $common --config-dir
		elif [[ $cur == -* ]]; then
			_driftctl_words $common
		else
			# A capture file: driftctl capture list names them.
			mapfile -t COMPREPLY < <(compgen -f -- "$cur")
			compopt -o filenames 2>/dev/null
		fi
		;;
	policy)
		if [[ -z $sub ]]; then
			if [[ $cur == -* ]]; then
				_driftctl_words $common
			else
				_driftctl_words $policy_subcommands
			fi
			return
		fi
		case $sub in
		set)
			if [[ $cur == -* ]]; then
				_driftctl_words --mode --memfd --volume --metadata --mmap --files \
					--userns --execmem --procmem --allow --deny \
					--watch --writable --config --listen --listen-allow --connect \
					--connect-allow --loopback $common
			else
				_driftctl_cgroups "$cur"
			fi
			;;
		get | del)
			if [[ $cur == -* ]]; then
				_driftctl_words $common
			else
				_driftctl_cgroups "$cur"
			fi
			;;
		list)
			_driftctl_words $common
			;;
		esac
		;;
	esac
} &&
	complete -F _driftctl driftctl

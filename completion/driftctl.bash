# SPDX-License-Identifier: GPL-2.0
# driftctl(8) bash completion: commands, options, cgroup directories, log files.

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

_driftctl()
{
	local cur prev words cword
	if declare -F _init_completion >/dev/null; then
		_init_completion || return
	else
		cur=${COMP_WORDS[COMP_CWORD]}
		prev=${COMP_WORDS[COMP_CWORD - 1]}
		words=("${COMP_WORDS[@]}")
		cword=$COMP_CWORD
	fi

	local modes="off detect prevent"
	local cmd=${words[1]-} sub=${words[2]-}

	if ((cword == 1)); then
		mapfile -t COMPREPLY < <(compgen -W "status policy events alert-only
			lock verify-log --help --version" -- "$cur")
		return
	fi

	case $cmd in
	status | events)
		((cword == 2)) && mapfile -t COMPREPLY < <(compgen -W "--json" -- "$cur")
		;;
	alert-only)
		((cword == 2)) && mapfile -t COMPREPLY < <(compgen -W "on off" -- "$cur")
		;;
	verify-log)
		if [[ $cur == -* ]]; then
			mapfile -t COMPREPLY < <(compgen -W "--json" -- "$cur")
		else
			# Rotated logs are events.jsonl.1, .2 ...: any file.
			mapfile -t COMPREPLY < <(compgen -f -- "$cur")
			compopt -o filenames 2>/dev/null
		fi
		;;
	policy)
		if ((cword == 2)); then
			mapfile -t COMPREPLY < <(compgen -W "set get list del" -- "$cur")
			return
		fi
		case $sub in
		set)
			case $prev in
			--mode | --memfd | --volume | --mmap)
				mapfile -t COMPREPLY < <(compgen -W "$modes" -- "$cur")
				return
				;;
			--files)
				mapfile -t COMPREPLY < <(compgen -W "off detect" -- "$cur")
				return
				;;
			--allow | --deny | --watch)
				# A file name, or a full path.
				if [[ $cur == /* ]]; then
					mapfile -t COMPREPLY < <(compgen -f -- "$cur")
					compopt -o filenames 2>/dev/null
				fi
				return
				;;
			esac
			if [[ $cur == -* ]]; then
				mapfile -t COMPREPLY < <(compgen -W "--mode --memfd --volume
					--mmap --files --allow --deny --watch" -- "$cur")
			else
				_driftctl_cgroups "$cur"
			fi
			;;
		get)
			if [[ $cur == -* ]]; then
				mapfile -t COMPREPLY < <(compgen -W "--json" -- "$cur")
			else
				_driftctl_cgroups "$cur"
			fi
			;;
		list)
			mapfile -t COMPREPLY < <(compgen -W "--json" -- "$cur")
			;;
		del)
			((cword == 3)) && _driftctl_cgroups "$cur"
			;;
		esac
		;;
	esac
} &&
	complete -F _driftctl driftctl

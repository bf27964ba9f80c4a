#!/bin/bash
# The bash completion of driftctl offers every command and `help`, after
# `help` the commands again, every option each command's help names
# (--json and --help included), and the values of --mode, --memfd,
# --volume, --metadata, --mmap, --files, --userns, --execmem and --procmem both after a
# space and after '=' (--mode=pre completes to prevent, --userns=d to
# detect and deny). Checked with the script sourced alone
# and, where installed, under bash-completion, as a Debian node loads it.
set -eu
. "$(dirname "${BASH_SOURCE[0]}")/lib/driftctl.sh"
script=${COMPLETION:-$REPO/completion/driftctl.bash}

# A bash that sources the completion (after bash_completion when $1 is
# "with") and answers, for each line on stdin, what TAB at its end offers.
complete_lines() {
	bash -c '
		[ "$1" = with ] && . /usr/share/bash-completion/bash_completion
		. "$2"
		while IFS= read -r line; do
			COMP_LINE=$line COMP_POINT=${#line}
			# Words as bash splits them: at blanks, and at "=" (COMP_WORDBREAKS).
			read -ra w <<<"${line//=/ = }"
			[[ $line == *" " || $line == *= ]] && w+=("")
			COMP_WORDS=("${w[@]}") COMP_CWORD=$((${#w[@]} - 1))
			COMPREPLY=()
			_driftctl driftctl "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
			echo "${COMPREPLY[*]}"
		done
	' complete "$1" "$script"
}

# expect "LINE|" WORD...: TAB at the end of LINE offers (at least) every WORD.
checks=()
expect() {
	checks+=("$*")
}

help_all=$("$DRIFTCTL" --help)
cmds=$(commands)
tops=$(cut -d' ' -f1 <<<"$cmds" | sort -u)
global_opts=$(sed -n '/^Options:/,/^$/p' <<<"$help_all" | grep -o -- '--[a-z][a-z-]*' | sort -u)
policy_subs=$(grep '^policy ' <<<"$cmds" | cut -d' ' -f2)
# The lists are split into words on purpose.
# shellcheck disable=SC2086
{
	expect "driftctl |" $tops
	expect "driftctl -|" $global_opts
	expect "driftctl help |" $tops
	expect "driftctl help policy |" $policy_subs
	expect "driftctl policy |" $policy_subs
}
while read -r cmd; do
	# shellcheck disable=SC2086 # "policy set" is two words
	flags=$("$DRIFTCTL" help $cmd | grep -o -- '--[a-z][a-z-]*' | sort -u)
	[ -n "$flags" ] || fail "driftctl help $cmd names no option"
	# shellcheck disable=SC2086
	expect "driftctl $cmd -|" $flags
done <<<"$cmds"
for opt in mode memfd volume metadata mmap; do
	expect "driftctl policy set system.slice --$opt |" off detect prevent
	expect "driftctl policy set system.slice --$opt=|" off detect prevent
done
expect "driftctl policy set system.slice --mode=pre|" prevent
expect "driftctl policy set --files |" off detect
expect "driftctl policy set --files=|" off detect
for opt in userns execmem procmem; do
	expect "driftctl policy set system.slice --$opt |" off detect deny
	expect "driftctl policy set system.slice --$opt=|" off detect deny
done
expect "driftctl policy set system.slice --userns=d|" detect deny
expect "driftctl --json policy l|" list
expect "driftctl alert-only |" on off

modes=(without)
if [ -f /usr/share/bash-completion/bash_completion ]; then
	modes+=(with)
else
	echo "bash-completion is not installed: checked without it only (scripts/bootstrap installs it)"
fi
for mode in "${modes[@]}"; do
	mapfile -t got < <(for c in "${checks[@]}"; do echo "${c%%|*}"; done | complete_lines "$mode")
	for i in "${!checks[@]}"; do
		line=${checks[i]%%|*}
		for want in ${checks[i]#*|}; do
			[[ " ${got[i]} " == *" $want "* ]] ||
				fail "$mode bash-completion: '${line}<TAB>' offers '${got[i]}', not '$want'"
		done
	done
done
pass "${#checks[@]} completions, ${modes[*]} bash-completion"

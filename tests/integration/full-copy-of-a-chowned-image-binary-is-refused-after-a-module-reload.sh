#!/bin/bash
# Without metacopy a chowned image binary is a full copy whose content only
# a module that watched since the copy-up can vouch for: after the module
# is unloaded and loaded again (writes in between unseen) it is refused
# under mode prevent, fail closed, until the image is restored.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --mode prevent
in_container /bin/busybox chown 1:1 /bin/hello
expect_runs /bin/hello >/dev/null
"$DRIFTCTL" policy del "$CG"
rmmod driftguard
insmod "$DG_KO"
policy --mode prevent
expect_denied /bin/hello
pass

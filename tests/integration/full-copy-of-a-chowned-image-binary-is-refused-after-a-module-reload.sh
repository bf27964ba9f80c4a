#!/bin/bash
# Without metacopy a chowned image binary is a full copy whose content only
# a module that watched since the copy-up can vouch for: after the module
# is unloaded and loaded again (writes in between unseen) it is refused
# under mode prevent, fail closed, until the image is restored.
set -eu
. "$DG_SRC/tests/lib.sh"
chowned_image_binary_runs
"$DRIFTCTL" policy del "$CG"
rmmod driftguard
insmod "$DG_KO"
policy --mode prevent
expect_denied /bin/hello
pass

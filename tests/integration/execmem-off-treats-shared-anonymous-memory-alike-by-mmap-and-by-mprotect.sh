#!/bin/bash
# With execmem off (the default) and every file class at prevent, shared
# anonymous memory may be made executable by mmap and by mprotect alike:
# it is anonymous memory, not a memfd or a file (before, mprotect was
# refused as a file of class memfd while mmap was allowed). No event.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --mode prevent --memfd prevent --volume prevent --mmap prevent
events_start
expect_runs /bin/memexec shared-anon-mmap >/dev/null
expect_runs /bin/memexec shared-anon-mprotect >/dev/null
expect_runs /bin/memexec anon-mmap >/dev/null
events_stop
expect_eq "events" 0 "$(events_count .)"
pass

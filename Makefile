# SPDX-License-Identifier: GPL-2.0
# driftguard: build the module and the userspace programs, run the tests.
#
#   make                  module for KVER (default: the running kernel, or the
#                         newest installed Debian headers) + driftctl/driftguardd
#   make KVER=<release>   module for another installed kernel
#   make all-kernels      module for every test kernel (scripts/kernels)
#   make check            unit tests + VM integration tests on both kernels
#   make demo             boot a test kernel and show driftguard working
#   make style            checkpatch and sparse on the module
#   sudo make install     install module and programs on this node
#   make dkms-src         module source tree for /usr/src/driftguard-<version>
#                         (build/dkms/driftguard-<version>, dkms.conf filled in)
#   make deb              driftguard and driftguard-dkms .debs into build/deb/

VERSION := $(shell cat VERSION)
PREFIX ?= /usr/local
DESTDIR ?=
MANDIR ?= $(PREFIX)/share/man
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
UNITDIR ?= /lib/systemd/system

ifeq ($(KVER),)
ifneq ($(wildcard /lib/modules/$(shell uname -r)/build),)
KVER := $(shell uname -r)
else
KVER := $(patsubst /usr/src/linux-headers-%,%,$(lastword $(sort \
	$(wildcard /usr/src/linux-headers-*-amd64))))
KVER_NOTE := no headers for the running kernel; building for $(KVER)
endif
endif
KDIR ?= $(firstword $(wildcard /lib/modules/$(KVER)/build \
	/usr/src/linux-headers-$(KVER)))

BUILD := build
MODDIR := $(BUILD)/$(KVER)
BINDIR := $(BUILD)/bin
MODSRC := Kbuild VERSION $(wildcard module/*.[ch] module/*.sh) uapi/linux/driftguard.h

# Userspace: C11, warnings are errors, libraries found through pkg-config.
PKGS := libnl-3.0 libnl-genl-3.0 json-c libcrypto inih uuid
CC ?= cc
CFLAGS ?= -O2 -g
DG_CFLAGS := -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror -Iuapi -Idaemon \
	-DDRIFTGUARD_VERSION='"$(VERSION)"' $(shell pkg-config --cflags $(PKGS))
DG_LIBS := $(shell pkg-config --libs $(PKGS))
LIB_SRC := daemon/nl.c daemon/names.c daemon/cgroup.c daemon/container.c \
	daemon/evlog.c daemon/config.c daemon/record.c
CTL_SRC := daemon/driftctl.c $(LIB_SRC)
# The daemon's own parts that unit tests link too.
DGD_LIB := daemon/throttle.c daemon/evidence.c daemon/response.c daemon/sinks.c
# driftguardd alone links libsystemd (sd_notify, the journal).
DGD_SRC := daemon/driftguardd.c daemon/sync.c $(DGD_LIB) $(LIB_SRC)
DGD_PKGS := libsystemd
HDRS := $(wildcard daemon/*.h) uapi/linux/driftguard.h

.PHONY: all module userspace test-tools all-kernels unit check demo bench style sparse \
	checkpatch install dkms-src deb clean

all: module userspace

module: $(MODDIR)/driftguard.ko

# Each kernel gets its own copy of the sources, so builds for several
# kernels never share objects.
$(MODDIR)/driftguard.ko: $(MODSRC)
	@test -n "$(KDIR)" || { echo "no headers for kernel '$(KVER)':" \
		"run scripts/bootstrap or install linux-headers-$(KVER)"; exit 1; }
	$(if $(KVER_NOTE),@echo "make: $(KVER_NOTE)")
	@mkdir -p $(MODDIR)
	@for f in $(MODSRC); do mkdir -p $(MODDIR)/$$(dirname $$f); \
		cp -p $$f $(MODDIR)/$$f; done
	$(MAKE) -C $(KDIR) M=$(CURDIR)/$(MODDIR) W=1 modules

userspace: $(BINDIR)/driftctl $(BINDIR)/driftguardd

$(BINDIR)/driftctl: $(CTL_SRC) $(HDRS)
	@mkdir -p $(BINDIR)
	$(CC) $(DG_CFLAGS) $(CFLAGS) -o $@ $(CTL_SRC) $(DG_LIBS)

$(BINDIR)/driftguardd: $(DGD_SRC) $(HDRS)
	@mkdir -p $(BINDIR)
	$(CC) $(DG_CFLAGS) $(shell pkg-config --cflags $(DGD_PKGS)) $(CFLAGS) -o $@ \
		$(DGD_SRC) $(DG_LIBS) $(shell pkg-config --libs $(DGD_PKGS))

# Test programs: static where they run inside a test container's rootfs.
TOOLS_STATIC := hello memfd-exec fd-exec exec-storm spawn-bench exec-or-wait
TOOLS := $(TOOLS_STATIC:%=$(BINDIR)/%) $(BINDIR)/hello-dyn \
	$(BINDIR)/libpreload.so $(BINDIR)/badmsg $(BINDIR)/policy-bulk $(BINDIR)/policy-flip

test-tools: $(TOOLS)

$(BINDIR)/%: tests/tools/%.c
	@mkdir -p $(BINDIR)
	$(CC) -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror $(CFLAGS) -static -o $@ $<

$(BINDIR)/hello-dyn: tests/tools/hello.c
	$(CC) -std=c11 -Wall -Wextra -Werror $(CFLAGS) -o $@ $<

$(BINDIR)/libpreload.so: tests/tools/preload.c
	$(CC) -std=c11 -Wall -Wextra -Werror $(CFLAGS) -shared -fPIC -o $@ $<

$(BINDIR)/badmsg $(BINDIR)/policy-bulk $(BINDIR)/policy-flip: $(BINDIR)/%: tests/tools/%.c $(LIB_SRC) $(HDRS)
	@mkdir -p $(BINDIR)
	$(CC) $(DG_CFLAGS) $(CFLAGS) -o $@ $< $(LIB_SRC) $(DG_LIBS)

all-kernels: userspace test-tools
	@kernels=$$(scripts/kernels) || exit 1; \
	for k in $$kernels; do $(MAKE) --no-print-directory module KVER=$$k || exit 1; done

# Host-side unit tests (cmocka).
UNIT_TESTS := $(patsubst tests/unit/%.c,$(BINDIR)/unit-%,$(wildcard tests/unit/test_*.c))

$(BINDIR)/unit-%: tests/unit/%.c $(LIB_SRC) $(DGD_LIB) $(HDRS)
	@mkdir -p $(BINDIR)
	$(CC) $(DG_CFLAGS) $(CFLAGS) $(shell pkg-config --cflags cmocka $(DGD_PKGS)) -o $@ \
		$< $(LIB_SRC) $(DGD_LIB) $(DG_LIBS) $(shell pkg-config --libs cmocka $(DGD_PKGS))

unit: $(UNIT_TESTS)
	@rc=0; for t in $(UNIT_TESTS); do echo "== $$t"; $$t || rc=1; done; exit $$rc

check:
	tests/check

demo:
	scripts/demo

# Instruction-exact costs under QEMU -icount, on the newest test kernel.
bench: all-kernels
	tests/vm/run --icount --timeout 3000 --kernel $$(scripts/kernels | tail -n 1) \
		--out $(CURDIR)/$(BUILD)/bench -- $(CURDIR)/tests/bench/guest.sh

style: checkpatch sparse

checkpatch:
	scripts/checkpatch $(wildcard module/*.[ch]) uapi/linux/driftguard.h

sparse:
	@mkdir -p $(MODDIR)
	@for f in $(MODSRC); do mkdir -p $(MODDIR)/$$(dirname $$f); \
		cp -p $$f $(MODDIR)/$$f; done
	$(MAKE) -C $(KDIR) M=$(CURDIR)/$(MODDIR) C=2 CF=-D__CHECK_ENDIAN__ W=1 modules

install: all
	$(MAKE) -C $(KDIR) M=$(CURDIR)/$(MODDIR) INSTALL_MOD_DIR=extra modules_install
	install -D -m 0755 $(BINDIR)/driftctl $(DESTDIR)$(PREFIX)/sbin/driftctl
	install -D -m 0755 $(BINDIR)/driftguardd $(DESTDIR)$(PREFIX)/sbin/driftguardd
	install -D -m 0644 man/driftctl.8 $(DESTDIR)$(MANDIR)/man8/driftctl.8
	install -D -m 0644 man/driftguardd.8 $(DESTDIR)$(MANDIR)/man8/driftguardd.8
	install -D -m 0644 man/driftguard.conf.5 $(DESTDIR)$(MANDIR)/man5/driftguard.conf.5
	install -D -m 0644 completion/driftctl.bash $(DESTDIR)$(BASHCOMPDIR)/driftctl
# The unit names /usr/sbin/driftguardd, a package's path: point it at PREFIX.
	@mkdir -p $(DESTDIR)$(UNITDIR)
	sed 's|/usr/sbin/driftguardd|$(PREFIX)/sbin/driftguardd|' systemd/driftguard.service \
		>$(DESTDIR)$(UNITDIR)/driftguard.service
	chmod 0644 $(DESTDIR)$(UNITDIR)/driftguard.service

# --- DKMS and Debian packages -------------------------------------------------

# The tree dkms wants in /usr/src/driftguard-<version>: what Kbuild needs, and
# dkms.conf with the version from VERSION (debian/rules does the same through
# dh_dkms -V).
DKMS_SRC := $(BUILD)/dkms/driftguard-$(VERSION)

dkms-src: $(MODSRC) dkms.conf.in
	rm -rf $(DKMS_SRC)
	@mkdir -p $(DKMS_SRC)
	@for f in $(MODSRC); do mkdir -p $(DKMS_SRC)/$$(dirname $$f); \
		cp -p $$f $(DKMS_SRC)/$$f; done
	sed 's/#MODULE_VERSION#/$(VERSION)/' dkms.conf.in >$(DKMS_SRC)/dkms.conf
	@echo "dkms-src: $(DKMS_SRC)"

# Binary packages only, unsigned, built from a copy of the committed and
# uncommitted sources (not build/), so the tree stays clean.
DEB_WORK := $(BUILD)/deb/work
deb:
	rm -rf $(BUILD)/deb
	@mkdir -p $(DEB_WORK)/driftguard-$(VERSION)
	tar -cf - --exclude=./build --exclude=./.git . | tar -xf - -C $(DEB_WORK)/driftguard-$(VERSION)
	cd $(DEB_WORK)/driftguard-$(VERSION) && dpkg-buildpackage -us -uc -b
	mv $(DEB_WORK)/*.deb $(DEB_WORK)/*.buildinfo $(DEB_WORK)/*.changes $(BUILD)/deb/
	rm -rf $(DEB_WORK)
	@ls -1 $(BUILD)/deb/*.deb

clean:
	rm -rf $(BUILD)

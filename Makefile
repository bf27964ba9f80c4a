# SPDX-License-Identifier: GPL-2.0
# driftguard: build the module and the userspace programs, run the tests.
#
#   make                  module for KVER (default: the running kernel, or the
#                         newest installed Debian headers) + driftctl/driftguardd
#   make KVER=<release>   module for another installed kernel
#   make all-kernels      module for every test kernel (scripts/kernels):
#                         Debian 12's 6.1 and 6.12; with DG_KERNELS=all also
#                         trixie's, trixie-backports' and sid's, each in its
#                         suite's chroot with its own compiler
#   make check            unit, host and VM integration tests: the whole
#                         suite on Debian 12's two kernels, the Docker,
#                         containerd and podman tests on both (DG_RUNTIMES=1:
#                         each on one; 0: none), the core tests on trixie's,
#                         trixie-backports' and sid's kernels (their chroots
#                         set up once by scripts/bootstrap: 2 to 20 minutes
#                         and 2.5 GB; DG_KERNELS=bookworm leaves them out)
#   make demo             boot a test kernel and show driftguard working
#   make bench            exec-check costs under QEMU -icount on every test
#                         kernel (the five of make check), one table with a
#                         column per kernel, then the medians of the
#                         alternations (each cost between two baselines;
#                         KERNEL= for one; DG_BENCH_FAIL_ROUNDS= etc. to cut
#                         rounds: tests/bench/run); bench-net the cost of a
#                         connect, listen and file decisions; both against
#                         an empty eBPF kprobe
#   make style            checkpatch and sparse on the module
#   sudo make install     install the module, programs, unit, configuration
#                         (DESTDIR=, PREFIX=: see "Installing" below);
#                         install-module and install-programs do either half
#   sudo make uninstall   remove what make install installed
#   make dkms-src         module source tree for /usr/src/driftguard-<version>
#                         (build/dkms/driftguard-<version>, dkms.conf filled in)
#   make deb              driftguard and driftguard-dkms .debs into build/deb/

VERSION := $(shell cat VERSION)

ifeq ($(KVER),)
ifneq ($(wildcard /lib/modules/$(shell uname -r)/build),)
KVER := $(shell uname -r)
else
KVER := $(patsubst /usr/src/linux-headers-%,%,$(lastword $(sort \
	$(wildcard /usr/src/linux-headers-*-amd64))))
KVER_NOTE := no headers for the running kernel; building for $(KVER)
endif
endif
# A test kernel of another suite (trixie, trixie-backports, sid) is built in
# that suite's chroot, with its compiler and headers (scripts/chroot), as DKMS
# on such a node would; Debian 12's kernels and any other KVER on the host.
KSUITE := $(if $(KVER),$(shell scripts/kernels --suite $(KVER) 2>/dev/null))
CHROOT_SUITE := $(filter-out bookworm bookworm-backports,$(KSUITE))
ifneq ($(CHROOT_SUITE),)
KDIR := /usr/src/linux-headers-$(KVER)
KMAKE := scripts/chroot run $(CHROOT_SUITE) make
else
KDIR ?= $(firstword $(wildcard /lib/modules/$(KVER)/build \
	/usr/src/linux-headers-$(KVER)))
KMAKE := $(MAKE)
endif

BUILD := build
MODDIR := $(BUILD)/$(KVER)
BINDIR := $(BUILD)/bin
MODSRC := Kbuild VERSION $(wildcard module/*.[ch] module/*.sh) uapi/linux/driftguard.h

# Userspace: C11, warnings are errors, libraries found through pkg-config.
PKGS := libnl-3.0 libnl-genl-3.0 json-c libcrypto inih uuid
CC ?= cc
CFLAGS ?= -O2 -g
DG_CFLAGS := -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror -Iuapi -Ilib -Ictl -Idaemon \
	-DDRIFTGUARD_VERSION='"$(VERSION)"' $(shell pkg-config --cflags $(PKGS))
DG_LIBS := $(shell pkg-config --libs $(PKGS))
# Three folders, one per owner: lib/ is shared by driftctl, driftguardd and
# the test tools; ctl/ is driftctl alone; daemon/ is driftguardd alone.
LIB_SRC := $(sort $(wildcard lib/*.c))
# driftctl's own parts that unit tests link too.
CTL_LIB := ctl/suggest.c
CTL_SRC := $(filter-out $(CTL_LIB),$(sort $(wildcard ctl/*.c))) $(CTL_LIB) $(LIB_SRC)
# The daemon's own parts that unit tests link too.
DGD_LIB := daemon/throttle.c daemon/evidence.c daemon/response.c daemon/sinks.c daemon/capture.c \
	daemon/capture-upper.c daemon/metrics.c
# driftguardd alone links libsystemd (sd_notify, the journal) and
# libmicrohttpd (the metrics endpoint): its PKGS.
DGD_SRC := $(filter-out $(DGD_LIB),$(sort $(wildcard daemon/*.c))) $(DGD_LIB) $(LIB_SRC)
DGD_PKGS := libsystemd libmicrohttpd
# The module's headers userspace shares (one table, one parser) count too:
# a changed table must rebuild driftctl and driftguardd with the module.
HDRS := $(wildcard lib/*.h ctl/*.h daemon/*.h) uapi/linux/driftguard.h \
	module/package.h module/netrule.h

# $(call copy-tree,FILES,DIR): FILES copied to DIR under their own paths (the
# module's sources for a kernel's build, sparse, and the DKMS tree).
copy-tree = @for f in $(1); do mkdir -p $(2)/$$(dirname $$f); cp -p $$f $(2)/$$f || exit 1; done

.PHONY: all module test-module userspace test-tools all-kernels unit check demo bench bench-net style sparse \
	checkpatch install install-module install-programs install-dirs uninstall dkms-src deb clean

all: module userspace

module: $(MODDIR)/driftguard.ko

# Each kernel gets its own copy of the sources, so builds for several
# kernels never share objects.
$(MODDIR)/driftguard.ko: $(MODSRC)
	@test -n "$(KDIR)" || { echo "no headers for kernel '$(KVER)':" \
		"run scripts/bootstrap or install linux-headers-$(KVER)"; exit 1; }
	$(if $(KVER_NOTE),@echo "make: $(KVER_NOTE)")
	@mkdir -p $(MODDIR)
	$(call copy-tree,$(MODSRC),$(MODDIR))
	$(KMAKE) -C $(KDIR) M=$(CURDIR)/$(MODDIR) W=1 modules

# A test module for the VM tests (tests/modules): a stand-in for a livepatch
# holding a function with IPMODIFY. Built beside the module for each kernel,
# in a directory of its own: neither DKMS nor make install sees it.
TESTMOD_SRC := $(wildcard tests/modules/*.c) tests/modules/Kbuild
test-module: $(MODDIR)/tests/dg_ipmodify_holder.ko

$(MODDIR)/tests/dg_ipmodify_holder.ko: $(TESTMOD_SRC)
	@test -n "$(KDIR)" || { echo "no headers for kernel '$(KVER)'"; exit 1; }
	@mkdir -p $(MODDIR)/tests
	cp -p $(TESTMOD_SRC) $(MODDIR)/tests/
	$(KMAKE) -C $(KDIR) M=$(CURDIR)/$(MODDIR)/tests W=1 modules

userspace: $(BINDIR)/driftctl $(BINDIR)/driftguardd

$(BINDIR)/driftctl: $(CTL_SRC) $(HDRS)
	@mkdir -p $(BINDIR)
	$(CC) $(DG_CFLAGS) $(CFLAGS) -o $@ $(CTL_SRC) $(DG_LIBS)

$(BINDIR)/driftguardd: $(DGD_SRC) $(HDRS)
	@mkdir -p $(BINDIR)
	$(CC) $(DG_CFLAGS) $(shell pkg-config --cflags $(DGD_PKGS)) $(CFLAGS) -o $@ \
		$(DGD_SRC) $(DG_LIBS) $(shell pkg-config --libs $(DGD_PKGS))

# Test programs: static where they run inside a test container's rootfs.
TOOLS_STATIC := hello memfd-exec fd-exec exec-storm spawn-bench clone-into \
	exec-or-wait memexec netprobe create-bench xattr
TOOLS := $(TOOLS_STATIC:%=$(BINDIR)/%) $(BINDIR)/hello-dyn $(BINDIR)/dlopen-lib \
	$(BINDIR)/libpreload.so $(BINDIR)/badmsg $(BINDIR)/policy-bulk $(BINDIR)/policy-flip

test-tools: $(TOOLS)

$(BINDIR)/%: tests/tools/%.c
	@mkdir -p $(BINDIR)
	$(CC) -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror $(CFLAGS) -static -o $@ $<

$(BINDIR)/hello-dyn: tests/tools/hello.c
	$(CC) -std=c11 -Wall -Wextra -Werror $(CFLAGS) -o $@ $<

$(BINDIR)/dlopen-lib: tests/tools/dlopen-lib.c
	$(CC) -std=c11 -Wall -Wextra -Werror $(CFLAGS) -o $@ $<

$(BINDIR)/libpreload.so: tests/tools/preload.c
	$(CC) -std=c11 -Wall -Wextra -Werror $(CFLAGS) -shared -fPIC -o $@ $<

$(BINDIR)/badmsg $(BINDIR)/policy-bulk $(BINDIR)/policy-flip: $(BINDIR)/%: tests/tools/%.c $(LIB_SRC) $(HDRS)
	@mkdir -p $(BINDIR)
	$(CC) $(DG_CFLAGS) $(CFLAGS) -o $@ $< $(LIB_SRC) $(DG_LIBS)

all-kernels: userspace test-tools
	+@kernels=$$(scripts/kernels) || exit 1; \
	for k in $$kernels; do \
		$(MAKE) --no-print-directory module test-module KVER=$$k || exit 1; \
	done

# Host-side unit tests (cmocka).
UNIT_TESTS := $(patsubst tests/unit/%.c,$(BINDIR)/unit-%,$(wildcard tests/unit/test_*.c))

# The code under test is compiled once, to objects every test program links
# (each program compiling all of it again cost make check over a minute).
UNIT_CFLAGS = $(DG_CFLAGS) $(CFLAGS) $(shell pkg-config --cflags cmocka $(DGD_PKGS))
UNIT_OBJS := $(patsubst %.c,$(BUILD)/unit-obj/%.o,$(LIB_SRC) $(CTL_LIB) $(DGD_LIB))

$(BUILD)/unit-obj/%.o: %.c $(HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(UNIT_CFLAGS) -c -o $@ $<

$(BINDIR)/unit-%: tests/unit/%.c $(UNIT_OBJS) $(HDRS)
	@mkdir -p $(BINDIR)
	$(CC) $(UNIT_CFLAGS) -o $@ $< $(UNIT_OBJS) \
		$(DG_LIBS) $(shell pkg-config --libs cmocka $(DGD_PKGS))

unit: $(UNIT_TESTS)
	@rc=0; for t in $(UNIT_TESTS); do echo "== $$t"; $$t || rc=1; done; exit $$rc

check:
	tests/check

demo:
	scripts/demo

# Instruction-exact costs under QEMU -icount, on every test kernel, the
# five make check tests (as many VMs at a time as cores; KERNEL="R1 R2"
# picks some, DG_KERNELS=bookworm Debian 12's two, DG_BENCH_JOBS=1 one VM
# after another), then one table of them all: see tests/bench/run.
bench bench-net: export DG_KERNELS ?= all
bench: all-kernels
	KERNEL="$(KERNEL)" tests/bench/run bench

# A connect, a listen and a file creation decision, each against an empty
# eBPF kprobe on the same hook.
bench-net: all-kernels
	KERNEL="$(KERNEL)" tests/bench/run bench-net

style: checkpatch sparse

checkpatch:
	scripts/checkpatch $(wildcard module/*.[ch]) uapi/linux/driftguard.h \
		$(wildcard tests/modules/*.c)

sparse:
	@mkdir -p $(MODDIR)
	$(call copy-tree,$(MODSRC),$(MODDIR))
	$(MAKE) -C $(KDIR) M=$(CURDIR)/$(MODDIR) C=2 CF=-D__CHECK_ENDIAN__ W=1 modules

# --- Installing ---------------------------------------------------------------

# DESTDIR stages the whole install, the module included (INSTALL_MOD_PATH).
# PREFIX (default /usr/local) holds the programs, man pages and completion,
# and under PREFIX/lib the files systemd and kmod read: the unit
# (PREFIX/lib/systemd/system), modules-load.d and modprobe.d. systemd and
# kmod search /usr/local/lib/... and /usr/lib/... both, so the default
# needs no changes to any search path and stays apart from what packages
# install. For any other PREFIX they would not find those files: set
# UNITDIR, MODULESLOADDIR and MODPROBEDIR (e.g. below /etc) yourself.
# The configuration is /etc/driftguard whatever PREFIX (driftguardd's
# default --config-dir); the module goes to /lib/modules/KVER/extra.
PREFIX ?= /usr/local
DESTDIR ?=
SBINDIR ?= $(PREFIX)/sbin
MANDIR ?= $(PREFIX)/share/man
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
SYSLIBDIR := $(if $(filter /usr /usr/local,$(PREFIX)),$(PREFIX)/lib)
UNITDIR ?= $(if $(SYSLIBDIR),$(SYSLIBDIR)/systemd/system)
MODULESLOADDIR ?= $(if $(SYSLIBDIR),$(SYSLIBDIR)/modules-load.d)
MODPROBEDIR ?= $(if $(SYSLIBDIR),$(SYSLIBDIR)/modprobe.d)
CONFDIR := /etc/driftguard
# etc/X is installed as /etc/driftguard/X.
CONF_FILES := etc/driftguard.conf $(sort $(wildcard etc/policy.d/*.conf))

install-dirs:
	@test -n "$(UNITDIR)" && test -n "$(MODULESLOADDIR)" && test -n "$(MODPROBEDIR)" || { \
		echo "make: systemd and kmod do not look in $(PREFIX)/lib: with PREFIX=$(PREFIX)," \
			"set UNITDIR, MODULESLOADDIR and MODPROBEDIR (e.g. /etc/systemd/system," \
			"/etc/modules-load.d, /etc/modprobe.d)" >&2; exit 2; }

# install-dirs first: a PREFIX refused installs nothing.
install: install-dirs
	@$(MAKE) --no-print-directory install-module install-programs

# The module alone, for KVER; not wanted where DKMS builds it
# (/lib/modules/KVER/updates/dkms).
install-module: module
# The kernel's modules_install skips depmod with Debian's headers (no
# System.map) and would write indexes into DESTDIR: depmod runs below. It
# would also sign with the kernel build's key, which Debian does not ship (the
# error is harmless and misleading): the module is left unsigned, as DKMS
# would leave it without its MOK key.
	$(MAKE) -C $(KDIR) M=$(CURDIR)/$(MODDIR) INSTALL_MOD_PATH=$(abspath $(DESTDIR)) \
		INSTALL_MOD_DIR=extra DEPMOD=true CONFIG_MODULE_SIG_ALL= modules_install
ifeq ($(DESTDIR),)
	depmod $(KVER)
else
	@echo "make install: DESTDIR is set: no depmod; run 'depmod $(KVER)' where it is installed"
endif

# Everything else: programs, man pages, completion, unit, modules-load.d,
# modprobe.d, configuration.
install-programs: install-dirs userspace
	install -D -m 0755 $(BINDIR)/driftctl $(DESTDIR)$(SBINDIR)/driftctl
	install -D -m 0755 $(BINDIR)/driftguardd $(DESTDIR)$(SBINDIR)/driftguardd
	install -D -m 0644 man/driftctl.8 $(DESTDIR)$(MANDIR)/man8/driftctl.8
	install -D -m 0644 man/driftguardd.8 $(DESTDIR)$(MANDIR)/man8/driftguardd.8
	install -D -m 0644 man/driftguard.conf.5 $(DESTDIR)$(MANDIR)/man5/driftguard.conf.5
	install -D -m 0644 completion/driftctl.bash $(DESTDIR)$(BASHCOMPDIR)/driftctl
	install -D -m 0644 systemd/driftguard.modules-load.conf \
		$(DESTDIR)$(MODULESLOADDIR)/driftguard.conf
	install -D -m 0644 systemd/driftguard.modprobe.conf $(DESTDIR)$(MODPROBEDIR)/driftguard.conf
# The unit names /usr/sbin/driftguardd, a package's path: point it at SBINDIR.
	@mkdir -p $(DESTDIR)$(UNITDIR)
	sed 's|/usr/sbin/driftguardd|$(SBINDIR)/driftguardd|' systemd/driftguard.service \
		>$(DESTDIR)$(UNITDIR)/driftguard.service
	chmod 0644 $(DESTDIR)$(UNITDIR)/driftguard.service
# Never over an existing configuration (a node's own, or a package's).
	@for f in $(CONF_FILES); do \
		d=$(DESTDIR)$(CONFDIR)/$${f#etc/}; \
		if [ -e "$$d" ] || [ -L "$$d" ]; then \
			echo "make install: $$d exists: kept, not replaced by $$f"; \
		else \
			echo "install -D -m 0644 $$f $$d"; install -D -m 0644 "$$f" "$$d" || exit 1; \
		fi; \
	done

# Removes what install installed, for every kernel (the module in extra/ of
# each /lib/modules/*; DKMS's modules are in updates/dkms). Like dpkg's
# conffiles, a configuration file that differs from the shipped one is kept
# (and named); an unchanged one is removed. Needs no build and no headers.
uninstall: install-dirs
	rm -f $(DESTDIR)$(SBINDIR)/driftctl $(DESTDIR)$(SBINDIR)/driftguardd \
		$(DESTDIR)$(MANDIR)/man8/driftctl.8 $(DESTDIR)$(MANDIR)/man8/driftguardd.8 \
		$(DESTDIR)$(MANDIR)/man5/driftguard.conf.5 $(DESTDIR)$(BASHCOMPDIR)/driftctl \
		$(DESTDIR)$(MODULESLOADDIR)/driftguard.conf $(DESTDIR)$(MODPROBEDIR)/driftguard.conf \
		$(DESTDIR)$(UNITDIR)/driftguard.service
	@for ko in $(DESTDIR)/lib/modules/*/extra/driftguard.ko*; do \
		[ -e "$$ko" ] || continue; \
		echo "rm -f $$ko"; rm -f "$$ko" || exit 1; \
		k=$${ko#$(DESTDIR)/lib/modules/}; k=$${k%%/*}; \
		if [ -z "$(DESTDIR)" ]; then echo "depmod $$k"; depmod "$$k" || exit 1; fi; \
	done
	@for f in $(CONF_FILES); do \
		d=$(DESTDIR)$(CONFDIR)/$${f#etc/}; \
		if cmp -s "$$f" "$$d"; then \
			echo "rm -f $$d"; rm -f "$$d" || exit 1; \
		elif [ -e "$$d" ]; then \
			echo "make uninstall: $$d differs from $$f: kept"; \
		fi; \
	done
	@rmdir $(DESTDIR)$(CONFDIR)/policy.d $(DESTDIR)$(CONFDIR) 2>/dev/null || true
	@if [ -z "$(DESTDIR)" ] && [ -e /sys/module/driftguard ]; then \
		echo "make uninstall: the driftguard module stays loaded, its policies in force," \
			"until reboot or 'modprobe -r driftguard'"; fi

# --- DKMS and Debian packages -------------------------------------------------

# The tree dkms wants in /usr/src/driftguard-<version>: what Kbuild needs, and
# dkms.conf with the version from VERSION (debian/rules does the same through
# dh_dkms -V).
DKMS_SRC := $(BUILD)/dkms/driftguard-$(VERSION)

dkms-src: $(MODSRC) dkms.conf.in
	rm -rf $(DKMS_SRC)
	@mkdir -p $(DKMS_SRC)
	$(call copy-tree,$(MODSRC),$(DKMS_SRC))
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

// SPDX-License-Identifier: GPL-2.0
/*
 * driftguard: deny entries that a multi-call binary walks around.
 *
 * A deny entry "wget" refuses a program whose file or name is wget. In an
 * image with busybox or toybox, "busybox wget" runs the applet without any
 * file named wget: the kernel sees busybox start, and the applet is chosen
 * by an argument the module does not read. So a deny entry naming an applet
 * cannot hold there; driftctl and driftguardd --check-config say so and
 * what to deny instead. The list holds the applets people deny (network
 * tools, shells, interpreters, namespace and module tools); it is not every
 * applet of every build.
 */
#include <string.h>

#include "multicall.h"

static const struct {
	const char *applet;
	const char *binaries;
} dg_applets[] = {
	{ "arp", "busybox, toybox" },
	{ "ash", "busybox" },
	{ "awk", "busybox" },
	{ "base32", "busybox, toybox" },
	{ "base64", "busybox, toybox" },
	{ "chroot", "busybox, toybox" },
	{ "dd", "busybox, toybox" },
	{ "ftpget", "busybox, toybox" },
	{ "ftpput", "busybox, toybox" },
	{ "ftpd", "busybox" },
	{ "httpd", "busybox, toybox" },
	{ "hush", "busybox" },
	{ "ifconfig", "busybox, toybox" },
	{ "insmod", "busybox, toybox" },
	{ "ip", "busybox" },
	{ "modprobe", "busybox, toybox" },
	{ "mount", "busybox, toybox" },
	{ "nc", "busybox, toybox" },
	{ "netcat", "busybox, toybox" },
	{ "netstat", "busybox, toybox" },
	{ "nsenter", "busybox, toybox" },
	{ "nslookup", "busybox" },
	{ "ping", "busybox, toybox" },
	{ "rmmod", "busybox, toybox" },
	{ "route", "busybox, toybox" },
	{ "sh", "busybox, toybox" },
	{ "ssl_client", "busybox" },
	{ "su", "busybox, toybox" },
	{ "tar", "busybox, toybox" },
	{ "telnet", "busybox, toybox" },
	{ "telnetd", "busybox" },
	{ "tftp", "busybox" },
	{ "tftpd", "busybox" },
	{ "traceroute", "busybox, toybox" },
	{ "udhcpc", "busybox" },
	{ "unshare", "busybox, toybox" },
	{ "uudecode", "busybox, toybox" },
	{ "vi", "busybox, toybox" },
	{ "wget", "busybox, toybox" },
	{ "xxd", "busybox, toybox" },
};

const char *dg_multicall_of(const char *entry)
{
	size_t i;

	if (strchr(entry, '/'))
		return NULL;
	for (i = 0; i < sizeof(dg_applets) / sizeof(dg_applets[0]); i++)
		if (!strcmp(dg_applets[i].applet, entry))
			return dg_applets[i].binaries;
	return NULL;
}

int dg_multicall_warn(FILE *out, const char *prefix, char *const *deny, int n)
{
	const char *bins;
	int i, warned = 0;

	for (i = 0; i < n; i++) {
		bins = dg_multicall_of(deny[i]);
		if (!bins)
			continue;
		fprintf(out,
			"%swarning: deny '%s' cannot hold in an image with %s: "
			"'busybox %s' runs that applet and no file named %s; "
			"deny the multi-call binary too (%s), or keep it out "
			"of the image\n",
			prefix, deny[i], bins, deny[i], deny[i], bins);
		warned++;
	}
	return warned;
}

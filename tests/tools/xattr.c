// SPDX-License-Identifier: GPL-2.0
/*
 * xattr: one extended-attribute change, for the file-drift tests (the test
 * image has busybox, which has no setfattr or setfacl).
 *
 *   xattr set    FILE NAME VALUE   setxattr(2)
 *   xattr remove FILE NAME         removexattr(2)
 *   xattr acl    FILE              set an access ACL giving uid 1 rwx
 *                                  (what "setfacl -m u:1:rwx FILE" sets)
 *   xattr get    FILE NAME         getxattr(2): prints the value
 *
 * Prints "OP: ok" (get: "get: VALUE", its bytes as they are) or
 * "OP: <strerror>", and exits 0 or 1 accordingly.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/xattr.h>

/* The system.posix_acl_access value (little-endian, as on x86-64). */
struct acl_entry {
	uint16_t tag;
	uint16_t perm;
	uint32_t id;
};

static const struct {
	uint32_t version;
	struct acl_entry e[5];
} acl = { 2, {
	{ 0x01, 6, (uint32_t)-1 },	/* user::rw- */
	{ 0x02, 7, 1 },			/* user:1:rwx */
	{ 0x04, 4, (uint32_t)-1 },	/* group::r-- */
	{ 0x10, 7, (uint32_t)-1 },	/* mask::rwx */
	{ 0x20, 4, (uint32_t)-1 },	/* other::r-- */
} };

int main(int argc, char **argv)
{
	char value[256];
	ssize_t len;
	int ret;

	if (argc == 4 && !strcmp(argv[1], "get")) {
		len = getxattr(argv[2], argv[3], value, sizeof(value) - 1);
		if (len < 0) {
			printf("get: %s\n", strerror(errno));
			return 1;
		}
		value[len] = 0;
		printf("get: %s\n", value);
		return 0;
	}
	if (argc == 5 && !strcmp(argv[1], "set"))
		ret = setxattr(argv[2], argv[3], argv[4], strlen(argv[4]), 0);
	else if (argc == 4 && !strcmp(argv[1], "remove"))
		ret = removexattr(argv[2], argv[3]);
	else if (argc == 3 && !strcmp(argv[1], "acl"))
		ret = setxattr(argv[2], "system.posix_acl_access", &acl,
			       sizeof(acl), 0);
	else {
		fprintf(stderr, "usage: xattr set FILE NAME VALUE | remove FILE NAME | acl FILE | get FILE NAME\n");
		return 2;
	}
	printf("%s: %s\n", argv[1], ret ? strerror(errno) : "ok");
	return ret ? 1 : 0;
}

/* SPDX-License-Identifier: GPL-2.0 */
/* driftguard userspace: lowercase hex, the one spelling of hashes and ids. */
#ifndef DG_HEX_H
#define DG_HEX_H

#include <stdbool.h>
#include <stddef.h>

/* Writes the @n bytes at @in as 2 * @n lowercase hex digits and a NUL. */
void dg_hex_encode(const unsigned char *in, size_t n, char *out);

/* Whether the @n characters at @s are all lowercase hex digits. */
bool dg_hex_is_lower(const char *s, size_t n);

#endif /* DG_HEX_H */

// SPDX-License-Identifier: GPL-2.0
/* driftguard userspace: lowercase hex, the one spelling of hashes and ids. */
#include "hex.h"

static const char dg_hex_digits[] = "0123456789abcdef";

void dg_hex_encode(const unsigned char *in, size_t n, char *out)
{
	size_t i;

	for (i = 0; i < n; i++) {
		out[2 * i] = dg_hex_digits[in[i] >> 4];
		out[2 * i + 1] = dg_hex_digits[in[i] & 15];
	}
	out[2 * n] = '\0';
}

bool dg_hex_is_lower(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return false;
	return true;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests: the listen_allow and connect_allow entries, parsed by the one
 * parser the module and driftctl share (module/netrule.h): a table of
 * {entry, expected rule or the module's message}.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "policy.h"
#include "../module/netrule.h"

struct port_case {
	const char *entry;
	int proto, first, last;
	const char *why;	/* NULL: accepted */
};

static const struct port_case port_cases[] = {
	{ "tcp:80", IPPROTO_TCP, 80, 80, NULL },
	{ "udp:53", IPPROTO_UDP, 53, 53, NULL },
	{ "sctp:9", IPPROTO_SCTP, 9, 9, NULL },
	{ "tcp:8000-8100", IPPROTO_TCP, 8000, 8100, NULL },
	{ "tcp:0", IPPROTO_TCP, 0, 0, NULL },
	{ "tcp:65535", IPPROTO_TCP, 65535, 65535, NULL },
	{ "80", 0, 0, 0, DG_NETRULE_PROTO_L },
	{ "icmp:1", 0, 0, 0, DG_NETRULE_PROTO_L },
	{ "TCP:80", 0, 0, 0, DG_NETRULE_PROTO_L },
	{ "tcp:", 0, 0, 0, DG_NETRULE_PORT_L },
	{ "tcp:65536", 0, 0, 0, DG_NETRULE_PORT_L },
	{ "tcp:100000", 0, 0, 0, DG_NETRULE_PORT_L },
	{ "tcp:90-80", 0, 0, 0, DG_NETRULE_PORT_L },
	{ "tcp:80-", 0, 0, 0, DG_NETRULE_PORT_L },
	{ "tcp:-80", 0, 0, 0, DG_NETRULE_PORT_L },
	{ "tcp:8o", 0, 0, 0, DG_NETRULE_PORT_L },
	{ "tcp:80 ", 0, 0, 0, DG_NETRULE_PORT_L },
};

static void listen_allow_entries_parse_or_are_refused_with_the_modules_message(void **state)
{
	struct dg_port_rule r;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(port_cases) / sizeof(port_cases[0]); i++) {
		const struct port_case *c = &port_cases[i];
		const char *why = dg_netrule_port_parse(c->entry, &r);

		if (c->why) {
			assert_non_null(why);
			assert_string_equal(why, c->why);
			continue;
		}
		if (why)
			fail_msg("'%s' refused: %s", c->entry, why);
		assert_int_equal(r.proto, c->proto);
		assert_int_equal(r.first, c->first);
		assert_int_equal(r.last, c->last);
	}
}

struct addr_case {
	const char *entry;
	int family, proto, prefix, first, last;
	const char *why;
};

static const struct addr_case addr_cases[] = {
	{ "10.0.0.0/8", AF_INET, 0, 8, 0, 65535, NULL },
	{ "10.0.0.5", AF_INET, 0, 32, 0, 65535, NULL },
	{ "10.0.0.0/8:443", AF_INET, 0, 8, 443, 443, NULL },
	{ "tcp:10.96.0.10:53", AF_INET, IPPROTO_TCP, 32, 53, 53, NULL },
	{ "udp:0.0.0.0/0:5000-6000", AF_INET, IPPROTO_UDP, 0, 5000, 6000, NULL },
	{ "2001:db8::/32", AF_INET6, 0, 32, 0, 65535, NULL },
	{ "::1", AF_INET6, 0, 128, 0, 65535, NULL },
	{ "[2001:db8::/32]:443", AF_INET6, 0, 32, 443, 443, NULL },
	{ "tcp:[fd00::1]:80-81", AF_INET6, IPPROTO_TCP, 128, 80, 81, NULL },
	{ "[::/0]", AF_INET6, 0, 0, 0, 65535, NULL },
	{ "", 0, 0, 0, 0, 0, DG_NETRULE_ADDR_C },
	{ "example.com", 0, 0, 0, 0, 0, DG_NETRULE_ADDR_C },
	{ "10.0.0", 0, 0, 0, 0, 0, DG_NETRULE_ADDR_C },
	{ "10.0.0.256", 0, 0, 0, 0, 0, DG_NETRULE_ADDR_C },
	{ "[10.0.0.1]:80", 0, 0, 0, 0, 0, DG_NETRULE_ADDR_C },
	{ "[2001:db8::1:80", 0, 0, 0, 0, 0, DG_NETRULE_ADDR_C },
	{ "10.0.0.0/33", 0, 0, 0, 0, 0, DG_NETRULE_PREFIX_C },
	{ "10.0.0.0/", 0, 0, 0, 0, 0, DG_NETRULE_PREFIX_C },
	{ "2001:db8::/129", 0, 0, 0, 0, 0, DG_NETRULE_PREFIX_C },
	{ "10.0.0.1/8", 0, 0, 0, 0, 0, DG_NETRULE_HOST_C },
	{ "2001:db8::1/32", 0, 0, 0, 0, 0, DG_NETRULE_HOST_C },
	{ "10.0.0.1:0", 0, 0, 0, 0, 0, DG_NETRULE_PORT_C },
	{ "10.0.0.1:65536", 0, 0, 0, 0, 0, DG_NETRULE_PORT_C },
	{ "10.0.0.1:", 0, 0, 0, 0, 0, DG_NETRULE_PORT_C },
	{ "[::1]80", 0, 0, 0, 0, 0, DG_NETRULE_PORT_C },
};

static void connect_allow_entries_parse_or_are_refused_with_the_modules_message(void **state)
{
	struct dg_addr_rule r;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(addr_cases) / sizeof(addr_cases[0]); i++) {
		const struct addr_case *c = &addr_cases[i];
		const char *why = dg_netrule_addr_parse(c->entry, &r);

		if (c->why) {
			if (!why)
				fail_msg("'%s' accepted", c->entry);
			assert_string_equal(why, c->why);
			continue;
		}
		if (why)
			fail_msg("'%s' refused: %s", c->entry, why);
		assert_int_equal(r.family, c->family);
		assert_int_equal(r.proto, c->proto);
		assert_int_equal(r.prefix, c->prefix);
		assert_int_equal(r.first, c->first);
		assert_int_equal(r.last, c->last);
	}
}

static void an_ipv4_entry_keeps_its_address_in_network_order(void **state)
{
	struct dg_addr_rule r;
	static const unsigned char want[4] = { 192, 168, 1, 0 };

	(void)state;
	assert_null(dg_netrule_addr_parse("192.168.1.0/24", &r));
	assert_memory_equal(r.addr, want, 4);
}

static void the_sixty_fifth_entry_and_a_long_one_are_refused(void **state)
{
	char longer[100];

	(void)state;
	assert_null(dg_netrule_check(DRIFTGUARD_A_LISTEN_ALLOW, 63, "tcp:80"));
	assert_string_equal(dg_netrule_check(DRIFTGUARD_A_LISTEN_ALLOW, 64,
					     "tcp:80"),
			    "too many entries in the list (at most 64)");
	memset(longer, '1', sizeof(longer) - 1);
	longer[sizeof(longer) - 1] = '\0';
	assert_string_equal(dg_netrule_check(DRIFTGUARD_A_CONNECT_ALLOW, 0,
					     longer),
			    "network entry longer than 79 bytes");
}

static void a_policy_with_a_bad_network_entry_does_not_validate(void **state)
{
	struct dg_policy pol = { 0 };
	char err[256];

	(void)state;
	assert_int_equal(dg_list_add(&pol.connect_allow, "10.0.0.1/8", 10), 0);
	assert_int_equal(dg_policy_validate(&pol, err, sizeof(err)), -EINVAL);
	assert_string_equal(err, "connect_allow: '10.0.0.1/8': "
			    DG_NETRULE_HOST_C);
	dg_policy_free(&pol);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(listen_allow_entries_parse_or_are_refused_with_the_modules_message),
		cmocka_unit_test(connect_allow_entries_parse_or_are_refused_with_the_modules_message),
		cmocka_unit_test(an_ipv4_entry_keeps_its_address_in_network_order),
		cmocka_unit_test(the_sixty_fifth_entry_and_a_long_one_are_refused),
		cmocka_unit_test(a_policy_with_a_bad_network_entry_does_not_validate),
	};

	return cmocka_run_group_tests_name("netrule", tests, NULL, NULL);
}

/*
 * test_params.c - decoding, UTF-8 and the table-driven validator, with the exact messages
 * a user reads on a 400 page; ids in paths.
 */
#include <string.h>

#include "params.h"
#include "unit.h"

static int known_code(const char *s) { return strcmp(s, "FR") == 0 || strcmp(s, "BR") == 0; }

static const struct param_choice sorts[] = { { "name", "" }, { "country", "" }, { NULL, NULL } };
enum { K_SORT, K_PAGE, K_COUNTRY, K_Q, K__MAX };
static const struct param_spec spec[K__MAX] = {
	[K_SORT] = { "sort", PARAM_ENUM, 0, 0, sorts, NULL, NULL },
	[K_PAGE] = { "page", PARAM_INT, 1, 100, NULL, NULL, NULL },
	[K_COUNTRY] = { "country", PARAM_LOOKUP, 0, 2, NULL, known_code, "use FR or BR" },
	[K_Q] = { "q", PARAM_TEXT, 0, 20, NULL, NULL, NULL },
};

static struct params p;

static int
parse(const char *q)
{
	return params_parse(&p, spec, K__MAX, q);
}

START_TEST(valid_values_are_decoded)
{
	ck_assert_int_eq(parse("sort=country&page=42&country=FR&q=caf%C3%A9+au+lait"), 0);
	ck_assert_str_eq(p.v[K_SORT].str, "country");
	ck_assert_int_eq(p.v[K_PAGE].num, 42);
	ck_assert_str_eq(p.v[K_COUNTRY].str, "FR");
	ck_assert_str_eq(p.v[K_Q].str, "café au lait");
	ck_assert_int_eq(p.v[K_Q].present, 1);
}
END_TEST

START_TEST(empty_and_unknown_parameters_are_ignored)
{
	ck_assert_int_eq(parse("sort=&utm_source=newsletter&&page=3&=x"), 0);
	ck_assert_int_eq(p.v[K_SORT].present, 0);
	ck_assert_str_eq(p.v[K_SORT].str, "");
	ck_assert_int_eq(p.v[K_PAGE].num, 3);
	ck_assert_int_eq(parse(NULL), 0);
	ck_assert_int_eq(parse(""), 0);
}
END_TEST

START_TEST(bad_numbers_name_the_parameter_and_range)
{
	static const char *const bad[] = {
		"page=-1", "page=0", "page=abc", "page=101", "page=1e3", "page=+5", "page=%205",
		"page=99999999999999999999", "page=5x",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		ck_assert_int_eq(parse(bad[i]), -1);
		ck_assert_str_eq(p.error, "page must be a whole number from 1 to 100.");
		ck_assert_int_eq(p.error_key, K_PAGE);
	}
}
END_TEST

START_TEST(choices_are_listed_when_one_is_wrong)
{
	ck_assert_int_eq(parse("sort=newest"), -1);
	ck_assert_str_eq(p.error, "sort must be one of: name, country.");
}
END_TEST

START_TEST(lookups_quote_a_short_excerpt)
{
	char q[200];

	ck_assert_int_eq(parse("country=ZZZ"), -1);
	ck_assert_str_eq(p.error, "country: “ZZZ” is not known here; use FR or BR.");
	memset(q, 0, sizeof q);
	strcpy(q, "country=");
	memset(q + 8, 'a', 100);
	ck_assert_int_eq(parse(q), -1);
	ck_assert_ptr_nonnull(strstr(p.error, "aaaa…”"));
	ck_assert_uint_lt(strlen(p.error), 160);
}
END_TEST

START_TEST(broken_escapes_and_bad_utf8_are_rejected)
{
	static const char *const bad_utf8[] = {
		"q=%FF", "q=%C0%AF", "q=%ED%A0%80", "q=%F4%90%80%80", "q=%E2%82", "q=a%00b",
	};
	ck_assert_int_eq(parse("q=%G1"), -1);
	ck_assert_str_eq(p.error, "q has a broken %-escape.");
	ck_assert_int_eq(parse("q=abc%4"), -1);
	ck_assert_int_eq(parse("q=abc%"), -1);
	for (size_t i = 0; i < sizeof bad_utf8 / sizeof bad_utf8[0]; i++) {
		ck_assert_int_eq(parse(bad_utf8[i]), -1);
		ck_assert_str_eq(p.error, "q is not valid UTF-8 text.");
	}
	ck_assert_int_eq(parse("q=%F0%9F%93%9A"), 0);	/* a real 4-byte character: 📚 */
}
END_TEST

START_TEST(repeats_and_lengths_are_limited)
{
	static char big[PARAMS_INPUT_MAX + 10];

	ck_assert_int_eq(parse("page=1&page=2"), -1);
	ck_assert_str_eq(p.error, "page is given more than once; give it once.");
	ck_assert_int_eq(parse("q=123456789012345678901"), -1);
	ck_assert_str_eq(p.error, "q must be at most 20 bytes long (it was 21).");
	memset(big, 'x', sizeof big - 1);
	memcpy(big, "q=", 2);
	ck_assert_int_eq(parse(big), -1);
	ck_assert_int_eq(p.error_key, -1);
	ck_assert_ptr_nonnull(strstr(p.error, "too long"));
}
END_TEST

START_TEST(first_error_is_the_one_reported)
{
	ck_assert_int_eq(parse("sort=x&page=0"), -1);
	ck_assert_int_eq(p.error_key, K_SORT);
}
END_TEST

START_TEST(hrefs_keep_the_view_and_encode_values)
{
	char buf[256];

	ck_assert_int_eq(parse("q=caf%C3%A9+%26+t%C3%A9&page=3&sort=name"), 0);
	ck_assert_int_eq(params_href(&p, "/list", 1UL << K_PAGE, "page", "4", buf, sizeof buf), 0);
	ck_assert_str_eq(buf, "/list?sort=name&q=caf%C3%A9%20%26%20t%C3%A9&page=4");
	ck_assert_int_eq(params_href(&p, "/list", ~0UL, NULL, NULL, buf, sizeof buf), 0);
	ck_assert_str_eq(buf, "/list");
	ck_assert_int_eq(params_href(&p, "/list", 0, NULL, NULL, buf, 12), -1);
}
END_TEST

START_TEST(utf8_validator_accepts_every_script)
{
	const char *ok = "Biblioteca Pública · Львів · مكتبة · 図書館 · 도서관 · 📚";
	ck_assert_int_eq(utf8_valid(ok, strlen(ok)), 1);
	ck_assert_int_eq(utf8_valid("\xC3", 1), 0);
	ck_assert_int_eq(utf8_valid("\xF5\x80\x80\x80", 4), 0);
}
END_TEST

/* The id, where params_path_id() leaves s, or 0 and s unmoved. */
static long long
path_id(const char *path, const char **rest)
{
	*rest = path;
	return params_path_id(rest);
}

START_TEST(path_ids_are_whole_numbers_without_leading_zeros)
{
	const char *rest;

	ck_assert_int_eq(path_id("123", &rest), 123);
	ck_assert_str_eq(rest, "");
	ck_assert_int_eq(path_id("12/edit", &rest), 12);
	ck_assert_str_eq(rest, "/edit");
	ck_assert_int_eq(path_id("7x", &rest), 7);	/* the caller's routes refuse "x" */
	ck_assert_str_eq(rest, "x");
	ck_assert_int_eq(path_id("999999999999999", &rest), 999999999999999LL);	/* 15 digits */
	ck_assert_int_eq(path_id("1000000000000000", &rest), 0);	/* 16 */
	ck_assert_str_eq(rest, "1000000000000000");
	ck_assert_int_eq(path_id("99999999999999999999", &rest), 0);
	ck_assert_int_eq(path_id("0", &rest), 0);
	ck_assert_int_eq(path_id("012", &rest), 0);
	ck_assert_int_eq(path_id("", &rest), 0);
	ck_assert_int_eq(path_id("/12", &rest), 0);
	ck_assert_int_eq(path_id("-3", &rest), 0);
	ck_assert_int_eq(path_id(" 3", &rest), 0);
	ck_assert_int_eq(path_id("+3", &rest), 0);
}
END_TEST

Suite *
params_suite(void)
{
	Suite *s = suite_create("params");
	TCase *t = tcase_create("parse");

	tcase_add_test(t, valid_values_are_decoded);
	tcase_add_test(t, empty_and_unknown_parameters_are_ignored);
	tcase_add_test(t, bad_numbers_name_the_parameter_and_range);
	tcase_add_test(t, choices_are_listed_when_one_is_wrong);
	tcase_add_test(t, lookups_quote_a_short_excerpt);
	tcase_add_test(t, broken_escapes_and_bad_utf8_are_rejected);
	tcase_add_test(t, repeats_and_lengths_are_limited);
	tcase_add_test(t, first_error_is_the_one_reported);
	tcase_add_test(t, hrefs_keep_the_view_and_encode_values);
	tcase_add_test(t, utf8_validator_accepts_every_script);
	tcase_add_test(t, path_ids_are_whole_numbers_without_leading_zeros);
	suite_add_tcase(s, t);
	return s;
}

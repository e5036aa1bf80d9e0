/*
 * test_entry.c - the writing side's building blocks: hashes and MACs against their published
 * test vectors, passwords, form tokens (every verdict), the form parser, and entries: an
 * application stored once, duplicates found through case and accents, the hourly limit, and
 * the audit log's old and new values.
 */
#include <string.h>
#include <time.h>

#include "config.h"
#include "crypto.h"
#include "db.h"
#include "entry.h"
#include "form.h"
#include "orgform.h"
#include "token.h"
#include "unit.h"

START_TEST(sha256_and_hmac_match_their_test_vectors)
{
	uint8_t out[32];
	char hex[65];
	const void *parts[] = { "what do ya ", "want for nothing?" };
	size_t lens[] = { 11, 17 };

	crypto_sha256("abc", 3, out);
	crypto_hex(hex, out, 32);
	ck_assert_str_eq(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	/* RFC 4231, test case 2, given in two parts. */
	crypto_hmac((const uint8_t *)"Jefe", 4, parts, lens, 2, out);
	crypto_hex(hex, out, 32);
	ck_assert_str_eq(hex, "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
	ck_assert_int_eq(crypto_unhex(out, 2, "0aFf"), 0);
	ck_assert_int_eq(out[0], 0x0a);
	ck_assert_int_eq(out[1], 0xff);
	ck_assert_int_eq(crypto_unhex(out, 2, "0aF"), -1);
	ck_assert_int_eq(crypto_unhex(out, 2, "0aFf0"), -1);
	ck_assert_int_eq(crypto_unhex(out, 2, "0aFg"), -1);
}
END_TEST

START_TEST(passwords_are_yescrypt_and_checked_exactly)
{
	char hash[CRYPTO_PASSWORD_MAX], again[CRYPTO_PASSWORD_MAX];

	ck_assert_int_eq(crypto_password_hash("correct horse", hash), 0);
	ck_assert_int_eq(strncmp(hash, "$y$", 3), 0);
	ck_assert_int_eq(crypto_password_hash("correct horse", again), 0);
	ck_assert_str_ne(hash, again);		/* a fresh salt each time */
	ck_assert(crypto_password_check("correct horse", hash));
	ck_assert(!crypto_password_check("correct horsE", hash));
	ck_assert(!crypto_password_check("", hash));
	ck_assert(!crypto_password_check("correct horse", ""));
	ck_assert(!crypto_password_check("correct horse", "*"));
	ck_assert(!crypto_password_check("correct horse", "$y$garbage"));
}
END_TEST

START_TEST(tokens_say_exactly_what_is_wrong)
{
	const char *path = make_test_db(0);
	char tok[TOKEN_CHARS + 1], bad[TOKEN_CHARS + 1];
	uint8_t nonce[TOKEN_NONCE_SIZE], zero[TOKEN_NONCE_SIZE] = { 0 };
	time_t now = 1800000000;

	use_test_db(path);
	token_forget_secret();
	ck_assert_int_eq(token_make(tok, "apply", "", now - 10), 0);
	ck_assert_int_eq(strlen(tok), TOKEN_CHARS);
	memset(nonce, 0, sizeof nonce);
	ck_assert_int_eq(token_check(tok, "apply", "", now, 3, 3600, nonce), TOKEN_OK);
	ck_assert(memcmp(nonce, zero, sizeof nonce) != 0);
	ck_assert_int_eq(token_check(tok, "staff", "", now, 3, 3600, NULL), TOKEN_BAD);
	ck_assert_int_eq(token_check(tok, "apply", "s1", now, 3, 3600, NULL), TOKEN_BAD);
	/* "ap"+"ply" is not "app"+"ly": purpose and binding cannot trade characters. */
	ck_assert_int_eq(token_make(tok, "ap", "ply", now), 0);
	ck_assert_int_eq(token_check(tok, "app", "ly", now, 0, 3600, NULL), TOKEN_BAD);
	ck_assert_int_eq(token_make(tok, "apply", "", now - 10), 0);
	memcpy(bad, tok, sizeof bad);
	bad[TOKEN_CHARS - 1] = bad[TOKEN_CHARS - 1] == '0' ? '1' : '0';
	ck_assert_int_eq(token_check(bad, "apply", "", now, 3, 3600, NULL), TOKEN_BAD);
	ck_assert_int_eq(token_check(tok, "apply", "", now + 3600, 3, 3600, NULL), TOKEN_EXPIRED);
	ck_assert_int_eq(token_check(tok, "apply", "", now - 100, 3, 3600, NULL), TOKEN_EXPIRED);
	ck_assert_int_eq(token_check(tok, "apply", "", now - 8, 3, 3600, NULL), TOKEN_EARLY);
	ck_assert_int_eq(token_check("", "apply", "", now, 3, 3600, NULL), TOKEN_MISSING);
	ck_assert_int_eq(token_check("abc", "apply", "", now, 3, 3600, NULL), TOKEN_BAD);
	token_forget_secret();
	drop_test_db(path);
}
END_TEST

static const struct param_choice sizes[] = { { "s", "Small" }, { "l", "Large" }, { NULL, NULL } };
static const struct field_spec fields[] = {
	{ "name", "Name of the thing", FIELD_TEXT, 1, 10, NULL, NULL, 0, 0, NULL, NULL },
	{ "notes", "Notes", FIELD_LONGTEXT, 0, 20, NULL, NULL, 0, 0, NULL, NULL },
	{ "site", "Website", FIELD_URL, 0, 40, NULL, NULL, 0, 0, NULL, NULL },
	{ "sizes", "Sizes", FIELD_CHOICES, 1, 2, NULL, sizes, 0, 0, NULL, NULL },
	{ "size", "Size", FIELD_CHOICE, 0, 0, NULL, sizes, 0, 0, NULL, NULL },
};

START_TEST(the_form_parser_keeps_every_problem_and_tidies_what_is_kept)
{
	static struct form f;

	ck_assert_int_eq(form_parse(&f, fields, 5,
	    "name=+%C3%89t%C3%A9+&notes=one%0D%0Atwo+&site=www.x.org&sizes=l&sizes=s&sizes=l&other=1"), 0);
	ck_assert_str_eq(f.v[0].str, "Été");
	ck_assert_str_eq(f.v[1].str, "one\ntwo");
	ck_assert_str_eq(f.v[2].str, "https://www.x.org");
	ck_assert_int_eq(f.v[3].nitems, 2);	/* the repeated "l" counts once */
	ck_assert_str_eq(f.v[3].items[0], "l");
	ck_assert(form_has(&f, 3, "s"));

	ck_assert_int_eq(form_parse(&f, fields, 5,
	    "name=elevenchars&site=javascript:x&sizes=m&size=s&size=l"), 4);
	ck_assert_str_eq(f.v[0].error, "Shorten name of the thing to 10 characters or fewer (it has 11).");
	ck_assert_str_eq(f.v[2].error, "Enter a web address like https://www.library.org.");
	ck_assert_str_eq(f.v[3].error, "Choose sizes from the list.");
	ck_assert_str_eq(f.v[4].error, "This field was sent more than once.");
	ck_assert_int_eq(form_parse(&f, fields, 5, "name=%E9&sizes="), 2);
	ck_assert_str_eq(f.v[0].error, "This is not readable text: type it again.");
	ck_assert_str_eq(f.v[3].error, "Choose at least one: sizes.");
}
END_TEST

static struct form org;

/* A valid organization form for name in country, checked against the database. */
static void
fill_org(const char *name, const char *country)
{
	char body[1024];

	snprintf(body, sizeof body, "name=%s&type=public&country=%s&city=Town&languages=es"
	    "&interests=pen_pals&timezone=America%%2FBogota&seeks=any&commitment=informal"
	    "&contact_name=Ana&contact_email=ana%%40x.org", name, country);
	ck_assert_int_eq(form_parse(&org, orgform_fields, ORGF__MAX, body), 0);
}

static enum change_result
apply_from(const char *addr, uint8_t nonce_byte, struct entry_application *a)
{
	static uint8_t nonce[TOKEN_NONCE_SIZE], hash[32];

	memset(a, 0, sizeof *a);
	memset(nonce, nonce_byte, sizeof nonce);
	token_hash_address(addr, hash);
	a->nonce = nonce;
	a->addr_hash = hash;
	a->limit_per_hour = 3;
	a->now = time(NULL);
	return entry_apply(&org, a);
}

START_TEST(applications_are_stored_once_and_duplicates_found_through_accents)
{
	const char *path = make_test_db(1);
	struct entry_application a, b;

	use_test_db(path);
	token_forget_secret();
	fill_org("BIBLIOTECA+publica+municipal+de+Pereira.", "CO");
	ck_assert_int_eq(apply_from("10.0.0.1", 1, &a), CHANGE_INVALID);
	ck_assert_str_eq(org.v[ORGF_NAME].error, "An organization with this name in this country is "
	    "already in the directory. To change its entry, write to the directory's staff rather "
	    "than applying again.");
	fill_org("Biblioteca+P%C3%BAblica+Municipal+de+Pereira", "PE");
	ck_assert_int_eq(apply_from("10.0.0.1", 1, &a), CHANGE_OK);
	ck_assert_int_eq(strlen(a.reference), 11);
	/* The same form again: the same application, nothing new. */
	ck_assert_int_eq(apply_from("10.0.0.1", 1, &b), CHANGE_RESUBMITTED);
	ck_assert_str_eq(b.reference, a.reference);
	ck_assert_int_eq(b.id, a.id);
	/* Now pending in Peru: a second application for it is refused. */
	fill_org("biblioteca+publica+municipal+de+pereira", "PE");
	ck_assert_int_eq(apply_from("10.0.0.2", 2, &b), CHANGE_INVALID);
	ck_assert_ptr_nonnull(strstr(org.v[ORGF_NAME].error, "waiting for review"));
	ck_assert_int_eq(query_int(path, "SELECT count(*) FROM org WHERE country = 'PE' AND status = 'pending'"), 1);
	/* Three an hour from one address, then no more; another address is not affected. */
	fill_org("Uno", "PE");
	ck_assert_int_eq(apply_from("10.0.0.1", 3, &b), CHANGE_OK);
	fill_org("Dos", "PE");
	ck_assert_int_eq(apply_from("10.0.0.1", 4, &b), CHANGE_OK);
	fill_org("Tres", "PE");
	ck_assert_int_eq(apply_from("10.0.0.1", 5, &b), CHANGE_LIMITED);
	ck_assert_int_eq(apply_from("10.0.0.3", 5, &b), CHANGE_OK);
	token_forget_secret();
	drop_test_db(path);
}
END_TEST

START_TEST(edits_and_actions_are_audited_with_old_and_new_values)
{
	const char *path = make_test_db(1);
	struct entry_application a;
	char sql[256];

	use_test_db(path);
	token_forget_secret();
	fill_org("Biblioteca+Nueva", "CO");
	ck_assert_int_eq(apply_from("10.0.0.9", 9, &a), CHANGE_OK);
	ck_assert_int_eq(entry_act(a.id, ACT_CONFIRM, "", "ana"), CHANGE_CONFLICT);
	ck_assert_int_eq(entry_act(a.id, ACT_APPROVE, "", "ana"), CHANGE_OK);
	ck_assert_int_eq(entry_act(a.id, ACT_APPROVE, "", "ana"), CHANGE_CONFLICT);
	ck_assert_int_eq(entry_act(999999, ACT_APPROVE, "", "ana"), CHANGE_NOT_FOUND);
	ck_assert_int_eq(orgform_load(&org, a.id), 0);
	ck_assert_str_eq(org.v[ORGF_CITY].str, "Town");
	ck_assert_int_eq(org.v[ORGF_LANGUAGES].nitems, 1);
	form_set(&org, ORGF_CITY, "Cali");
	form_add_item(&org, ORGF_LANGUAGES, "en");
	ck_assert_int_eq(entry_update(a.id, &org, "", NULL, "ana"), CHANGE_OK);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM audit a JOIN audit_change c ON c.audit_id = a.id"
	    " WHERE a.org_id = %lld AND a.action = 'edited' AND c.field = 'city'"
	    " AND c.old_value = 'Town' AND c.new_value = 'Cali'", a.id);
	ck_assert_int_eq(query_int(path, sql), 1);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM audit a JOIN audit_change c ON c.audit_id = a.id"
	    " WHERE a.org_id = %lld AND c.field = 'languages' AND c.old_value = 'Spanish'"
	    " AND c.new_value = 'English; Spanish'", a.id);
	ck_assert_int_eq(query_int(path, sql), 1);
	/* An edit that changes nothing is recorded, with no field changes. */
	ck_assert_int_eq(entry_update(a.id, &org, "", NULL, "ana"), CHANGE_OK);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM audit_change WHERE audit_id = (SELECT max(id) FROM audit)");
	ck_assert_int_eq(query_int(path, sql), 0);
	token_forget_secret();
	drop_test_db(path);
}
END_TEST

Suite *
entry_suite(void)
{
	Suite *s = suite_create("entry");
	TCase *t = tcase_create("core");

	tcase_set_timeout(t, 60);
	tcase_add_test(t, sha256_and_hmac_match_their_test_vectors);
	tcase_add_test(t, passwords_are_yescrypt_and_checked_exactly);
	tcase_add_test(t, tokens_say_exactly_what_is_wrong);
	tcase_add_test(t, the_form_parser_keeps_every_problem_and_tidies_what_is_kept);
	tcase_add_test(t, applications_are_stored_once_and_duplicates_found_through_accents);
	tcase_add_test(t, edits_and_actions_are_audited_with_old_and_new_values);
	suite_add_tcase(s, t);
	return s;
}

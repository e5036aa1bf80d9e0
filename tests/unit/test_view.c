/*
 * test_view.c - templates escape what they show, pages carry the layout, and links work at
 * / and under a shared host's /cgi-bin/ alike, and in the bundle's clean addresses.
 */
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "db.h"
#include "serve.h"
#include "view.h"
#include <unistd.h>
#include "unit.h"

START_TEST(error_page_escapes_its_detail)
{
	struct captured c;
	const char *out;

	captured_open(&c);
	req_error(&c.r, 400, "<script>alert(1)</script> & \"quotes\"");
	out = captured_text(&c);
	ck_assert_ptr_nonnull(strstr(out, "Status: 400 Bad Request\r\n"));
	ck_assert_ptr_nonnull(strstr(out, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;"));
	ck_assert_ptr_null(strstr(out, "<script>"));
	ck_assert_ptr_nonnull(strstr(out, "<title>Bad Request · "));
	ck_assert_ptr_nonnull(strstr(out, "<main id=\"main\">"));
	captured_close(&c);
}
END_TEST

START_TEST(method_not_allowed_says_what_is)
{
	struct captured c;
	const char *out;

	captured_open(&c);
	req_method_not_allowed(&c.r, "GET, HEAD");
	out = captured_text(&c);
	ck_assert_ptr_nonnull(strstr(out, "Status: 405 Method Not Allowed\r\nContent-Type:"));
	ck_assert_ptr_nonnull(strstr(out, "\r\nAllow: GET, HEAD\r\n"));
	captured_close(&c);
}
END_TEST

static char seen_link[256], seen_self[256], seen_static[512];

static void
record_links(struct req *r)
{
	req_link(r, seen_link, sizeof seen_link, "search");
	req_link(r, seen_self, sizeof seen_self, "list");
	snprintf(seen_static, sizeof seen_static, "%s", r->static_url);
	req_head(r, 204, "text/plain", NULL);
}

START_TEST(links_follow_script_name)
{
	static const struct program prog = { "list", record_links, NULL };
	static const char *const cases[][3] = {
		{ "/list", "/search", "/list" },
		{ "/cgi-bin/list.cgi", "/cgi-bin/search.cgi", "/cgi-bin/list.cgi" },
		{ "/library/partners/list.fcgi", "/library/partners/search.fcgi", "/library/partners/list.fcgi" },
	};
	struct captured c;
	const char *db = make_test_db(0);

	/* A request is only handed to its program once the database is open. */
	snprintf(config.database, sizeof config.database, "%s", db);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		setenv("SCRIPT_NAME", cases[i][0], 1);
		setenv("REQUEST_METHOD", "GET", 1);
		captured_open(&c);
		http_serve_cgi_once(&prog, &c.r, stdin, c.f);
		ck_assert_str_eq(seen_link, cases[i][1]);
		ck_assert_str_eq(seen_self, cases[i][2]);
		captured_close(&c);
	}
	unsetenv("SCRIPT_NAME");
	db_close();
	unlink(db);
}
END_TEST

/*
 * In the upload bundle under Apache: the stylesheet is found beside cgi-bin, and a clean
 * address that mod_rewrite sent here (REDIRECT_URL) keeps links clean, but only when it is
 * this program's own address and a plain path: anything else links by SCRIPT_NAME.
 */
START_TEST(bundle_links_follow_the_address_asked_for)
{
	static const struct program prog = { "list", record_links, NULL };
	static const char *const cases[][4] = {	/* PATH_INFO, REDIRECT_URL, search link, list link */
		{ "", "", "/x/partners/cgi-bin/search.fcgi", "/x/partners/cgi-bin/list.fcgi" },
		{ "/5", "/x/partners/list/5", "/x/partners/search", "/x/partners/list" },
		{ "", "/x/partners/list", "/x/partners/search", "/x/partners/list" },
		{ "", "/x/partners/", "/x/partners/search", "/x/partners/list" },
		{ "", "/x/partners/search", "/x/partners/cgi-bin/search.fcgi", "/x/partners/cgi-bin/list.fcgi" },
		{ "/5", "/x/partners/list/6", "/x/partners/cgi-bin/search.fcgi", "/x/partners/cgi-bin/list.fcgi" },
		{ "", "//evil.example/list", "/x/partners/cgi-bin/search.fcgi", "/x/partners/cgi-bin/list.fcgi" },
		{ "", "/x/../list", "/x/partners/cgi-bin/search.fcgi", "/x/partners/cgi-bin/list.fcgi" },
		{ "", "/x/\"onclick=/list", "/x/partners/cgi-bin/search.fcgi", "/x/partners/cgi-bin/list.fcgi" },
		{ "", "list", "/x/partners/cgi-bin/search.fcgi", "/x/partners/cgi-bin/list.fcgi" },
	};
	struct captured c;
	const char *db = make_test_db(0);

	snprintf(config.database, sizeof config.database, "%s", db);
	snprintf(config.bundle_root, sizeof config.bundle_root, "/srv/bundle-under-test");
	config.static_url[0] = '\0';
	setenv("SCRIPT_NAME", "/x/partners/cgi-bin/list.fcgi", 1);
	setenv("REQUEST_METHOD", "GET", 1);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		setenv("PATH_INFO", cases[i][0], 1);
		setenv("REDIRECT_URL", cases[i][1], 1);
		captured_open(&c);
		http_serve_cgi_once(&prog, &c.r, stdin, c.f);
		ck_assert_msg(strcmp(seen_link, cases[i][2]) == 0, "%s: %s", cases[i][1], seen_link);
		ck_assert_msg(strcmp(seen_self, cases[i][3]) == 0, "%s: %s", cases[i][1], seen_self);
		ck_assert_str_eq(seen_static, "/x/partners/htdocs");
		captured_close(&c);
	}
	/* Not from a cgi-bin folder: the default place. */
	setenv("SCRIPT_NAME", "/list", 1);
	unsetenv("REDIRECT_URL");
	unsetenv("PATH_INFO");
	captured_open(&c);
	http_serve_cgi_once(&prog, &c.r, stdin, c.f);
	ck_assert_str_eq(seen_static, "/static");
	ck_assert_str_eq(seen_link, "/search");
	captured_close(&c);
	unsetenv("SCRIPT_NAME");
	config.bundle_root[0] = '\0';
	snprintf(config.static_url, sizeof config.static_url, "/static");
	db_close();
	unlink(db);
}
END_TEST

Suite *
view_suite(void)
{
	Suite *s = suite_create("view");
	TCase *t = tcase_create("render");

	tcase_add_test(t, error_page_escapes_its_detail);
	tcase_add_test(t, method_not_allowed_says_what_is);
	tcase_add_test(t, links_follow_script_name);
	tcase_add_test(t, bundle_links_follow_the_address_asked_for);
	suite_add_tcase(s, t);
	return s;
}

/*
 * test_http.c - reading a form body: the size limit (413 before reading anything), content
 * types, short bodies, and the body reaching the parameter table intact; and the request
 * line the log keeps, without what anyone typed.
 */
#include <stdlib.h>
#include <string.h>

#include "params.h"
#include "unit.h"

/* Sets the CGI environment for a POST and reads it with a limit of size bytes. */
static int
post(const char *type, const char *length, const char *body, char *buf, size_t size, long *left)
{
	struct req r;
	FILE *in = fmemopen((void *)body, strlen(body) + 1, "r");
	int rc;

	memset(&r, 0, sizeof r);
	r.is_cgi = 1;
	r.cgi_in = in;
	setenv("CONTENT_TYPE", type, 1);
	if (length)
		setenv("CONTENT_LENGTH", length, 1);
	else
		unsetenv("CONTENT_LENGTH");
	rc = req_read_form(&r, buf, size);
	*left = ftell(in);
	fclose(in);
	return rc;
}

START_TEST(a_form_is_read_and_parsed)
{
	static const struct param_spec spec[] = { { "name", PARAM_TEXT, 0, 100, NULL, NULL, NULL } };
	char buf[64];
	long pos;
	struct params p;

	ck_assert_int_eq(post("application/x-www-form-urlencoded", "28",
	    "name=Biblioteca+P%C3%BAblica", buf, sizeof buf, &pos), 0);
	ck_assert_str_eq(buf, "name=Biblioteca+P%C3%BAblica");
	ck_assert_int_eq(params_parse(&p, spec, 1, buf), 0);
	ck_assert_str_eq(p.v[0].str, "Biblioteca Pública");
	ck_assert_int_eq(post("application/x-www-form-urlencoded; charset=UTF-8", "6", "name=x",
	    buf, sizeof buf, &pos), 0);
	ck_assert_int_eq(post("application/x-www-form-urlencoded", NULL, "", buf, sizeof buf, &pos), 0);
	ck_assert_str_eq(buf, "");
}
END_TEST

START_TEST(over_the_limit_is_413_and_nothing_is_read)
{
	char buf[16];
	long pos;

	ck_assert_int_eq(post("application/x-www-form-urlencoded", "16", "0123456789abcdef",
	    buf, sizeof buf, &pos), 413);
	ck_assert_int_eq(pos, 0);
	ck_assert_int_eq(post("application/x-www-form-urlencoded", "99999999999999999999", "x",
	    buf, sizeof buf, &pos), 413);
	ck_assert_int_eq(post("application/x-www-form-urlencoded", "15", "0123456789abcde",
	    buf, sizeof buf, &pos), 0);
}
END_TEST

START_TEST(wrong_types_and_short_bodies)
{
	char buf[64];
	long pos;

	ck_assert_int_eq(post("multipart/form-data; boundary=x", "4", "abcd", buf, sizeof buf, &pos), 415);
	ck_assert_int_eq(post("application/x-www-form-urlencodedX", "4", "abcd", buf, sizeof buf, &pos), 415);
	ck_assert_int_eq(post("application/x-www-form-urlencoded", "40", "too short", buf, sizeof buf, &pos), 400);
	ck_assert_int_eq(post("application/x-www-form-urlencoded", "-1", "", buf, sizeof buf, &pos), 400);
	ck_assert_int_eq(post("application/x-www-form-urlencoded", "4x", "abcd", buf, sizeof buf, &pos), 400);
	unsetenv("CONTENT_TYPE");
	unsetenv("CONTENT_LENGTH");
}
END_TEST

/* The log keeps the parameters' names and never their values: a search, a name, an address. */
START_TEST(the_logged_request_line_keeps_names_and_drops_values)
{
	char out[64];
	struct req r;

	http_query_names("q=Jane%20Doe&type=public&country=", out, sizeof out);
	ck_assert_str_eq(out, "q=&type=&country=");
	http_query_names("flag&&page=2&", out, sizeof out);
	ck_assert_str_eq(out, "flag&page=");
	http_query_names("", out, sizeof out);
	ck_assert_str_eq(out, "");
	http_query_names("a\nb=x\ty", out, sizeof out);	/* one line, whatever was sent */
	ck_assert_str_eq(out, "a?b=");
	http_query_names("name=secret", out, 4);	/* cut to the room there is, never past it */
	ck_assert_str_eq(out, "nam");

	memset(&r, 0, sizeof r);
	r.is_cgi = 1;
	r.method_name = "GET";
	r.path_info = "";
	r.query = "q=jane@example.org&type=public";
	setenv("REQUEST_URI", "/search?q=jane@example.org&type=public", 1);
	req_log_line(&r, out, sizeof out);
	ck_assert_str_eq(out, "GET /search?q=&type=");
	unsetenv("REQUEST_URI");	/* plain CGI without it: the program's name and its path */
	setenv("SCRIPT_NAME", "/cgi-bin/staff.cgi", 1);
	r.method_name = "POST";
	r.path_info = "/org/12/approve";
	r.query = "";
	req_log_line(&r, out, sizeof out);
	ck_assert_str_eq(out, "POST /cgi-bin/staff.cgi/org/12/approve");
	unsetenv("SCRIPT_NAME");
}
END_TEST

Suite *
http_suite(void)
{
	Suite *s = suite_create("http");
	TCase *t = tcase_create("form body");

	tcase_add_test(t, a_form_is_read_and_parsed);
	tcase_add_test(t, over_the_limit_is_413_and_nothing_is_read);
	tcase_add_test(t, wrong_types_and_short_bodies);
	tcase_add_test(t, the_logged_request_line_keeps_names_and_drops_values);
	suite_add_tcase(s, t);
	return s;
}

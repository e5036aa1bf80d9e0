/*
 * test_route.c - the route tables' dispatcher: which path matches which pattern and with what
 * ids, and what a request that fits no row is answered (404, 405 with its Allow, 303 to sign
 * in, 403), as a user or a browser would see it: the status and the headers.
 */
#include <string.h>

#include "auth.h"
#include "route.h"
#include "staffpage.h"
#include "unit.h"

START_TEST(patterns_match_whole_paths_and_read_ids)
{
	struct route_args a;

	ck_assert_int_eq(route_match("", "", &a), 1);
	ck_assert_int_eq(route_match("", "/", &a), 1);		/* /list/ is /list */
	ck_assert_int_eq(route_match("", "/x", &a), 0);
	ck_assert_int_eq(route_match("/queue", "/queue", &a), 1);
	ck_assert_int_eq(route_match("/queue", "/queue/", &a), 0);
	ck_assert_int_eq(route_match("/queue", "/queu", &a), 0);
	ck_assert_int_eq(route_match("/queue", "/queues", &a), 0);

	ck_assert_int_eq(route_match("/#", "/42", &a), 1);
	ck_assert_int_eq(a.nids, 1);
	ck_assert_int_eq(a.ids[0], 42);
	ck_assert_int_eq(a.ids[1], 0);
	ck_assert_int_eq(route_match("/#/activities/#/delete", "/7/activities/123456789012345/delete", &a), 1);
	ck_assert_int_eq(a.nids, 2);
	ck_assert_int_eq(a.ids[0], 7);
	ck_assert_int_eq(a.ids[1], 123456789012345LL);
	/* What is not an id: zero, a leading zero, letters, a sign, 16 digits, nothing. */
	ck_assert_int_eq(route_match("/#", "/0", &a), 0);
	ck_assert_int_eq(route_match("/#", "/042", &a), 0);
	ck_assert_int_eq(route_match("/#", "/4a", &a), 0);
	ck_assert_int_eq(route_match("/#", "/-4", &a), 0);
	ck_assert_int_eq(route_match("/#", "/1234567890123456", &a), 0);
	ck_assert_int_eq(route_match("/#", "/", &a), 0);
	ck_assert_int_eq(route_match("/#/edit", "/4/edit/", &a), 0);
	ck_assert_int_eq(route_match("/#/activities/#/delete", "/7/activities/new/delete", &a), 0);

	ck_assert_int_eq(route_match("/org/#/*", "/org/3/approve", &a), 1);
	ck_assert_int_eq(a.ids[0], 3);
	ck_assert_str_eq(a.rest, "approve");
	ck_assert_int_eq(route_match("/org/#/*", "/org/3/a/b", &a), 1);
	ck_assert_str_eq(a.rest, "a/b");
	ck_assert_int_eq(route_match("/org/#/*", "/org/3/", &a), 0);	/* "*" is never empty */
	ck_assert_int_eq(route_match("/org/#/*", "/org/3", &a), 0);
}
END_TEST

static long long got_ids[ROUTE_IDS_MAX];
static const char *got;

static void
one(struct req *r, const struct route_args *a)
{
	got = "one";
	memcpy(got_ids, a->ids, sizeof got_ids);
	req_head(r, 200, "text/plain", NULL);
}

static void
two(struct req *r, const struct route_args *a)
{
	got = "two";
	memcpy(got_ids, a->ids, sizeof got_ids);
	req_head(r, 200, "text/plain", NULL);
}

static const struct route staff_routes[] = {
	{ "", ROUTE_GET, ROLE_BOARD, one },
	{ "/#", ROUTE_GET, ROLE_BOARD, one },
	{ "/#", ROUTE_POST, ROLE_STAFF, two },
	{ "/#/delete", ROUTE_POST, ROLE_STAFF, two },
	{ "/audit", ROUTE_GET, ROLE_ADMIN, one },
};
static const struct route_table staff_table = { staff_routes, 5, ROLE_BOARD, "No staff page here." };

static const struct route public_routes[] = {
	{ "", ROUTE_GET, ROLE_NONE, one },
	{ "/#", ROUTE_GET, ROLE_NONE, two },
};
static const struct route_table public_table = { public_routes, 2, ROLE_NONE, "No page here." };

/*
 * Dispatches method and path through t for someone of role; returns the status, with what was
 * sent in text (its size) and which handler ran in got (NULL: none).
 */
static int
dispatch(const struct route_table *t, enum method m, const char *path, enum role role,
    char *text, size_t size)
{
	struct captured c;
	int status;

	captured_open(&c);
	c.r.method = m;
	c.r.path_info = path;
	memset(&staff_who, 0, sizeof staff_who);
	staff_who.role = role;
	snprintf(staff_who.name, sizeof staff_who.name, "%s", role ? "someone" : "");
	snprintf(staff_base, sizeof staff_base, "/staff");
	got = NULL;
	memset(got_ids, 0, sizeof got_ids);
	route_dispatch(&c.r, t);
	snprintf(text, size, "%s", captured_text(&c));
	status = c.r.status;
	captured_close(&c);
	return status;
}

START_TEST(a_matching_row_runs_its_handler_with_the_ids)
{
	char text[8192];

	ck_assert_int_eq(dispatch(&public_table, METHOD_GET, "/", ROLE_NONE, text, sizeof text), 200);
	ck_assert_str_eq(got, "one");
	ck_assert_int_eq(dispatch(&public_table, METHOD_HEAD, "/815", ROLE_NONE, text, sizeof text), 200);
	ck_assert_str_eq(got, "two");
	ck_assert_int_eq(got_ids[0], 815);
	/* The same pattern, another method, another row and role. */
	ck_assert_int_eq(dispatch(&staff_table, METHOD_GET, "/9", ROLE_BOARD, text, sizeof text), 200);
	ck_assert_str_eq(got, "one");
	ck_assert_int_eq(dispatch(&staff_table, METHOD_POST, "/9", ROLE_STAFF, text, sizeof text), 200);
	ck_assert_str_eq(got, "two");
	ck_assert_int_eq(got_ids[0], 9);
}
END_TEST

START_TEST(a_path_no_row_takes_is_404)
{
	char text[8192];

	ck_assert_int_eq(dispatch(&public_table, METHOD_GET, "/nowhere", ROLE_NONE, text, sizeof text), 404);
	ck_assert_ptr_null(got);
	ck_assert_ptr_nonnull(strstr(text, "No page here."));
	ck_assert_int_eq(dispatch(&public_table, METHOD_GET, "/0", ROLE_NONE, text, sizeof text), 404);
	ck_assert_int_eq(dispatch(&staff_table, METHOD_GET, "/9/delete/x", ROLE_BOARD, text, sizeof text), 404);
	ck_assert_ptr_nonnull(strstr(text, "No staff page here."));
	ck_assert_ptr_null(got);
	/* A visitor is sent to sign in before learning that a staff address is unknown. */
	ck_assert_int_eq(dispatch(&staff_table, METHOD_GET, "/nowhere", ROLE_NONE, text, sizeof text), 303);
	ck_assert_ptr_nonnull(strstr(text, "/staff/sign-in"));
	ck_assert_ptr_null(got);
}
END_TEST

START_TEST(a_method_the_path_does_not_take_is_405_with_what_it_takes)
{
	char text[8192];

	ck_assert_int_eq(dispatch(&public_table, METHOD_POST, "", ROLE_NONE, text, sizeof text), 405);
	ck_assert_ptr_nonnull(strstr(text, "Allow: GET, HEAD\r\n"));
	ck_assert_ptr_null(got);
	/* The Allow of a path is every method its rows take, whatever their roles. */
	ck_assert_int_eq(dispatch(&staff_table, METHOD_OTHER, "/9", ROLE_ADMIN, text, sizeof text), 405);
	ck_assert_ptr_nonnull(strstr(text, "Allow: GET, HEAD, POST\r\n"));
	ck_assert_int_eq(dispatch(&staff_table, METHOD_GET, "/9/delete", ROLE_ADMIN, text, sizeof text), 405);
	ck_assert_ptr_nonnull(strstr(text, "Allow: POST\r\n"));
	ck_assert_int_eq(dispatch(&staff_table, METHOD_POST, "/audit", ROLE_ADMIN, text, sizeof text), 405);
	ck_assert_ptr_nonnull(strstr(text, "Allow: GET, HEAD\r\n"));
	ck_assert_ptr_null(got);
	/* A public program answers an unknown path with a method none of its pages takes as it
	 * always has: 405, with what the program takes. */
	ck_assert_int_eq(dispatch(&public_table, METHOD_POST, "/nowhere", ROLE_NONE, text, sizeof text), 405);
	ck_assert_ptr_nonnull(strstr(text, "Allow: GET, HEAD\r\n"));
}
END_TEST

START_TEST(a_role_too_low_is_403_and_no_session_is_sent_to_sign_in)
{
	char text[8192];

	ck_assert_int_eq(dispatch(&staff_table, METHOD_POST, "/9", ROLE_BOARD, text, sizeof text), 403);
	ck_assert_ptr_null(got);
	ck_assert_int_eq(dispatch(&staff_table, METHOD_GET, "/audit", ROLE_STAFF, text, sizeof text), 403);
	ck_assert_ptr_nonnull(strstr(text, "Only administrators"));
	ck_assert_int_eq(dispatch(&staff_table, METHOD_GET, "/9", ROLE_NONE, text, sizeof text), 303);
	ck_assert_ptr_nonnull(strstr(text, "/staff/sign-in"));
	/* Who may not see a page learns nothing of its methods. */
	ck_assert_int_eq(dispatch(&staff_table, METHOD_OTHER, "/audit", ROLE_NONE, text, sizeof text), 303);
	ck_assert_int_eq(dispatch(&staff_table, METHOD_OTHER, "/audit", ROLE_BOARD, text, sizeof text), 403);
	ck_assert_ptr_null(got);
}
END_TEST

Suite *
route_suite(void)
{
	Suite *s = suite_create("route");
	TCase *t = tcase_create("route");

	tcase_add_test(t, patterns_match_whole_paths_and_read_ids);
	tcase_add_test(t, a_matching_row_runs_its_handler_with_the_ids);
	tcase_add_test(t, a_path_no_row_takes_is_404);
	tcase_add_test(t, a_method_the_path_does_not_take_is_405_with_what_it_takes);
	tcase_add_test(t, a_role_too_low_is_403_and_no_session_is_sent_to_sign_in);
	suite_add_tcase(s, t);
	return s;
}

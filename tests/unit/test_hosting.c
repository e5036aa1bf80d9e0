/*
 * test_hosting.c - where each upload-bundle site keeps its data (src/base/hosting.c), on an
 * account laid out as hosting panels lay them out: the main site in public_html, a subdomain
 * served from a folder inside public_html, another served from a folder beside it, and two
 * bundles in one public folder. Every site gets a data folder of its own, outside every public
 * folder, and finds the same one again; the place is shown without the account's path.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hosting.h"
#include "unit.h"

static char account_dir[256];

static void
make(const char *rel, const char *content)
{
	char path[512], cmd[600];

	snprintf(path, sizeof path, "%s/%s", account_dir, rel);
	snprintf(cmd, sizeof cmd, "mkdir -p '%s'", path);
	if (content) {
		*strrchr(cmd, '/') = '\0';
		strcat(cmd, "'");
	}
	ck_assert_int_eq(system(cmd), 0);
	if (content) {
		FILE *f = fopen(path, "w");
		ck_assert_ptr_nonnull(f);
		fputs(content, f);
		fclose(f);
	}
}

static const char *
at(const char *rel)
{
	static char path[4][512];
	static int i;

	i = (i + 1) % 4;
	snprintf(path[i], sizeof path[i], "%s/%s", account_dir, rel);
	return path[i];
}

static void
setup(void)
{
	snprintf(account_dir, sizeof account_dir, "/tmp/liaison-hosting-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(account_dir));
	make("public_html/index.html", "<p>The library's own site.</p>");
	make("public_html/library/partners/liaison.conf", "");
	make("public_html/sub/partners/liaison.conf", "");
	make("sub2/partners/liaison.conf", "");
	make("public_html/other/partners2/liaison.conf", "");
}

static void
teardown(void)
{
	char cmd[300];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", account_dir);
	ck_assert_int_eq(system(cmd), 0);
}

START_TEST(account_folder_is_above_every_public_folder)
{
	char out[512];

	ck_assert_int_eq(hosting_account_folder(at("public_html/"), out, sizeof out), 0);
	ck_assert_str_eq(out, account_dir);
	/* A subdomain inside public_html: not public_html, which the main site serves. */
	ck_assert_int_eq(hosting_account_folder(at("public_html/sub"), out, sizeof out), 0);
	ck_assert_str_eq(out, account_dir);
	ck_assert_int_eq(hosting_account_folder(at("sub2"), out, sizeof out), 0);
	ck_assert_str_eq(out, account_dir);
	ck_assert_int_eq(hosting_account_folder("relative/www", out, sizeof out), -1);
	ck_assert_int_eq(hosting_account_folder("/", out, sizeof out), -1);
}
END_TEST

START_TEST(each_site_its_own_data_folder)
{
	char db[600], again[600], other[512];
	struct stat st;

	ck_assert_int_eq(hosting_choose_database(at("public_html"), at("public_html/library/partners"), db, sizeof db), 0);
	ck_assert_str_eq(db, at("liaison-data/liaison.db"));
	ck_assert_int_eq(hosting_choose_database(at("public_html/sub"), at("public_html/sub/partners"), db, sizeof db), 0);
	ck_assert_str_eq(db, at("liaison-data-sub/liaison.db"));
	ck_assert_int_eq(stat(at("public_html/liaison-data-sub"), &st), -1);	/* never in the main site's folder */
	ck_assert_int_eq(hosting_choose_database(at("sub2"), at("sub2/partners"), db, sizeof db), 0);
	ck_assert_str_eq(db, at("liaison-data-sub2/liaison.db"));
	/* A second bundle in the same public folder: liaison-data is the first's. */
	ck_assert_int_eq(hosting_choose_database(at("public_html"), at("public_html/other/partners2"), db, sizeof db), 0);
	ck_assert_str_eq(db, at("liaison-data-partners2/liaison.db"));
	ck_assert_int_eq(hosting_folder_is_other_site(at("liaison-data"), at("public_html/other/partners2"), other, sizeof other), 1);
	ck_assert_str_eq(other, at("public_html/library/partners"));
	ck_assert_int_eq(hosting_folder_is_other_site(at("liaison-data"), at("public_html/library/partners"), NULL, 0), 0);
	/* The same site again finds its own. */
	ck_assert_int_eq(hosting_choose_database(at("public_html"), at("public_html/library/partners"), again, sizeof again), 0);
	ck_assert_str_eq(again, at("liaison-data/liaison.db"));
	ck_assert_int_eq(stat(at("liaison-data"), &st), 0);
	ck_assert_int_eq(st.st_mode & 0777, 0700);
}
END_TEST

START_TEST(an_older_versions_folder_is_kept)
{
	char db[600], mark[600];

	make("liaison-data/liaison.db", "SQLite format 3");
	ck_assert_int_eq(hosting_choose_database(at("public_html"), at("public_html/library/partners"), db, sizeof db), 0);
	ck_assert_str_eq(db, at("liaison-data/liaison.db"));
	snprintf(mark, sizeof mark, "%s/" HOSTING_MARK_FILE, at("liaison-data"));
	ck_assert_int_eq(access(mark, R_OK), 0);
}
END_TEST

START_TEST(an_unwritable_account_folder_names_the_folder)
{
	char db[600];

	if (geteuid() == 0)
		return;	/* root writes anywhere */
	chmod(account_dir, 0555);
	ck_assert_int_eq(hosting_choose_database(at("sub2"), at("sub2/partners"), db, sizeof db), -1);
	ck_assert_str_eq(db, at("liaison-data-sub2"));
	chmod(account_dir, 0755);
}
END_TEST

START_TEST(shown_paths_leave_out_the_account)
{
	char out[512];

	hosting_shown_path(at("public_html/sub"), at("liaison-data-sub/liaison-setup-token.txt"), out, sizeof out);
	ck_assert_str_eq(out, "liaison-data-sub/liaison-setup-token.txt");
	hosting_shown_path(at("public_html"), "/var/lib/liaison/liaison.db", out, sizeof out);
	ck_assert_str_eq(out, "liaison/liaison.db");
}
END_TEST

START_TEST(remembered_in_liaison_conf)
{
	char conf[4096] = "";
	FILE *f;

	ck_assert_int_eq(hosting_remember_database(at("sub2/partners"), "/x/liaison-data-sub2/liaison.db"), 0);
	f = fopen(at("sub2/partners/liaison.conf"), "r");
	ck_assert_ptr_nonnull(f);
	fread(conf, 1, sizeof conf - 1, f);
	fclose(f);
	ck_assert_ptr_nonnull(strstr(conf, "\nLIAISON_DB = /x/liaison-data-sub2/liaison.db\n"));
	/* Once: a second program that chose at the same time adds nothing. */
	ck_assert_int_eq(hosting_remember_database(at("sub2/partners"), "/x/liaison-data-sub2/liaison.db"), 0);
	f = fopen(at("sub2/partners/liaison.conf"), "r");
	memset(conf, 0, sizeof conf);
	fread(conf, 1, sizeof conf - 1, f);
	fclose(f);
	ck_assert_ptr_eq(strstr(strstr(conf, "LIAISON_DB =") + 1, "LIAISON_DB ="), NULL);
}
END_TEST

START_TEST(damaged_programs_are_named)
{
	char out[256];

	make("p/bin/liaison-admin", "0123456789");
	make("p/cgi-bin/list.fcgi", "0123456789");
	make("p/bin/checksums", "1 10 cgi-bin/list.fcgi\n2 12 bin/liaison-admin\n");
	ck_assert_int_eq(hosting_damaged(at("p"), out, sizeof out), 1);
	ck_assert_str_eq(out, "bin/liaison-admin");
	make("p/bin/checksums", "1 10 cgi-bin/list.fcgi\n2 10 bin/liaison-admin\n");
	ck_assert_int_eq(hosting_damaged(at("p"), out, sizeof out), 0);
	ck_assert_str_eq(out, "");
}
END_TEST

Suite *
hosting_suite(void)
{
	Suite *s = suite_create("hosting");
	TCase *t = tcase_create("hosting");

	tcase_add_checked_fixture(t, setup, teardown);
	tcase_add_test(t, account_folder_is_above_every_public_folder);
	tcase_add_test(t, each_site_its_own_data_folder);
	tcase_add_test(t, an_older_versions_folder_is_kept);
	tcase_add_test(t, an_unwritable_account_folder_names_the_folder);
	tcase_add_test(t, shown_paths_leave_out_the_account);
	tcase_add_test(t, remembered_in_liaison_conf);
	tcase_add_test(t, damaged_programs_are_named);
	suite_add_tcase(s, t);
	return s;
}

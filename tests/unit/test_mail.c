/*
 * test_mail.c - mailmsg (which addresses pass, how names and subjects are cleaned and encoded,
 * that a refused message writes nothing) and the outbox's states: a message queued inside a
 * rolled-back transaction never exists, a claimed one is not taken twice while its lease
 * holds and is taken again once it runs out, a failed hand-over waits and counts, a delivered
 * one loses its body. Delivery here runs /bin/true and /bin/false as sendmail; what real mail
 * looks like on arrival is tests/http/mail.test.mjs's, through msmtp and a real SMTP server.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "audit.h"
#include "config.h"
#include "mailmsg.h"
#include "outbox.h"
#include "unit.h"

START_TEST(plain_addresses_only)
{
	ck_assert(mailmsg_addr_ok("ana@example.org"));
	ck_assert(mailmsg_addr_ok("a.b+tag@mail.example-library.org"));
	ck_assert(!mailmsg_addr_ok("Ana <ana@example.org>"));
	ck_assert(!mailmsg_addr_ok("ana@example.org\r\nBcc: x@example.net"));
	ck_assert(!mailmsg_addr_ok("ana@example.org\nBcc: x@example.net"));
	ck_assert(!mailmsg_addr_ok("ana@example.org,x@example.net"));
	ck_assert(!mailmsg_addr_ok("-oQ/tmp@example.org"));
	ck_assert(!mailmsg_addr_ok("ana@@example.org"));
	ck_assert(!mailmsg_addr_ok("ana.@example.org"));
	ck_assert(!mailmsg_addr_ok("an..a@example.org"));
	ck_assert(!mailmsg_addr_ok("ana@-example.org"));
	ck_assert(!mailmsg_addr_ok("ana@example..org"));
	ck_assert(!mailmsg_addr_ok("josé@example.org"));
	ck_assert(!mailmsg_addr_ok(""));
	ck_assert(!mailmsg_addr_ok(NULL));
}
END_TEST

START_TEST(header_text_has_no_controls)
{
	char out[64];

	mailmsg_clean_text("  Ana\r\nBcc: x@example.net\t\x01 end  ", out, sizeof out);
	ck_assert_str_eq(out, "Ana Bcc: x@example.net end");
	mailmsg_clean_text("bad \xff\xc3 byte", out, sizeof out);
	ck_assert_str_eq(out, "bad \xef\xbf\xbd\xef\xbf\xbd byte");
	/* Cut on a character boundary: "é" does not fit whole in 4 bytes after "abc". */
	mailmsg_clean_text("abcé", out, 5);
	ck_assert_str_eq(out, "abc");
}
END_TEST

static char written[8192];
static size_t nwritten;

static int
into_buffer(void *arg, const char *bytes, size_t len)
{
	(void)arg;
	if (nwritten + len >= sizeof written)
		return -1;
	memcpy(written + nwritten, bytes, len);
	written[nwritten += len] = '\0';
	return 0;
}

START_TEST(a_message_is_encoded_and_a_refused_one_writes_nothing)
{
	struct sink sink = { into_buffer, NULL, 0 };
	char err[200];
	struct mail_message m = {
		.from_addr = "noreply@example.org", .from_name = "Biblioteca Nacional de Cuba José Martí",
		.to_addr = "ana@example.com", .to_name = "Ana\r\nBcc: x@example.net",
		.subject = "Solicitud recibida", .body = "Hola\r\nFrom here = on \n",
		.message_id = "outbox-1.ab@example.org", .date = 0,
	};

	nwritten = 0;
	ck_assert_int_eq(mailmsg_write(&m, &sink, err, sizeof err), 0);
	ck_assert_ptr_nonnull(strstr(written, "Date: Thu, 01 Jan 1970 00:00:00 +0000\n"));
	ck_assert_ptr_nonnull(strstr(written, "\nFrom: =?UTF-8?B?"));
	ck_assert_ptr_nonnull(strstr(written, "\nTo: \"Ana Bcc: x@example.net\" <ana@example.com>\n"));
	ck_assert_ptr_null(strstr(written, "\nBcc:"));
	ck_assert_ptr_nonnull(strstr(written, "\nSubject: Solicitud recibida\n"));
	ck_assert_ptr_nonnull(strstr(written, "\nMessage-ID: <outbox-1.ab@example.org>\n"));
	/* The body: CRLF made LF, "From " at a line's start and "=" encoded, a final space kept. */
	ck_assert_ptr_nonnull(strstr(written, "\n\nHola\n=46rom here =3D on=20\n"));

	nwritten = 0;
	m.to_addr = "ana@example.com\nBcc: x@example.net";
	ck_assert_int_eq(mailmsg_write(&m, &sink, err, sizeof err), -1);
	ck_assert_int_eq(nwritten, 0);
	m.to_addr = "ana@example.com";
	m.message_id = "<x@y>";
	ck_assert_int_eq(mailmsg_write(&m, &sink, err, sizeof err), -1);
	ck_assert_int_eq(nwritten, 0);
}
END_TEST

/* --- the outbox ---------------------------------------------------------------------------- */

static const char *db_path;

static void
setup(void)
{
	db_path = make_test_db(0);
	use_test_db(db_path);
	config.mail = 1;
	snprintf(config.mail_from, sizeof config.mail_from, "noreply@example.org");
	snprintf(config.sendmail, sizeof config.sendmail, "/bin/true");
}

static void
teardown(void)
{
	drop_test_db(db_path);
	snprintf(config.sendmail, sizeof config.sendmail, "/usr/sbin/sendmail");
	config.mail_from[0] = '\0';
}

static long long
queue_one(const char *to, enum change_result finish)
{
	struct outbox_mail m = { .kind = "test", .to_addr = to, .subject = "Hello", .body = "Text" };
	long long id = -1;

	ck_assert_int_eq(change_begin(), CHANGE_OK);
	ck_assert_int_eq(outbox_queue(&m, &id), OUTBOX_OK);
	change_finish(finish);
	return id;
}

static long
outbox_int(const char *sql)
{
	return query_int(db_path, sql);
}

START_TEST(queued_with_its_transaction_or_not_at_all)
{
	struct outbox_mail bad = { .to_addr = "x@example.org\r\nBcc: y@example.org", .subject = "s", .body = "b" };

	queue_one("ana@example.org", CHANGE_CONFLICT);	/* rolled back */
	ck_assert_int_eq(outbox_int("SELECT count(*) FROM outbox"), 0);
	ck_assert_int_gt(queue_one("ana@example.org", CHANGE_OK), 0);
	ck_assert_int_eq(outbox_int("SELECT count(*) FROM outbox WHERE state = 'queued'"), 1);
	ck_assert_int_eq(outbox_int("SELECT count(*) FROM outbox WHERE message_id GLOB 'outbox-[0-9]*.*@example.org'"), 1);
	ck_assert_int_eq(change_begin(), CHANGE_OK);
	ck_assert_int_eq(outbox_queue(&bad, NULL), OUTBOX_BAD_ADDRESS);
	bad.to_addr = "x@example.org";
	bad.reply_to = "y@example.org\nCc: z@example.org";
	ck_assert_int_eq(outbox_queue(&bad, NULL), OUTBOX_BAD_REPLY_TO);
	change_finish(CHANGE_OK);
	ck_assert_int_eq(outbox_int("SELECT count(*) FROM outbox"), 1);
	ck_assert(outbox_wanted());
}
END_TEST

START_TEST(delivered_once_and_the_body_dropped)
{
	struct outbox_run run;

	queue_one("ana@example.org", CHANGE_OK);
	queue_one("bob@example.org", CHANGE_OK);
	ck_assert_int_eq(outbox_deliver_due(10, 10000, &run), 0);
	ck_assert_int_eq(run.sent, 2);
	ck_assert(!outbox_wanted());
	ck_assert_int_eq(outbox_int("SELECT count(*) FROM outbox WHERE state = 'sent' AND body IS NULL AND attempts = 1"), 2);
	ck_assert_int_eq(outbox_deliver_due(10, 10000, &run), 0);
	ck_assert_int_eq(run.sent, 0);
}
END_TEST

START_TEST(a_failure_waits_and_counts_and_a_lease_is_respected)
{
	struct outbox_run run;
	struct outbox_counts counts;
	long long id;
	time_t now = time(NULL);

	snprintf(config.sendmail, sizeof config.sendmail, "/bin/false");
	id = queue_one("ana@example.org", CHANGE_OK);
	ck_assert_int_eq(outbox_deliver_due(10, 10000, &run), 1);
	ck_assert_int_eq(run.retrying, 1);
	ck_assert_str_eq(run.last_error, "/bin/false exited with status 1");
	ck_assert_int_eq(outbox_int("SELECT attempts FROM outbox"), 1);
	ck_assert_int_ge(outbox_int("SELECT next_attempt FROM outbox"), (long)now + 59);
	ck_assert_int_eq(outbox_counts(&counts), 0);
	ck_assert_int_eq(counts.waiting, 1);

	/* Claimed by another process whose lease holds: not taken; once it has run out: taken. */
	snprintf(config.sendmail, sizeof config.sendmail, "/bin/true");
	ck_assert_int_eq(db_run_schema_sql("UPDATE outbox SET state = 'sending', next_attempt = strftime('%s') + 300"), SQLITE_OK);
	ck_assert_int_eq(outbox_deliver_due(10, 10000, &run), 0);
	ck_assert_int_eq(run.sent, 0);
	ck_assert_int_eq(db_run_schema_sql("UPDATE outbox SET next_attempt = strftime('%s') - 1"), SQLITE_OK);
	ck_assert_int_eq(outbox_deliver_due(10, 10000, &run), 0);
	ck_assert_int_eq(run.sent, 1);
	ck_assert_int_eq(outbox_int("SELECT attempts FROM outbox"), 2);
	/* Sent: "send again" has no body to send. */
	ck_assert_int_eq(change_begin(), CHANGE_OK);
	ck_assert_int_eq(outbox_send_again(id), OUTBOX_NOT_FOUND);
	change_finish(CHANGE_OK);
}
END_TEST

START_TEST(mail_turned_off_queues_nothing)
{
	config.mail = 0;
	ck_assert_int_eq(queue_one("ana@example.org", CHANGE_OK), 0);
	config.mail = 1;
	ck_assert_int_eq(outbox_int("SELECT count(*) FROM outbox"), 0);
}
END_TEST

Suite *
mail_suite(void)
{
	Suite *s = suite_create("mail");
	TCase *tc = tcase_create("mailmsg");
	TCase *ob = tcase_create("outbox");

	tcase_add_test(tc, plain_addresses_only);
	tcase_add_test(tc, header_text_has_no_controls);
	tcase_add_test(tc, a_message_is_encoded_and_a_refused_one_writes_nothing);
	suite_add_tcase(s, tc);
	tcase_add_checked_fixture(ob, setup, teardown);
	tcase_add_test(ob, queued_with_its_transaction_or_not_at_all);
	tcase_add_test(ob, delivered_once_and_the_body_dropped);
	tcase_add_test(ob, a_failure_waits_and_counts_and_a_lease_is_respected);
	tcase_add_test(ob, mail_turned_off_queues_nothing);
	suite_add_tcase(s, ob);
	return s;
}

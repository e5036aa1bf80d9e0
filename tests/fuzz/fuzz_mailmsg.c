/*
 * fuzz_mailmsg.c - libFuzzer target for the mail composer: whatever bytes stand in the names,
 * subject, body and reply-to address, the message written has exactly the headers mailmsg
 * writes, once each, in its order; every header line is under 998 bytes and holds only
 * printable ASCII (a continuation starts with a space); no CR or NUL appears anywhere; and
 * every body line is at most 76 bytes. A refused message writes nothing.
 *
 * The input is split on 0x1F bytes into to_name, from_name, subject, body and reply_to.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mailmsg.h"
#include "sink.h"

static char out[4 << 20];
static size_t outlen;

static int
into_buffer(void *arg, const char *s, size_t n)
{
	(void)arg;
	if (outlen + n > sizeof out)
		abort();
	memcpy(out + outlen, s, n);
	outlen += n;
	return 0;
}

static const char *const expected[] = { "Date", "From", "To", "Reply-To", "Subject", "Message-ID",
	"MIME-Version", "Content-Type", "Content-Transfer-Encoding", "Auto-Submitted" };

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *copy = malloc(size + 1), *field[5] = { "", "", "", "", "" }, *p;
	struct sink sink = { into_buffer, NULL, 0 };
	struct mail_message m;
	char err[200];
	size_t i, n = 0, next = 0, line_start = 0;
	int in_body = 0, reply;

	memcpy(copy, data, size);
	copy[size] = '\0';
	p = copy;
	for (i = 0; i < 5; i++) {
		field[i] = p;
		if ((p = strchr(p, 0x1F)) == NULL)
			break;
		*p++ = '\0';
	}
	memset(&m, 0, sizeof m);
	m.from_addr = "noreply@example.org";
	m.from_name = field[1];
	m.to_addr = "ana@example.com";
	m.to_name = field[0];
	m.subject = field[2];
	m.body = field[3];
	m.reply_to_addr = field[4];
	m.reply_to_name = field[1];
	m.message_id = "outbox-1.ab@example.org";
	m.date = 1750000000;
	reply = field[4][0] != '\0';
	outlen = 0;
	if (mailmsg_write(&m, &sink, err, sizeof err) < 0) {
		/* Only the reply-to address can be refused here; nothing may have been written. */
		if (outlen != 0 || !reply || mailmsg_addr_ok(field[4]))
			abort();
		free(copy);
		return 0;
	}
	if (reply && !mailmsg_addr_ok(field[4]))
		abort();
	for (i = 0; i < outlen; i++)
		if (out[i] == '\r' || out[i] == '\0')
			abort();
	if (outlen == 0 || out[outlen - 1] != '\n')
		abort();
	/* Line by line: headers (with continuations), the blank line, the body. */
	for (i = 0; i < outlen; i++) {
		size_t len;
		const char *line = out + line_start;

		if (out[i] != '\n')
			continue;
		len = i - line_start;
		line_start = i + 1;
		if (in_body) {
			if (len > 76)
				abort();
			continue;
		}
		if (len == 0) {
			in_body = 1;
			continue;
		}
		if (len >= 998)
			abort();
		for (size_t k = 0; k < len; k++)
			if ((unsigned char)line[k] < 0x20 || (unsigned char)line[k] > 0x7E)
				abort();
		if (line[0] == ' ')
			continue;	/* a fold */
		/* A new header: the next one expected, Reply-To only when there is one. */
		if (next == 3 && !reply)
			next++;
		if (next >= sizeof expected / sizeof expected[0])
			abort();
		n = strlen(expected[next]);
		if (len <= n || memcmp(line, expected[next], n) != 0 || line[n] != ':')
			abort();
		next++;
	}
	if (!in_body || next != sizeof expected / sizeof expected[0])
		abort();
	free(copy);
	return 0;
}

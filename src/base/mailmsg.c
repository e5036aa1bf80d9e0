/*
 * mailmsg.c - composes one mail message (see mailmsg.h).
 *
 * Choices, and why:
 * - Encoded words are always B (base64) with charset UTF-8: Q needs its own list of what is
 *   safe where (phrase or text), B does not, and every reader decodes both.
 * - An encoded word carries at most 42 bytes of text, cut before a UTF-8 sequence (after a
 *   space when there is one), so it is 68 characters and "Subject: " plus one stays under 78;
 *   each is folded onto its own line.
 * - The body is quoted-printable: lines of at most 76 characters whatever a visitor typed, and
 *   only ASCII on the wire, which every relay passes unchanged. A line beginning "From " has
 *   its F encoded, so an mbox along the way never mistakes it for a new message.
 */
#include <stdio.h>
#include <string.h>

#include "mailmsg.h"

/* RFC 5322 atext: what an atom, a dot-atom's piece or a plain local part may hold. */
static int
is_atext(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	    (c != 0 && strchr("!#$%&'*+-/=?^_`{|}~", c) != NULL);
}

/* 1 when s[0..n) is a dot-atom: atext pieces joined by single dots. */
static int
is_dot_atom(const char *s, size_t n)
{
	if (n == 0 || s[0] == '.' || s[n - 1] == '.')
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!(is_atext((unsigned char)s[i]) || (s[i] == '.' && s[i + 1] != '.')))
			return 0;
	return 1;
}

static int
is_domain(const char *d, size_t n)
{
	size_t label = 0;

	if (n == 0 || n > 253)
		return 0;
	for (size_t i = 0; i <= n; i++) {
		char c = i < n ? d[i] : '.';
		if (c == '.') {
			if (label == 0 || label > 63 || d[i - 1] == '-' || d[i - label] == '-')
				return 0;
			label = 0;
		} else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')
			label++;
		else
			return 0;
	}
	return 1;
}

int
mailmsg_addr_ok(const char *addr)
{
	const char *at;
	size_t n, local;

	if (addr == NULL || (n = strlen(addr)) < 3 || n > MAIL_ADDR_MAX)
		return 0;
	if ((at = strchr(addr, '@')) == NULL || strchr(at + 1, '@') != NULL)
		return 0;
	local = (size_t)(at - addr);
	return local >= 1 && local <= 64 && addr[0] != '-' && is_dot_atom(addr, local) &&
	    is_domain(at + 1, n - local - 1);
}

const char *
mailmsg_domain(const char *addr)
{
	const char *at = addr ? strrchr(addr, '@') : NULL;
	return at ? at + 1 : "";
}

int
mailmsg_id_ok(const char *id)
{
	const char *at;
	size_t n;

	if (id == NULL || (n = strlen(id)) < 3 || n > MAIL_ID_MAX)
		return 0;
	if ((at = strchr(id, '@')) == NULL || strchr(at + 1, '@') != NULL)
		return 0;
	return is_dot_atom(id, (size_t)(at - id)) && is_dot_atom(at + 1, n - (size_t)(at - id) - 1);
}

/*
 * Decodes one UTF-8 character from s (n bytes left, n >= 1) into *cp and returns its length;
 * an invalid sequence (stray or missing continuation bytes, overlong, a surrogate, past
 * U+10FFFF) is one byte long and reads as U+FFFD.
 */
static size_t
utf8_next(const unsigned char *s, size_t n, unsigned *cp)
{
	unsigned c = s[0], min;
	size_t len;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF)
		len = 2, c &= 0x1F, min = 0x80;
	else if (c >= 0xE0 && c <= 0xEF)
		len = 3, c &= 0x0F, min = 0x800;
	else if (c >= 0xF0 && c <= 0xF4)
		len = 4, c &= 0x07, min = 0x10000;
	else
		goto bad;
	if (len > n)
		goto bad;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			goto bad;
		c = (c << 6) | (s[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		goto bad;
	*cp = c;
	return len;
bad:
	*cp = 0xFFFD;
	return 1;
}

static size_t
utf8_put(unsigned c, char *out)
{
	if (c < 0x80) {
		out[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		out[0] = (char)(0xC0 | (c >> 6));
		out[1] = (char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		out[0] = (char)(0xE0 | (c >> 12));
		out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		out[2] = (char)(0x80 | (c & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (c >> 18));
	out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
	out[3] = (char)(0x80 | (c & 0x3F));
	return 4;
}

/* Controls and separators: what never stands in a header as itself. */
static int
is_control(unsigned c)
{
	return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029 || c == 0x85;
}

void
mailmsg_clean_text(const char *in, char *out, size_t size)
{
	const unsigned char *s = (const unsigned char *)(in ? in : "");
	size_t n = strlen((const char *)s), o = 0;
	int space = 0;

	if (size == 0)
		return;
	while (n > 0) {
		unsigned c;
		size_t k = utf8_next(s, n, &c);
		char enc[4];
		size_t len;

		s += k, n -= k;
		if (c == ' ' || is_control(c)) {
			/* CR, LF and tab part words: a space. Other controls vanish. */
			if (c == ' ' || c == '\r' || c == '\n' || c == '\t' || c == 0x2028 || c == 0x2029 || c == 0x85)
				space = 1;
			continue;
		}
		len = utf8_put(c, enc);
		if (o + (space && o > 0) + len >= size)
			break;
		if (space && o > 0)
			out[o++] = ' ';
		space = 0;
		memcpy(out + o, enc, len);
		o += len;
	}
	out[o] = '\0';
}

/* --- writing ----------------------------------------------------------------------------- */

struct out {
	struct sink	*sink;
	int		 col;		/* characters on the current line so far */
};

static void
put(struct out *o, const char *s, size_t n)
{
	sink_write(o->sink, s, n);
	for (size_t i = 0; i < n; i++)
		o->col = s[i] == '\n' ? 0 : o->col + 1;
}

static void
puts_(struct out *o, const char *s)
{
	put(o, s, strlen(s));
}

/* 1 when every byte of s is printable ASCII (space included). */
static int
is_plain_ascii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || (unsigned char)*s > 0x7E)
			return 0;
	return 1;
}

#define WORD_BYTES	42	/* text bytes in one encoded word: 56 of base64, 68 in all */

/* Writes text (clean UTF-8) as encoded words, each after a fold but the first. */
static void
put_encoded_words(struct out *o, const char *text)
{
	static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	const unsigned char *s = (const unsigned char *)text;
	size_t n = strlen(text);
	int first = 1;

	while (n > 0) {
		size_t take = 0;
		char word[WORD_BYTES * 4 / 3 + 16], *w = word;

		/* As many whole characters as fit in WORD_BYTES. */
		while (take < n) {
			unsigned c;
			size_t k = utf8_next(s + take, n - take, &c);
			if (take + k > WORD_BYTES)
				break;
			take += k;
		}
		/*
		 * Cut after a space where there is one: readers drop the fold between two encoded
		 * words, but some (Python's address parser) keep it as a space, which then falls
		 * between words rather than inside one.
		 */
		if (take < n)
			for (size_t i = take; i > 12; i--)
				if (s[i - 1] == ' ') {
					take = i;
					break;
				}
		w += sprintf(w, "=?UTF-8?B?");
		for (size_t i = 0; i < take; i += 3) {
			unsigned v = (unsigned)s[i] << 16 | (i + 1 < take ? (unsigned)s[i + 1] << 8 : 0) |
			    (i + 2 < take ? s[i + 2] : 0);
			*w++ = b64[v >> 18 & 63];
			*w++ = b64[v >> 12 & 63];
			*w++ = i + 1 < take ? b64[v >> 6 & 63] : '=';
			*w++ = i + 2 < take ? b64[v & 63] : '=';
		}
		w += sprintf(w, "?=");
		if (!first)
			puts_(o, "\n ");
		put(o, word, (size_t)(w - word));
		first = 0;
		s += take, n -= take;
	}
}

/* Writes plain ASCII text (no word over 68 characters) folded at spaces under 78 columns. */
static void
put_folded_ascii(struct out *o, const char *text)
{
	const char *p = text;
	int any = 0;

	while (*p) {
		size_t len = strcspn(p, " ");
		if (any && o->col + 1 + (int)len > 78)
			puts_(o, "\n");
		any = 1;
		puts_(o, " ");
		put(o, p, len);
		p += len;
		while (*p == ' ')
			p++;
	}
}

/* 1 when text can go into a header as it is: plain ASCII, no word too long to fold, no "=?". */
static int
fits_as_ascii(const char *text)
{
	const char *p = text;

	if (!is_plain_ascii(text) || strstr(text, "=?") != NULL)
		return 0;
	while (*p) {
		size_t len = strcspn(p, " ");
		if (len > 68)	/* "Subject: " and a word of 68 make 78 */
			return 0;
		p += len;
		while (*p == ' ')
			p++;
	}
	return 1;
}

/* 1 when name can be written as atoms as it is: atext words and spaces. */
static int
is_atoms(const char *name)
{
	for (; *name; name++)
		if (*name != ' ' && !is_atext((unsigned char)*name))
			return 0;
	return 1;
}

/* "Header: Name <addr>", the name an atom list, a quoted string or encoded words. */
static void
put_address(struct out *o, const char *header, const char *addr, const char *raw_name)
{
	char name[MAIL_NAME_MAX + 1];

	mailmsg_clean_text(raw_name, name, sizeof name);
	puts_(o, header);
	puts_(o, ": ");
	if (name[0] == '\0') {
		puts_(o, addr);
	} else {
		if (fits_as_ascii(name) && is_atoms(name))
			puts_(o, name);
		else if (fits_as_ascii(name)) {
			puts_(o, "\"");
			for (const char *p = name; *p; p++) {
				if (*p == '"' || *p == '\\')
					puts_(o, "\\");
				put(o, p, 1);
			}
			puts_(o, "\"");
		} else
			put_encoded_words(o, name);
		puts_(o, o->col + 3 + strlen(addr) > 78 ? "\n <" : " <");
		puts_(o, addr);
		puts_(o, ">");
	}
	puts_(o, "\n");
}

static void
put_subject(struct out *o, const char *raw)
{
	char subject[MAIL_SUBJECT_MAX + 1];

	mailmsg_clean_text(raw, subject, sizeof subject);
	puts_(o, "Subject:");
	if (fits_as_ascii(subject))
		put_folded_ascii(o, subject);
	else {
		puts_(o, " ");
		put_encoded_words(o, subject);
	}
	puts_(o, "\n");
}

/* RFC 5322's date, in UTC, spelled without the locale. */
static void
put_date(struct out *o, time_t t)
{
	static const char days[][4] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
	static const char months[][4] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug",
	    "Sep", "Oct", "Nov", "Dec" };
	struct tm tm;
	char line[80];

	if (gmtime_r(&t, &tm) == NULL) {
		t = 0;
		gmtime_r(&t, &tm);
	}
	snprintf(line, sizeof line, "Date: %s, %02d %s %04d %02d:%02d:%02d +0000\n",
	    days[tm.tm_wday % 7], tm.tm_mday, months[tm.tm_mon % 12], tm.tm_year + 1900,
	    tm.tm_hour, tm.tm_min, tm.tm_sec);
	puts_(o, line);
}

/* The body: cleaned (controls but tab dropped, CR LF and CR made LF, bad UTF-8 replaced) and quoted-printable. */
static void
put_body(struct out *o, const char *body)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *s = (const unsigned char *)body;
	size_t n = strlen(body);
	int line_start = 1;

	while (n > 0) {
		unsigned c;
		size_t k = utf8_next(s, n, &c), len;
		char enc[4];

		if (c == '\r' || c == '\n') {
			if (c == '\r' && n > 1 && s[1] == '\n')
				k = 2;
			puts_(o, "\n");
			line_start = 1;
			s += k, n -= k;
			continue;
		}
		s += k, n -= k;
		if (c != '\t' && is_control(c))
			continue;
		len = utf8_put(c, enc);
		for (size_t i = 0; i < len; i++) {
			unsigned char b = (unsigned char)enc[i];
			/* A space or tab ending a line would be lost on the way: encoded. */
			int at_end = n == 0 || s[0] == '\r' || s[0] == '\n';
			int literal = (b >= 33 && b <= 126 && b != '=') || ((b == ' ' || b == '\t') && !at_end);
			char q[3] = { '=', hex[b >> 4], hex[b & 15] };

			if (line_start && b == 'F' && n >= 4 && memcmp(s, "rom ", 4) == 0)
				literal = 0;
			if (o->col + (literal ? 1 : 3) > 75)
				puts_(o, "=\n");	/* a soft break: the line goes on */
			put(o, literal ? (const char *)&b : q, literal ? 1 : 3);
			line_start = 0;
		}
	}
	if (o->col > 0)
		puts_(o, "\n");
}

static int
fail(char *err, size_t errsize, const char *why)
{
	snprintf(err, errsize, "%s", why);
	return -1;
}

int
mailmsg_write(const struct mail_message *m, struct sink *sink, char *err, size_t errsize)
{
	struct out o = { sink, 0 };
	int reply = m->reply_to_addr != NULL && m->reply_to_addr[0] != '\0';

	if (!mailmsg_addr_ok(m->from_addr))
		return fail(err, errsize, "the sender's address (LIAISON_MAIL_FROM) is missing or not a plain address");
	if (!mailmsg_addr_ok(m->to_addr))
		return fail(err, errsize, "the recipient's address is not a plain address");
	if (reply && !mailmsg_addr_ok(m->reply_to_addr))
		return fail(err, errsize, "the reply-to address is not a plain address");
	if (!mailmsg_id_ok(m->message_id))
		return fail(err, errsize, "the Message-ID is not of the form left@right");
	if (m->body == NULL || strlen(m->body) > MAIL_BODY_MAX)
		return fail(err, errsize, "the message has no body, or one too long");

	put_date(&o, m->date);
	put_address(&o, "From", m->from_addr, m->from_name);
	put_address(&o, "To", m->to_addr, m->to_name);
	if (reply)
		put_address(&o, "Reply-To", m->reply_to_addr, m->reply_to_name);
	put_subject(&o, m->subject);
	puts_(&o, "Message-ID: <");
	puts_(&o, m->message_id);
	puts_(&o, ">\n"
	    "MIME-Version: 1.0\n"
	    "Content-Type: text/plain; charset=UTF-8\n"
	    "Content-Transfer-Encoding: quoted-printable\n"
	    /* RFC 3834: made by a program, so no vacation reply should answer it. */
	    "Auto-Submitted: auto-generated\n"
	    "\n");
	put_body(&o, m->body);
	if (sink->failed)
		return fail(err, errsize, "the message could not be written out");
	return 0;
}

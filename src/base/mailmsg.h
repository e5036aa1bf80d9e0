/*
 * mailmsg.h - one outgoing mail message, written as correct mail: RFC 5322 headers (Date,
 * Message-ID, From, To, an optional Reply-To, Subject), RFC 2047 encoded words for names and
 * subjects that are not plain ASCII ("Biblioteca Nacional de Cuba José Martí", Arabic,
 * Cyrillic), folded under 78 characters on UTF-8 character boundaries, and a MIME text/plain
 * UTF-8 body in quoted-printable, whose lines are short whatever the text.
 *
 * Nothing a visitor typed can add a header or a recipient: an address is refused unless it is
 * a plain addr-spec (mailmsg_addr_ok), and a name or subject has every control character
 * (CR, LF, NUL, tab, C1) turned into a space or dropped, and invalid UTF-8 replaced, before it
 * is encoded; every header line stays under 998 bytes. tests/fuzz/fuzz_mailmsg.c checks this.
 *
 * Lines end in LF, the local convention that `sendmail -t -i` expects (it writes CRLF on the
 * wire). This file knows nothing of the outbox or of sendmail: outbox.c puts them together.
 */
#ifndef LIAISON_MAILMSG_H
#define LIAISON_MAILMSG_H

#include <stddef.h>
#include <time.h>

#include "sink.h"

#define MAIL_ADDR_MAX		254		/* RFC 5321's limit on a path, less the brackets */
#define MAIL_NAME_MAX		200		/* bytes of a display name kept; longer is cut */
#define MAIL_SUBJECT_MAX	400		/* bytes of a subject kept; longer is cut */
#define MAIL_BODY_MAX		(256 * 1024)	/* a longer body is refused: messages are short */
#define MAIL_ID_MAX		250		/* a Message-ID without its brackets */

struct mail_message {
	const char	*from_addr;	/* required, an addr-spec */
	const char	*from_name;	/* NULL or "" for none */
	const char	*to_addr;	/* required, an addr-spec: the one recipient */
	const char	*to_name;
	const char	*reply_to_addr;	/* NULL or "" for no Reply-To */
	const char	*reply_to_name;
	const char	*subject;	/* UTF-8; cleaned and encoded here */
	const char	*body;		/* UTF-8 text, LF or CRLF line ends; cleaned and encoded here */
	const char	*message_id;	/* "left@domain" without <>, dot-atoms only (outbox.c makes it) */
	time_t		 date;
};

/*
 * 1 when addr is a plausible plain address: local@domain, at most 254 bytes, the local part
 * (at most 64) of RFC 5322 atext and dots, not beginning with '-' (it may end up in a
 * command's arguments), the domain LDH labels. No display name, no comments, no quotes, no
 * spaces or control characters, no non-ASCII (internationalized addresses are not supported).
 */
int	mailmsg_addr_ok(const char *addr);
/* The part of addr after its last '@', or "" when there is none. */
const char *mailmsg_domain(const char *addr);
/* 1 when id is a Message-ID's inside (dot-atom@dot-atom, at most MAIL_ID_MAX bytes). */
int	mailmsg_id_ok(const char *id);

/*
 * Text fit for a header: valid UTF-8 (a bad byte becomes U+FFFD), every control character and
 * line or paragraph separator made a space, runs of spaces one, no space at either end, cut
 * on a character boundary to fit size (at most size - 1 bytes and a NUL). For names and
 * subjects; exposed for the tests and for pages that show what will be sent.
 */
void	mailmsg_clean_text(const char *in, char *out, size_t size);

/*
 * Writes m to out: headers, a blank line, the body. Everything is checked first: a missing or
 * implausible address, a bad Message-ID or a body over MAIL_BODY_MAX writes nothing and
 * returns -1 with err saying which; a failed sink returns -1 too. 0 when written whole.
 */
int	mailmsg_write(const struct mail_message *m, struct sink *out, char *err, size_t errsize);

#endif

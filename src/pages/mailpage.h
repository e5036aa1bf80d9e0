/*
 * mailpage.h - the administrator's outbox page of the staff program (mailpage.c): every
 * message Liaison sent or means to send, and "send again" for one that is stuck.
 */
#ifndef LIAISON_MAILPAGE_H
#define LIAISON_MAILPAGE_H
struct req;
/* GET /staff/mail[?state=&page=&done=]: the counts, then one page of messages, newest first. */
void	mail_page(struct req *);
/* POST /staff/mail/ID/send-again: makes message id due now, audited, and 303 back. */
void	mail_send_again(struct req *, long long id);
#endif

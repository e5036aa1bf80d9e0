/*
 * contact.h - "Contact this organization": a visitor's message to a listed organization's
 * contact address, through the outbox, with Reply-To the visitor, the organization's address
 * never shown to them.
 *
 * What is kept (schema/013_contact.sql): the message itself only in the outbox, until it is
 * delivered; counts per organization and day for good (the report's "connections made"); and,
 * for two days, a keyed hash of each sender's address per organization and day, for the daily
 * limits and for telling a first contact from a second message. Never a sender's address.
 */
#ifndef LIAISON_CONTACT_H
#define LIAISON_CONTACT_H

#include <time.h>

#include "form.h"

#define CONTACT_MESSAGE_MAX	5000	/* bytes of a message */
#define CONTACT_SENDER_DAYS	2	/* how long a sender's hash is kept, in days */

/* The form's fields, in this order (contact_fields). */
enum contact_field { CONTACT_NAME, CONTACT_EMAIL, CONTACT_MESSAGE, CONTACT_COPY, CONTACT__MAX };
extern const struct field_spec contact_fields[CONTACT__MAX];

/* A listed organization as the form needs it. email is private unless email_public. */
struct contact_org {
	char	name[256];
	char	contact_name[128];
	char	email[256];
	int	email_public;
	int	reachable;	/* email is an address mail can go to (mailmsg_addr_ok) */
};

/* Organization id if listed: 1 found, 0 not listed (or no such entry), -1 the database failed. */
int	contact_org_get(long long id, struct contact_org *o);

/*
 * Checks what form_parse left for what mail needs beyond it: an address that can be a
 * Reply-To (mailmsg_addr_ok). Marks the field and returns the form's number of problems.
 */
int	contact_check(struct form *f);

enum contact_result {
	CONTACT_SENT,		/* queued, with the copy when asked for; counted */
	CONTACT_SENDER_LIMIT,	/* this address sent per_sender messages today */
	CONTACT_ORG_LIMIT,	/* this organization received per_org messages today */
	CONTACT_UNREACHABLE,	/* the organization is no longer listed, or has no usable address */
	CONTACT_BUSY,		/* the database stayed busy: nothing sent, nothing counted */
	CONTACT_FAILED,		/* the database refused: nothing sent, nothing counted */
};

struct contact_send {
	long long	 org_id;
	const struct form *form;	/* checked: no problems */
	const char	*site_name;
	const char	*profile_url;	/* the entry's absolute address, named in the message */
	int		 per_sender, per_org;	/* the day's limits */
	time_t		 now;
};

/*
 * In one write transaction: checks the day's limits, queues the message to the organization
 * (Reply-To the sender) and the sender's copy if asked for, counts it, and forgets senders
 * older than CONTACT_SENDER_DAYS. Either all of it happens or none.
 */
enum contact_result contact_send(const struct contact_send *);

/* The report's figures for days from..to (YYYY-MM-DD, both included), one organization or all (0). */
struct contact_figures {
	long long	connections;	/* first contacts */
	long long	organizations;	/* organizations that received at least one */
	long long	messages;	/* every message sent, first contacts or not */
};
int	contact_figures(const char *from, const char *to, long long org, struct contact_figures *out);

#endif

/*
 * notify.h - the messages about applications (issue 17): the applicant's receipt and, later,
 * the decision; staff's notice of each new application or the daily digest of them. Each is
 * queued with outbox_queue() INSIDE the write transaction of the event that causes it, so a
 * message exists exactly when its event does; outbox.c delivers it after the response.
 *
 * The texts live here, plain and short, with the links a person needs. The domain has no
 * request, so the caller passes the site's absolute addresses (struct notify_links, made with
 * req_absolute_link, or from LIAISON_BASE_URL for the admin tool); a link it does not know is
 * left out of the message rather than written wrong.
 *
 * Staff are told at LIAISON_OPERATOR_EMAIL (accounts store no e-mail address), as
 * LIAISON_NOTIFY_APPLICATIONS says: "each" (the default), "daily" or "off". The time of the
 * last digest is the newest outbox row of kind "digest": the outbox is the record of what was
 * sent, so no table of its own is needed.
 */
#ifndef LIAISON_NOTIFY_H
#define LIAISON_NOTIFY_H

#include <time.h>

/* Absolute addresses without a trailing slash, e.g. "https://x.org/apply"; "" when unknown. */
struct notify_links {
	const char	*apply;		/* the form: an application's page is APPLY/REFERENCE */
	const char	*list;		/* the directory: an entry's page is LIST/ID */
	const char	*staff;		/* the staff pages: an entry's is STAFF/org/ID */
};

/* What the messages say about an entry. */
struct notify_entry {
	long long	 id;
	const char	*name;
	const char	*country;	/* ISO code */
	const char	*reference;	/* the application's */
	const char	*contact_name;
	const char	*contact_email;
};

/*
 * A new application: the receipt to its contact and, when the setting is "each", the notice
 * to staff. Inside the caller's transaction. An address the outbox cannot use (none, or not a
 * plain address) skips that message: the application matters more than its receipt.
 * 0, or -1 when the database refused the write (roll back).
 */
int	notify_application(const struct notify_links *, const struct notify_entry *);

/*
 * The decision on an application, to its contact: state "approved" (with the entry's
 * address), "rejected" (with note, the reason staff gave) or "waiting" (note: what staff ask).
 * Anything else sends nothing. Inside the caller's transaction; 0, or -1 (roll back).
 */
int	notify_decision(const struct notify_links *, const struct notify_entry *, const char *state,
	    const char *note);

/* Reads the application's reference for entry id into out ("" when none): 0, or -1. */
int	notify_reference(long long id, char *out, size_t size);

/*
 * The daily digest, when the setting is "daily", a day has passed since the last one, and
 * applications arrived since: one message to staff listing them (oldest first), in a
 * transaction of its own. The number of applications listed (0: none sent), or -1 when the
 * database failed. For `liaison-admin mail` and for the serve loop (notify_after_response).
 */
int	notify_digest(const struct notify_links *, time_t now);

/*
 * For the serve loop: 1 when this process should look whether the digest is due (daily mode,
 * and not looked for a few minutes). notify_after_response then queues it if it is, its link
 * to the staff pages from the request just served; outbox_after_response delivers it.
 */
int	notify_digest_check_wanted(time_t now);
void	notify_after_response(const char *staff_link);

/* How many outbox messages are in state (NULL: all), for the staff outbox page; -1 failed. */
long long notify_outbox_count(const char *state);

#endif

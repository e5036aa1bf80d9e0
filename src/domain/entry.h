/*
 * entry.h - changing directory entries: an application from the public form, staff edits,
 * and the review and upkeep actions (approve, reject, wait, confirm, unlist, relist, archive).
 *
 * Each call is one BEGIN IMMEDIATE transaction that also writes the audit log: who, what,
 * and every field's old and new value. Nothing is ever deleted; "archived" is the end of the
 * road, and the history stays.
 */
#ifndef LIAISON_ENTRY_H
#define LIAISON_ENTRY_H

#include <stdint.h>
#include <time.h>

#include "audit.h"
#include "db.h"
#include "form.h"


struct entry_application {
	const uint8_t	*nonce;		/* the form token's (TOKEN_NONCE_SIZE bytes) */
	const uint8_t	*addr_hash;	/* 32 bytes: token_hash_address() of the client */
	int		 limit_per_hour;
	time_t		 now;
	const struct notify_links *links;	/* where the messages point; NULL: send none */
	char		 reference[16];	/* out: "XXXXX-XXXXX" */
	long long	 id;		/* out: the new organization's id */
};

struct notify_links;

/* Stores a checked organization form as a pending application, with its receipt and staff's
 * notice queued in the same transaction (notify.h). */
enum change_result entry_apply(struct form *, struct entry_application *);
/*
 * The same for changes proposed to listed entry target by its contact (a manage link): a
 * pending application whose row holds the new values, reviewed as any application. Approving
 * it (entry_act ACT_APPROVE) writes them over target, confirmed today, and archives its row.
 */
enum change_result entry_propose_update(long long target, struct form *, struct entry_application *,
	    const char *actor);

/* What an applicant sees of an application (/apply/REFERENCE); strings valid until the close. */
struct application_status {
	const char	*reference, *state, *name, *org_status, *submitted_at;
	const char	*note;		/* what staff wrote when rejecting or asking */
	long long	 org_id;
};
/*
 * The application with this reference: 1 found (read it, then db_cursor_close(c)), 0 none,
 * -1 the database failed (db_is_busy(c->rc) says whether it was only busy). The cursor is
 * closed already unless 1.
 */
int	entry_application_find(struct db_cursor *c, const char *reference, struct application_status *);
/*
 * Saves a checked organization form over entry id, as actor, provided the entry is as it was
 * when the form was loaded (its fingerprint seen, audit.h; "" to skip the check). On
 * CHANGE_STALE the fields someone else changed are marked and fresh holds the fingerprint now.
 */
enum change_result entry_update(long long id, struct form *, const char *seen, char *fresh,
	    const char *actor);

/*
 * Inside a transaction the caller holds (an import): adds a checked organization form as a
 * listed entry, confirmed today, audited as imported by actor from source. CHANGE_INVALID,
 * with the name field's message set, when it is already in the directory (or was an earlier
 * row of the same file).
 */
/*
 * Records a checked organization form as a staff-only entry (status staff_only, schema 019):
 * a partner staff may choose for partnerships that no public page, list, search, match, CSV
 * or count ever shows. One transaction, audited as actor's; CHANGE_INVALID with the name
 * field's message set when the organization is already listed or waiting for review.
 */
enum change_result entry_record_staff_only(struct form *, const char *actor, long long *id);

enum change_result entry_import(struct form *, const char *actor, const char *source, long long *id);

enum entry_action {
	ACT_APPROVE, ACT_REJECT, ACT_WAIT, ACT_CONFIRM, ACT_UNLIST, ACT_RELIST, ACT_STAFF_ONLY,
	ACT_PUBLIC, ACT_ARCHIVE, ACT__MAX
};

struct entry_action_spec {
	const char	*name;		/* in the URL: /staff/org/ID/NAME */
	const char	*button;	/* what the button says */
	const char	*past;		/* the audit log's action, and what the page says was done */
	const char	*from;		/* statuses it applies to, as ",a,b," */
	const char	*to;		/* the new status, or NULL to keep it */
	int		 confirm;	/* sets confirmed_on to today */
	const char	*application;	/* the application's new state, or NULL */
	int		 needs_note;	/* a reason is required */
};

extern const struct entry_action_spec entry_actions[ACT__MAX];

/* Looks an action up by its URL name; -1 if there is none. */
int	entry_action_by_name(const char *name);
/* 1 when action applies to an entry with status (and application state, may be NULL). */
int	entry_action_applies(enum entry_action, const char *status, const char *app_state);
/* Does action to entry id, as actor, with note (may be ""). */
enum change_result entry_act(long long id, enum entry_action, const char *note, const char *actor);
/* The same, and when it decides an application (approve, reject, ask), queues the message
 * telling the applicant in the same transaction, its links from links (notify.h). */
enum change_result entry_act_mail(long long id, enum entry_action, const char *note,
	    const char *actor, const struct notify_links *links);

#endif

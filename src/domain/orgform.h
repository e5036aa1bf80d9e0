/*
 * orgform.h - the organization form: what an applicant fills in on /apply and what staff
 * correct and edit. One table of fields serves both, so the public form and the staff form
 * can never disagree about what an entry is. Field names are documented in README.md.
 */
#ifndef LIAISON_ORGFORM_H
#define LIAISON_ORGFORM_H

#include "form.h"

/* In form order; the names in orgform_fields are also the :parameters of the org statements. */
enum orgf {
	ORGF_NAME, ORGF_NAME_EN, ORGF_TYPE, ORGF_COUNTRY, ORGF_REGION, ORGF_CITY, ORGF_WEBSITE,
	ORGF_DESCRIPTION,
	ORGF_LANGUAGES, ORGF_INTERESTS, ORGF_AGES, ORGF_TIMEZONE,
	ORGF_SEEKING, ORGF_SEEKS, ORGF_SEEKING_TEXT, ORGF_COMMITMENT,
	ORGF_CONTACT_NAME, ORGF_CONTACT_EMAIL, ORGF_EMAIL_PUBLIC,
	ORGF__MAX
};

extern const struct field_spec orgform_fields[ORGF__MAX];

/* Loads organization id's current values into f for editing. Returns 0, -1 if not found. */
int	orgform_load(struct form *f, long long id);
/* Sets the values a blank application starts with (seeking partners, any kind of partner). */
void	orgform_defaults(struct form *f);

#endif

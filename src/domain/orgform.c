/*
 * orgform.c - the organization form's fields and loading an entry into it.
 *
 * Choices come from the same tables as the directory's filters (org_type, country,
 * language, interest) and from timezone; each is checked against its table when posted.
 */
#include <stdio.h>
#include <string.h>

#include "db.h"
#include "orgform.h"

static const struct param_choice ages[] = {
	{ "1", "Children 0–5" }, { "2", "Children 6–11" }, { "4", "Young adults 12–18" },
	{ "8", "Adults" }, { "16", "All ages" }, { NULL, NULL }
};
static const struct param_choice seeks[] = {
	{ "library", "A library" }, { "community", "A community organization" },
	{ "any", "Either" }, { NULL, NULL }
};
static const struct param_choice commitments[] = {
	{ "informal", "Informal: we try things together" },
	{ "memorandum", "A memorandum of understanding" },
	{ "formal", "A formal agreement" }, { NULL, NULL }
};

const struct field_spec orgform_fields[ORGF__MAX] = {
	[ORGF_NAME] = { "name", "Name of the organization", FIELD_TEXT, 1, 200,
	    "As it is written in its own language and script.", NULL, 0, 0,
	    "Your organization", "organization" },
	[ORGF_NAME_EN] = { "name_en", "Name in English", FIELD_TEXT, 0, 200,
	    "If the name above is in another language, so that others can read it.", NULL, 0, 0, NULL, "off" },
	[ORGF_TYPE] = { "type", "Type of organization", FIELD_CHOICE, 1, 0, NULL, NULL,
	    STMT_FORM_TYPES, STMT_TYPE_EXISTS, NULL, NULL },
	[ORGF_COUNTRY] = { "country", "Country", FIELD_CHOICE, 1, 0, NULL, NULL,
	    STMT_FORM_COUNTRIES, STMT_COUNTRY_EXISTS, NULL, NULL },
	[ORGF_REGION] = { "region", "State, province or region", FIELD_TEXT, 0, 100, NULL, NULL, 0, 0,
	    NULL, "address-level1" },
	[ORGF_CITY] = { "city", "City or town", FIELD_TEXT, 1, 100, NULL, NULL, 0, 0, NULL,
	    "address-level2" },
	[ORGF_WEBSITE] = { "website", "Website", FIELD_URL, 0, 300, NULL, NULL, 0, 0, NULL, "url" },
	[ORGF_DESCRIPTION] = { "description", "About the organization", FIELD_LONGTEXT, 0, 2000,
	    "Who you serve and what you do, in a few sentences.", NULL, 0, 0, NULL, NULL },
	[ORGF_LANGUAGES] = { "languages", "Languages you work in", FIELD_CHOICES, 1, 12, NULL, NULL,
	    STMT_FORM_LANGUAGES, STMT_LANGUAGE_EXISTS, "What you do", NULL },
	[ORGF_INTERESTS] = { "interests", "Activities you want to do with a partner", FIELD_CHOICES, 1, 10,
	    NULL, NULL, STMT_FORM_INTERESTS, STMT_INTEREST_EXISTS, NULL, NULL },
	[ORGF_AGES] = { "ages", "Ages you serve", FIELD_CHOICES, 0, 5, NULL, ages, 0, 0, NULL, NULL },
	[ORGF_TIMEZONE] = { "timezone", "Time zone", FIELD_CHOICE, 1, 0,
	    "Used to find partners whose office hours overlap yours.", NULL,
	    STMT_FORM_TIMEZONES, STMT_TIMEZONE_EXISTS, NULL, NULL },
	[ORGF_SEEKING] = { "seeking", "We are looking for partners now", FIELD_FLAG, 0, 1,
	    NULL, NULL, 0, 0, "The partnership you seek", NULL },
	[ORGF_SEEKS] = { "seeks", "What kind of partner do you want?", FIELD_CHOICE, 1, 0, NULL, seeks,
	    0, 0, NULL, NULL },
	[ORGF_SEEKING_TEXT] = { "seeking_text", "What partnership are you looking for?",
	    FIELD_LONGTEXT, 0, 1000, "For example: “pen pals for 4th graders learning Spanish”.",
	    NULL, 0, 0, NULL, NULL },
	[ORGF_COMMITMENT] = { "commitment", "Commitment you can offer", FIELD_CHOICE, 1, 0, NULL,
	    commitments, 0, 0, NULL, NULL },
	[ORGF_CONTACT_NAME] = { "contact_name", "Your name", FIELD_TEXT, 1, 100, NULL, NULL, 0, 0,
	    "Contact", "name" },
	[ORGF_CONTACT_EMAIL] = { "contact_email", "Email address", FIELD_EMAIL, 1, 254,
	    "Staff use it to reach you about this entry.", NULL, 0, 0, NULL, "email" },
	[ORGF_EMAIL_PUBLIC] = { "email_public", "Show this email address on our public page",
	    FIELD_FLAG, 0, 1, "Unless you tick this, only the directory's staff see it.", NULL, 0, 0, NULL, NULL },
};

void
orgform_defaults(struct form *f)
{
	form_set(f, ORGF_SEEKING, "1");
	form_set(f, ORGF_SEEKS, "any");
	form_set(f, ORGF_COMMITMENT, "informal");
}

static void
load_codes(struct form *f, int k, enum stmt id, long long org)
{
	sqlite3_stmt *s = db_stmt(id);

	if (s == NULL)
		return;
	sqlite3_bind_int64(s, 1, org);
	while (sqlite3_step(s) == SQLITE_ROW)
		form_add_item(f, k, (const char *)sqlite3_column_text(s, 0));
	db_done(s);
}

int
orgform_load(struct form *f, long long id)
{
	sqlite3_stmt *s = db_stmt(STMT_ORG_SNAPSHOT);
	int found = 0;

	form_init(f, orgform_fields, ORGF__MAX);
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	if (sqlite3_step(s) == SQLITE_ROW) {
		found = 1;
		/* Columns named like a field fill it; the rest are for the audit log only. */
		for (int c = 0; c < sqlite3_column_count(s); c++) {
			const char *col = sqlite3_column_name(s, c);
			const char *val = (const char *)sqlite3_column_text(s, c);

			for (int k = 0; k < ORGF__MAX; k++)
				if (strcmp(orgform_fields[k].name, col) == 0 &&
				    orgform_fields[k].type != FIELD_CHOICES)
					form_set(f, k, val == NULL || (orgform_fields[k].type == FIELD_FLAG &&
					    strcmp(val, "0") == 0) ? "" : val);
			if (strcmp(col, "ages") == 0) {
				int bits = sqlite3_column_int(s, c);
				for (int b = 0; ages[b].value; b++)
					if (bits & (1 << b))
						form_add_item(f, ORGF_AGES, ages[b].value);
			}
		}
	}
	db_done(s);
	if (found) {
		load_codes(f, ORGF_LANGUAGES, STMT_ORG_LANGUAGES, id);
		load_codes(f, ORGF_INTERESTS, STMT_ORG_INTERESTS, id);
	}
	return found ? 0 : -1;
}

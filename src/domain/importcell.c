/*
 * importcell.c - one cell of an import, read as the person meant it (importcell.h).
 *
 * Choices from the database (countries, languages, types) are matched by label through a
 * statement first; a cell that still matches nothing is compared with every choice after
 * dropping case, spaces and punctuation ("Story time", "STORYTIME", "story-time" are all
 * storytime), which is one pass over a list of at most a few hundred, and a file names the
 * same few values row after row, so the answers are kept.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "dates.h"
#include "db.h"
#include "importcell.h"

#define SHORT_LIST	12	/* a list this long is named whole; a longer one, its nearest */
#define NEAREST		5

int
import_cell_date(struct form *f, int k, const char *s, int order)
{
	char iso[11], dmy[11], mdy[11], wd[40], wm[40];

	while (*s == ' ')
		s++;
	if (*s == '\0')
		return form_set(f, k, "");
	switch (date_read(s, (enum date_order)order, iso, dmy, mdy)) {
	case DATE_OK:
		return form_set(f, k, iso);
	case DATE_AMBIGUOUS:
		date_words(wd, sizeof wd, dmy);
		date_words(wm, sizeof wm, mdy);
		form_fail(f, k, "“%.12s” reads as %s (day first) or %s (month first). Choose the order "
		    "of this file's dates, or write it as %s or %s.", s, wd, wm, dmy, mdy);
		return 0;
	default:
		form_fail(f, k, "Enter a date that exists, like 2026-03-15, 15/03/2026, 3/15/2026 or "
		    "15.03.2026 (“%.16s” is not one).", s);
		return 0;
	}
}

const char *
import_decimal_comma(const char *s, char *buf, size_t size)
{
	size_t o = 0;

	if (strchr(s, ',') == NULL || strlen(s) >= size)
		return s;
	for (; *s; s++) {
		if (*s == '.' || *s == ' ')
			continue;	/* a thousands separator: 1.234,50 or 1 234,50 */
		buf[o++] = *s == ',' ? '.' : *s;
	}
	buf[o] = '\0';
	return buf;
}

/* s lower-cased with only its letters and digits (bytes of other scripts kept). */
static void
squeeze(char *dst, size_t size, const char *s)
{
	size_t o = 0;

	for (; *s && o + 1 < size; s++)
		if (isalnum((unsigned char)*s) || (unsigned char)*s >= 0x80)
			dst[o++] = (char)tolower((unsigned char)*s);
	dst[o] = '\0';
}

/* Steps through a field's choices: fixed ones, or its options statement's rows. */
struct choices {
	const struct field_spec	*spec;
	sqlite3_stmt		*q;
	size_t			 i;
	const char		*value, *label;
};

static int
choices_open(struct choices *c, const struct field_spec *spec)
{
	memset(c, 0, sizeof *c);
	c->spec = spec;
	if (spec->choices == NULL && (c->q = db_stmt((enum stmt)spec->options_stmt)) == NULL)
		return -1;
	return 0;
}

static int
choices_next(struct choices *c)
{
	if (c->spec->choices) {
		if (c->spec->choices[c->i].value == NULL)
			return 0;
		c->value = c->spec->choices[c->i].value;
		c->label = c->spec->choices[c->i].label;
		c->i++;
		return 1;
	}
	if (sqlite3_step(c->q) != SQLITE_ROW)
		return 0;
	c->value = (const char *)sqlite3_column_text(c->q, 0);
	c->label = (const char *)sqlite3_column_text(c->q, 1);
	if (c->value == NULL)
		c->value = "";
	if (c->label == NULL)
		c->label = c->value;
	return 1;
}

static void
choices_close(struct choices *c)
{
	if (c->q)
		db_done(c->q);
}

const char *
import_choice_code(const struct field_spec *spec, const char *s)
{
	static const struct { int options; enum stmt by_label; } lookups[] = {
		{ STMT_FORM_TYPES, STMT_CHOICE_BY_LABEL_TYPE },
		{ STMT_FORM_COUNTRIES, STMT_CHOICE_BY_LABEL_COUNTRY },
		{ STMT_FORM_LANGUAGES, STMT_CHOICE_BY_LABEL_LANGUAGE },
		{ STMT_FORM_INTERESTS, STMT_CHOICE_BY_LABEL_INTEREST },
		{ STMT_ACTIVITY_TYPES, STMT_CHOICE_BY_LABEL_ACTIVITY_TYPE },
	};
	/* The last few answers: a file names the same few types and countries row after row. */
	static struct { const struct field_spec *spec; char in[64], out[64]; } seen[16];
	static unsigned next;
	struct choices c;
	char want[64], have[128];
	char *code;
	int found = 0;

	if (spec->choices) {
		size_t n = strlen(s);
		for (size_t i = 0; spec->choices[i].value; i++) {
			const char *label = spec->choices[i].label;
			if (strcasecmp(spec->choices[i].value, s) == 0 || strcasecmp(label, s) == 0 ||
			    (n && strncasecmp(label, s, n) == 0 && (label[n] == ' ' || label[n] == ':')))
				return spec->choices[i].value;
		}
	}
	if (strlen(s) >= sizeof seen[0].in)
		return s;	/* no code or label is this long */
	for (size_t i = 0; i < sizeof seen / sizeof seen[0]; i++)
		if (seen[i].spec == spec && strcmp(seen[i].in, s) == 0)
			return seen[i].out;
	next = (next + 1) % (sizeof seen / sizeof seen[0]);
	seen[next].spec = spec;
	snprintf(seen[next].in, sizeof seen[next].in, "%s", s);
	code = seen[next].out;
	snprintf(code, sizeof seen[0].out, "%s", s);
	for (size_t i = 0; spec->choices == NULL && i < sizeof lookups / sizeof lookups[0]; i++) {
		sqlite3_stmt *q;
		if (lookups[i].options != spec->options_stmt || (q = db_stmt(lookups[i].by_label)) == NULL)
			continue;
		sqlite3_bind_text(q, 1, s, -1, SQLITE_STATIC);
		if (sqlite3_step(q) == SQLITE_ROW) {
			snprintf(code, sizeof seen[0].out, "%s", sqlite3_column_text(q, 0));
			found = 1;
		}
		db_done(q);
	}
	if (found || (spec->choices == NULL && spec->options_stmt == 0))
		return code;
	/* Letters and digits alone: "Story time" is storytime, "in-person" in_person. */
	squeeze(want, sizeof want, s);
	if (want[0] == '\0' || choices_open(&c, spec) < 0)
		return code;
	while (choices_next(&c)) {
		squeeze(have, sizeof have, c.value);
		if (strcmp(have, want) != 0)
			squeeze(have, sizeof have, c.label);
		if (strcmp(have, want) == 0) {
			snprintf(code, sizeof seen[0].out, "%s", c.value);
			break;
		}
	}
	choices_close(&c);
	return code;
}

/* Edit distance between a and b (each cut at 47 bytes): how near a choice is to a typing. */
static int
distance(const char *a, const char *b)
{
	int row[48], n = (int)strnlen(b, 47), m = (int)strnlen(a, 47);

	for (int j = 0; j <= n; j++)
		row[j] = j;
	for (int i = 1; i <= m; i++) {
		int diag = row[0];
		row[0] = i;
		for (int j = 1; j <= n; j++) {
			int up = row[j], best = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			diag = up;
			row[j] = best;
		}
	}
	return row[n];
}

void
import_allowed(const struct field_spec *spec, const char *given, char *buf, size_t size)
{
	struct choices c;
	struct { int score; char text[120]; } near[NEAREST], all[SHORT_LIST];
	size_t nall = 0, nnear = 0, total = 0, o = 0;
	char want[64], have[128];

	buf[0] = '\0';
	squeeze(want, sizeof want, given);
	if (choices_open(&c, spec) < 0)
		return;
	while (choices_next(&c)) {
		char text[120];
		int score;

		total++;
		if (strcasecmp(c.value, c.label) == 0)
			snprintf(text, sizeof text, "%s", c.value);
		else
			snprintf(text, sizeof text, "%s (%s)", c.value, c.label);
		if (nall < SHORT_LIST)
			snprintf(all[nall++].text, sizeof all[0].text, "%s", text);
		squeeze(have, sizeof have, c.label);
		score = distance(want, have);
		if (want[0] && strstr(have, want))
			score = 0;
		squeeze(have, sizeof have, c.value);
		if (distance(want, have) < score)
			score = distance(want, have);
		/* Keep the NEAREST lowest scores, first come first kept on a tie. */
		size_t at = nnear;
		while (at > 0 && near[at - 1].score > score)
			at--;
		if (at < NEAREST) {
			if (nnear < NEAREST)
				nnear++;
			memmove(&near[at + 1], &near[at], (nnear - 1 - at) * sizeof near[0]);
			near[at].score = score;
			snprintf(near[at].text, sizeof near[0].text, "%s", text);
		}
	}
	choices_close(&c);
	if (total == 0)
		return;
	o = (size_t)snprintf(buf, size, total <= SHORT_LIST ? "The choices are: " : "The nearest of the %zu choices are: ", total);
	for (size_t i = 0; i < (total <= SHORT_LIST ? nall : nnear) && o < size; i++)
		o += (size_t)snprintf(buf + o, size - o, "%s%s", i ? ", " : "",
		    total <= SHORT_LIST ? all[i].text : near[i].text);
	if (o < size)
		snprintf(buf + o, size - o, ".");
}

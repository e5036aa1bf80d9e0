/*
 * fuzz_form.c - libFuzzer target for form_parse (src/form.c), the parser every posted form
 * (the application, sign-in, staff edits) goes through.
 *
 * Whatever the bytes, form_parse must not crash, and what it accepts must hold up: every
 * field without a message is valid UTF-8 with no control characters (bar newlines and tabs
 * in long text), within its length in characters, trimmed; a choice is one of its choices; a
 * URL is http(s); a measure is a whole number within its bounds, a date a day that exists;
 * the error count matches the messages. Choices here are fixed lists, so the
 * database is stubbed out (drawing a form, formview.c, is not part of form.c).
 */
#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "form.h"
#include "measure.h"

/* form.c reaches the database only for database-backed choices, which this spec has none of. */
sqlite3_stmt *db_stmt(enum stmt id) { (void)id; return NULL; }
void db_done(sqlite3_stmt *s) { (void)s; }

static const struct param_choice colors[] = { { "red", "Red" }, { "blue", "Blue" }, { NULL, NULL } };
static const struct field_spec spec[] = {
	{ "name", "Name", FIELD_TEXT, 1, 20, NULL, NULL, 0, 0, NULL, NULL },
	{ "about", "About", FIELD_LONGTEXT, 0, 50, NULL, NULL, 0, 0, NULL, NULL },
	{ "email", "Email", FIELD_EMAIL, 0, 60, NULL, NULL, 0, 0, NULL, NULL },
	{ "site", "Site", FIELD_URL, 0, 60, NULL, NULL, 0, 0, NULL, NULL },
	{ "color", "Color", FIELD_CHOICE, 0, 0, NULL, colors, 0, 0, NULL, NULL },
	{ "colors", "Colors", FIELD_CHOICES, 0, 2, NULL, colors, 0, 0, NULL, NULL },
	{ "ok", "OK", FIELD_FLAG, 0, 1, NULL, NULL, 0, 0, NULL, NULL },
	{ "pw", "Password", FIELD_PASSWORD, 0, 30, NULL, NULL, 0, 0, NULL, NULL },
	{ "n", "Count", FIELD_COUNT, 0, 100000, NULL, NULL, 0, 0, NULL, NULL },
	{ "t", "Tally", FIELD_TALLY, 0, 100000, NULL, NULL, 0, 0, NULL, NULL },
	{ "cost", "Cost", FIELD_MONEY, 0, 1000000000, NULL, NULL, 0, 0, NULL, NULL },
	{ "hours", "Hours", FIELD_HOURS, 0, 600000, NULL, NULL, 0, 0, NULL, NULL },
	{ "day", "Day", FIELD_DATE, 0, 0, NULL, NULL, 0, 0, NULL, NULL },
};
#define N (sizeof spec / sizeof spec[0])

static int
is_choice(const char *v)
{
	return strcmp(v, "red") == 0 || strcmp(v, "blue") == 0;
}

static size_t
characters(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

static struct form f;

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *body = malloc(size + 1);
	int errors = 0;

	memcpy(body, data, size);
	body[size] = '\0';
	form_parse(&f, spec, N, body);
	for (size_t k = 0; k < N; k++) {
		const struct field_value *v = &f.v[k];
		const char *s = v->str;

		if (v->error[0]) {
			errors++;
			continue;
		}
		assert(utf8_valid(s, strlen(s)));
		if (spec[k].type == FIELD_CHOICES) {
			assert(v->nitems <= spec[k].max);
			for (size_t i = 0; i < v->nitems; i++)
				assert(is_choice(v->items[i]));
			continue;
		}
		if (spec[k].required)
			assert(*s != '\0');
		if (spec[k].type == FIELD_FLAG) {
			assert(strcmp(s, "") == 0 || strcmp(s, "1") == 0);
			continue;
		}
		/* A measure taken is a whole number within its bounds; a day taken exists. */
		if (spec[k].type == FIELD_COUNT || spec[k].type == FIELD_MONEY || spec[k].type == FIELD_HOURS) {
			assert(v->num >= 0 && v->num <= (long long)spec[k].max);
			continue;
		}
		/* A tally taken is the same, and a blank one (not asked) holds nothing. */
		if (spec[k].type == FIELD_TALLY) {
			assert(v->num >= 0 && v->num <= (long long)spec[k].max && (*s != '\0' || v->num == 0));
			continue;
		}
		if (spec[k].type == FIELD_DATE) {
			assert(*s == '\0' || measure_date_valid(s));
			continue;
		}
		if (*s == '\0')
			continue;
		assert(characters(s) <= spec[k].max || spec[k].type == FIELD_URL || spec[k].type == FIELD_CHOICE);
		if (spec[k].type != FIELD_PASSWORD) {
			assert(s[0] != ' ' && s[strlen(s) - 1] != ' ');
			for (const unsigned char *c = (const unsigned char *)s; *c; c++)
				assert(*c >= 0x20 || (spec[k].type == FIELD_LONGTEXT && (*c == '\n' || *c == '\t')));
		}
		if (spec[k].type == FIELD_CHOICE)
			assert(is_choice(s));
		if (spec[k].type == FIELD_URL)
			assert(strncmp(s, "http://", 7) == 0 || strncmp(s, "https://", 8) == 0);
		if (spec[k].type == FIELD_EMAIL)
			assert(strchr(s, '@') != NULL);
	}
	assert(f.nerrors == errors + (f.error[0] != '\0'));
	free(body);
	return 0;
}

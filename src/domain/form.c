/*
 * form.c - posted forms: decode, check every field, keep what was typed. Drawing the form
 * again, messages beside fields, is page work: formview.c.
 *
 * Decoding shares params.c's url_decode and utf8_valid. Limits count characters, not bytes,
 * because that is what a person sees and what the database's CHECKs count. Messages say what
 * to do ("Enter …", "Choose …"), the way a librarian would say it across a desk.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "form.h"
#include "measure.h"

/* One (field, value) pair of the body, before values are grouped by field. */
struct pair {
	int		 k;
	const char	*val;
};

void
form_init(struct form *f, const struct field_spec *spec, size_t n)
{
	f->spec = spec;
	f->n = n < FORM_FIELDS_MAX ? n : FORM_FIELDS_MAX;
	f->nitems = 0;
	f->nerrors = 0;
	f->error[0] = '\0';
	f->nscratch = 0;
	f->buf[0] = '\0';
	for (size_t k = 0; k < f->n; k++) {
		f->v[k].str = "";
		f->v[k].items = f->items;
		f->v[k].nitems = 0;
		f->v[k].given = 0;
		f->v[k].error[0] = '\0';
	}
}

void
form_fail(struct form *f, int k, const char *fmt, ...)
{
	va_list ap;
	char *dst = k < 0 ? f->error : f->v[k].error;

	if (dst[0])
		return;
	va_start(ap, fmt);
	vsnprintf(dst, FORM_ERROR_MAX, fmt, ap);
	va_end(ap);
	f->nerrors++;
}

static char *
keep(struct form *f, const char *s)
{
	size_t n = strlen(s) + 1;
	char *d;

	if (f->nscratch + n > sizeof f->scratch)
		return NULL;
	d = f->scratch + f->nscratch;
	memcpy(d, s, n);
	f->nscratch += n;
	return d;
}

int
form_set(struct form *f, int k, const char *s)
{
	const char *copy = keep(f, s);

	if (copy == NULL)
		return -1;
	f->v[k].str = copy;
	f->v[k].given = 1;
	return 0;
}

int
form_add_item(struct form *f, int k, const char *s)
{
	const char *copy;

	struct field_value *v = &f->v[k];

	/* A field's items are contiguous in the pool: if others were added since, move its to the end. */
	if (f->nitems + v->nitems + 1 > FORM_ITEMS_MAX || (copy = keep(f, s)) == NULL)
		return -1;
	if (v->nitems == 0)
		v->items = f->items + f->nitems;
	else if (v->items + v->nitems != f->items + f->nitems) {
		memcpy(f->items + f->nitems, v->items, v->nitems * sizeof *v->items);
		v->items = f->items + f->nitems;
		f->nitems += v->nitems;
	}
	f->items[f->nitems++] = copy;
	v->nitems++;
	v->given = 1;
	return 0;
}

int
form_has(const struct form *f, int k, const char *value)
{
	if (f->spec[k].type != FIELD_CHOICES)
		return strcmp(f->v[k].str, value) == 0;
	for (size_t i = 0; i < f->v[k].nitems; i++)
		if (strcmp(f->v[k].items[i], value) == 0)
			return 1;
	return 0;
}

static size_t
characters(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

/*
 * The label as it reads mid-sentence: "Name of the organization" → "name of the organization".
 * Copied by hand: it runs for every field of every CSV row, and snprintf was 4% of an import.
 */
static void
label_in_sentence(char *dst, size_t size, const char *label)
{
	size_t n = 0;

	for (; label[n] && n + 1 < size; n++)
		dst[n] = label[n];
	dst[n] = '\0';
	if (isupper((unsigned char)dst[0]) && !isupper((unsigned char)dst[1]))
		dst[0] = (char)tolower((unsigned char)dst[0]);
}

/* Trims spaces and line ends at both ends; for long text, drops the \r of each \r\n. */
static char *
tidy(char *s, int multiline)
{
	char *e, *r, *w;

	while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r' || e[-1] == '\n'))
		e--;
	*e = '\0';
	if (multiline) {
		for (r = w = s; *r; r++)
			if (!(r[0] == '\r' && r[1] == '\n'))
				*w++ = *r;
		*w = '\0';
	}
	return s;
}

static int
has_control(const char *s, int multiline)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if ((c < 0x20 && !(multiline && (c == '\n' || c == '\t'))) || c == 0x7f)
			return 1;
	}
	return 0;
}

static int
plausible_email(const char *s)
{
	const char *at = strchr(s, '@'), *dot;

	if (at == NULL || at == s || at - s > 64 || strchr(at + 1, '@'))
		return 0;
	if (strpbrk(s, " \t<>()[],;:\"\\") != NULL)
		return 0;
	dot = strrchr(at + 1, '.');
	return dot && dot > at + 1 && dot[1] != '\0';
}

/* http(s)://host[…] with a dotted host of letters, digits, hyphens (or any non-ASCII: IDN). */
static int
plausible_url(const char *s)
{
	const char *h;
	int dots = 0;

	if (strncmp(s, "https://", 8) == 0)
		h = s + 8;
	else if (strncmp(s, "http://", 7) == 0)
		h = s + 7;
	else
		return 0;
	if (*h == '\0' || *h == '.' || *h == '-')
		return 0;
	for (; *h && *h != '/' && *h != '?' && *h != '#'; h++) {
		unsigned char c = (unsigned char)*h;
		if (c == '.')
			dots++;
		else if (!(isalnum(c) || c == '-' || c == ':' || c >= 0x80))
			return 0;
	}
	return dots > 0 && strpbrk(s, " \"<>\\^`{|}") == NULL;
}

/* --- measures ------------------------------------------------------------------------------ */

#define MEASURE_CHARS	24	/* longer than any sane measure: refused before it is read */

/* Reads field k's text as its measure into v->num, or says what is wrong. */
static void
check_measure(struct form *f, int k, const char *what)
{
	const struct field_spec *sp = &f->spec[k];
	struct field_value *v = &f->v[k];
	enum measure_verdict m;
	char most[40];

	switch (sp->type) {
	case FIELD_DATE:
		if (!measure_date_valid(v->str))
			form_fail(f, k, "Enter a date that exists, written like 2026-03-31.");
		return;
	case FIELD_COUNT:
	case FIELD_TALLY:
		m = measure_count(v->str, &v->num);
		if (m != MEASURE_OK && m != MEASURE_NEGATIVE)
			form_fail(f, k, "Enter %s as a whole number, like 12.", what);
		break;
	case FIELD_MONEY:
		m = measure_cents(v->str, &v->num);
		if (m == MEASURE_COMMA_CENTS)
			form_fail(f, k, "Write the cents of %s after a point: 12.50, not 12,50.", what);
		else if (m == MEASURE_TOO_PRECISE)
			form_fail(f, k, "Give %s to the cent: at most two digits after the point.", what);
		else if (m == MEASURE_BAD)
			form_fail(f, k, "Enter %s as an amount, like 12.50.", what);
		break;
	case FIELD_HOURS:
		m = measure_minutes(v->str, &v->num);
		if (m == MEASURE_TOO_PRECISE)
			form_fail(f, k, "Give %s with at most two digits after the point.", what);
		else if (m == MEASURE_BAD)
			form_fail(f, k, "Enter %s like 1.5 or 1:30.", what);
		break;
	default:
		return;
	}
	if (m == MEASURE_NEGATIVE)
		form_fail(f, k, "Enter 0 or more for %s.", what);
	if (v->error[0] || v->num <= (long long)sp->max)
		return;
	if (sp->type == FIELD_MONEY)
		measure_money_text(most, sizeof most, (long long)sp->max);
	else
		measure_grouped(most, sizeof most, (long long)(sp->type == FIELD_HOURS ? sp->max / 60 : sp->max));
	form_fail(f, k, "Enter at most %s%s for %s; check for a typing slip.", most,
	    sp->type == FIELD_HOURS ? " hours" : "", what);
}

int
form_is_measure(enum field_type t)
{
	return t == FIELD_COUNT || t == FIELD_TALLY || t == FIELD_MONEY || t == FIELD_HOURS ||
	    t == FIELD_DATE;
}

static int
in_choices(const struct field_spec *s, const char *v)
{
	sqlite3_stmt *q;
	int found;

	if (s->choices) {
		for (size_t i = 0; s->choices[i].value; i++)
			if (strcmp(s->choices[i].value, v) == 0)
				return 1;
		return 0;
	}
	if ((q = db_stmt((enum stmt)s->exists_stmt)) == NULL)
		return 0;
	sqlite3_bind_text(q, 1, v, -1, SQLITE_STATIC);
	found = sqlite3_step(q) == SQLITE_ROW;
	db_done(q);
	return found;
}

static void
check_field(struct form *f, int k)
{
	const struct field_spec *s = &f->spec[k];
	struct field_value *v = &f->v[k];
	char what[120];
	size_t len;

	label_in_sentence(what, sizeof what, s->label);
	if (v->error[0])
		return;		/* a decoding problem already said what is wrong */
	if (s->type == FIELD_CHOICES) {
		for (size_t i = 0; i < v->nitems; i++)
			if (!in_choices(s, v->items[i])) {
				form_fail(f, k, "Choose %s from the list.", what);
				return;
			}
		if (v->nitems > s->max)
			form_fail(f, k, "Choose at most %zu.", s->max);
		else if (s->required && v->nitems == 0)
			form_fail(f, k, "Choose at least one: %s.", what);
		return;
	}
	if (s->type == FIELD_FLAG) {
		v->str = v->str[0] ? "1" : "";
		return;
	}
	/* Only values the form holds are tidied in place: absent ones are the literal "". */
	if (s->type != FIELD_PASSWORD && v->str[0] && ((v->str >= f->buf && v->str < f->buf + sizeof f->buf) ||
	    (v->str >= f->scratch && v->str < f->scratch + sizeof f->scratch)))
		v->str = tidy((char *)v->str, s->type == FIELD_LONGTEXT);
	len = characters(v->str);
	v->num = 0;
	if (v->str[0] == '\0') {
		if (s->required)
			form_fail(f, k, s->type == FIELD_CHOICE ? "Choose %s." : "Enter %s.", what);
		return;
	}
	if (has_control(v->str, s->type == FIELD_LONGTEXT)) {
		form_fail(f, k, "Remove the control characters from %s.", what);
		return;
	}
	if (form_is_measure(s->type)) {
		if (len > MEASURE_CHARS)
			form_fail(f, k, "Enter %s as a shorter number.", what);
		else
			check_measure(f, k, what);
		return;
	}
	if (s->type != FIELD_CHOICE && len > s->max) {
		form_fail(f, k, "Shorten %s to %zu characters or fewer (it has %zu).", what, s->max, len);
		return;
	}
	switch (s->type) {
	case FIELD_EMAIL:
		if (!plausible_email(v->str))
			form_fail(f, k, "Enter an email address like name@library.org.");
		break;
	case FIELD_URL:
		if (strstr(v->str, "://") == NULL) {
			char with[600];
			const char *fixed;

			snprintf(with, sizeof with, "https://%s", v->str);
			if ((fixed = keep(f, with)) != NULL)
				v->str = fixed;
		}
		if (!plausible_url(v->str))
			form_fail(f, k, "Enter a web address like https://www.library.org.");
		break;
	case FIELD_CHOICE:
		if (!in_choices(s, v->str))
			form_fail(f, k, "Choose %s from the list.", what);
		break;
	default:
		break;
	}
}

int
form_check(struct form *f)
{
	for (size_t k = 0; k < f->n; k++)
		check_field(f, (int)k);
	return f->nerrors;
}

int
form_parse(struct form *f, const struct field_spec *spec, size_t n, const char *body)
{
	struct pair pairs[FORM_ITEMS_MAX + FORM_FIELDS_MAX];
	size_t npairs = 0, len = body ? strlen(body) : 0;
	char *s, *end;

	form_init(f, spec, n);
	if (len > FORM_INPUT_MAX) {
		form_fail(f, -1, "The form is too long (%zu bytes; at most %d are accepted).", len,
		    FORM_INPUT_MAX);
		return f->nerrors;
	}
	memcpy(f->buf, body ? body : "", len + 1);
	for (s = f->buf; s < f->buf + len; s = end + 1) {
		char *eq, *val;
		long nlen, vlen;
		size_t k;

		if ((end = strchr(s, '&')) == NULL)
			end = f->buf + len;
		*end = '\0';
		if ((eq = strchr(s, '=')) == NULL)
			continue;
		*eq = '\0';
		val = eq + 1;
		if ((nlen = url_decode(s, strlen(s))) < 0)
			continue;
		for (k = 0; k < f->n; k++)
			if (strcmp(spec[k].name, s) == 0)
				break;
		if (k == f->n)
			continue;	/* not ours: a browser extension's, or a newer form's */
		if ((vlen = url_decode(val, strlen(val))) < 0 || !utf8_valid(val, (size_t)vlen)) {
			form_fail(f, (int)k, "This is not readable text: type it again.");
			continue;
		}
		if (spec[k].type != FIELD_CHOICES && f->v[k].given) {
			form_fail(f, (int)k, "This field was sent more than once.");
			continue;
		}
		f->v[k].given = 1;
		if (spec[k].type != FIELD_CHOICES)
			f->v[k].str = val;
		else if (*val && npairs < sizeof pairs / sizeof pairs[0])
			pairs[npairs++] = (struct pair){ (int)k, val };
	}
	/* Group many-choice values by field, dropping repeats, so each field's items are contiguous. */
	for (size_t k = 0; k < f->n; k++) {
		f->v[k].items = f->items + f->nitems;
		for (size_t i = 0; i < npairs; i++) {
			if (pairs[i].k != (int)k || form_has(f, (int)k, pairs[i].val))
				continue;
			if (f->nitems == FORM_ITEMS_MAX) {
				form_fail(f, (int)k, "Too many choices were sent.");
				break;
			}
			f->items[f->nitems++] = pairs[i].val;
			f->v[k].nitems++;
		}
	}
	return form_check(f);
}

/*
 * dirview.c - see dirview.h. Labels for codes, the facet menus, chips and result rows that
 * /list and /search draw the same way.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "csvout.h"
#include "dirview.h"
#include "http.h"
#include "search.h"
#include "view.h"

const struct param_choice dirview_kinds[] = {
	{ "library", "Libraries" }, { "community", "Community organizations" }, { NULL, NULL }
};
const struct param_choice dirview_seeking[] = {
	{ "yes", "Seeking partners now" }, { "no", "Not seeking now" }, { NULL, NULL }
};

static const char *const facet_label[FACET__MAX] = {
	"Kind", "Type", "Country", "Language", "Interest", "Seeking partners"
};

void
dirview_read_filter(const struct params *p, struct org_filter *f)
{
	for (int i = 0; i < FACET__MAX; i++)
		f->value[i] = p->v[i].present ? p->v[i].str : NULL;
	if (f->value[FACET_SEEKING])
		f->value[FACET_SEEKING] = strcmp(f->value[FACET_SEEKING], "yes") == 0 ? "1" : "0";
}

void
dirview_unreadable(struct req *r, int busy)
{
	if (busy)
		req_error(r, 503, "The directory is busy being updated; please try again in a few seconds.");
	else
		req_error(r, 500, "The directory could not be read.");
}

/* The label a facet value shows with: kinds and seeking have fixed words, the rest come from the data. */
static const char *
choice_label(int facet, const struct facet_item *it)
{
	if (facet == FACET_KIND)
		return directory_kind_label(it->value);
	if (facet == FACET_SEEKING)
		return strcmp(it->value, "1") == 0 ? "Seeking partners now" : "Not seeking now";
	return it->label;
}

static const char *
choice_param_value(int facet, const struct facet_item *it)
{
	if (facet == FACET_SEEKING)
		return strcmp(it->value, "1") == 0 ? "yes" : "no";
	return it->value;
}

/*
 * The facet menus as drawn, per summary: a large directory has hundreds of choices, the same
 * for every visitor, so they are drawn once per summary (facets.c caches those per filter,
 * search and database version) and kept here under its serial. As many slots as facets.c
 * keeps summaries; the one with the oldest serial gives way.
 */
#define MENU_SLOTS	16
static struct menus {
	unsigned long	 serial;	/* 0: empty */
	char		*html;
	size_t		 len;
} menus[MENU_SLOTS];

static void
render_menus(const struct params *p, const struct directory_summary *sum, struct menus *out)
{
	struct view_dict *d = view_dict_new();

	for (int f = 0; f < FACET__MAX; f++) {
		struct view_dict *sec = view_section(d, "FILTER");
		const char *current = p->v[f].present ? p->v[f].str : NULL;

		view_set(sec, "NAME", p->spec[f].name);
		view_set(sec, "LABEL", facet_label[f]);
		for (size_t i = 0; i < sum->facets[f].n; i++) {
			const struct facet_item *it = &sum->facets[f].items[i];
			const char *value = choice_param_value(f, it);
			struct view_dict *opt = view_section(sec, "OPTION");

			view_set(opt, "VALUE", value);
			view_set(opt, "LABEL", choice_label(f, it));
			view_set_int(opt, "COUNT", it->count);
			if (current && strcmp(current, value) == 0)
				view_show(opt, "SELECTED");
		}
	}
	free(out->html);
	out->len = 0;
	out->html = view_dict_render(d, "filters.tpl", &out->len);
	out->serial = out->html ? sum->serial : 0;	/* a failed drawing is tried again */
	view_dict_free(d);
}

/* The menus of sum, drawn now or earlier. */
static const struct menus *
menus_of(const struct params *p, const struct directory_summary *sum)
{
	struct menus *oldest = &menus[0];

	for (int i = 0; i < MENU_SLOTS; i++) {
		if (menus[i].serial == sum->serial && menus[i].html)
			return &menus[i];
		if (menus[i].serial < oldest->serial)
			oldest = &menus[i];
	}
	render_menus(p, sum, oldest);
	return oldest;
}

static void
fill_chips(struct view_dict *body, const struct params *p,
    const struct directory_summary *sum, const char *self, unsigned long also_drop)
{
	char href[4096];

	for (int f = 0; f < FACET__MAX; f++) {
		if (!p->v[f].present)
			continue;
		view_show(body, "ACTIVE_ANY");	/* a filter is set, even one that matches nothing */
		for (size_t i = 0; i < sum->facets[f].n; i++) {
			const struct facet_item *it = &sum->facets[f].items[i];
			struct view_dict *chip;

			if (strcmp(p->v[f].str, choice_param_value(f, it)) != 0)
				continue;
			chip = view_section(body, "ACTIVE");
			view_set(chip, "FACET", facet_label[f]);
			view_set(chip, "LABEL", choice_label(f, it));
			params_href(p, self, (1UL << f) | also_drop, NULL, NULL, href, sizeof href);
			view_set(chip, "REMOVE_HREF", href);
		}
	}
}

void
dirview_fill_filters(struct view_dict *body, const struct params *p,
    const struct directory_summary *sum, const char *self, unsigned long also_drop)
{
	const struct menus *m = menus_of(p, sum);

	view_setn(body, "FILTERS_HTML", m->html, m->len);
	fill_chips(body, p, sum, self, also_drop);
}

static void
set_excerpt(struct view_dict *d, const char *key, const char *text, size_t max)
{
	size_t n = strlen(text), cut;
	char buf[1024];

	if (n <= max) {
		view_set(d, key, text);
		return;
	}
	cut = max;
	while (cut > 0 && ((unsigned char)text[cut] & 0xc0) == 0x80)
		cut--;
	for (size_t back = cut; back > max - 40 && back > 0; back--)
		if (text[back] == ' ') {
			cut = back;
			break;
		}
	snprintf(buf, sizeof buf, "%.*s…", (int)cut, text);
	view_set(d, key, buf);
}

void
dirview_format_count(char *buf, size_t size, long n)
{
	char digits[32];
	int len = snprintf(digits, sizeof digits, "%ld", n < 0 ? 0 : n), o = 0;

	for (int i = 0; i < len && (size_t)o + 2 < size; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			buf[o++] = ',';
		buf[o++] = digits[i];
	}
	buf[o] = '\0';
}

void
dirview_fill_row(struct view_dict *d, const struct org_row *o, const char *profile_base)
{
	char href[512];

	snprintf(href, sizeof href, "%s/%lld", profile_base, (long long)o->id);
	view_set(d, "HREF", href);
	view_set(d, "NAME", o->name);
	if (o->name_en[0])
		view_set(view_section(d, "NAME_EN"), "NAME_EN", o->name_en);
	view_set(d, "TYPE_LABEL", o->type_label);
	view_set(d, "COUNTRY_NAME", o->country_name);
	view_set(d, "PLACE", o->city[0] ? o->city : o->region);
	if (o->interests[0])
		view_set(view_section(d, "INTERESTS"), "INTERESTS", o->interests);
	if (o->languages[0])
		view_set(view_section(d, "LANGUAGES"), "LANGUAGES", o->languages);
	view_set(d, "CONFIRMED", o->confirmed_on[0] ? o->confirmed_on : "never");
	set_excerpt(d, "EXCERPT", o->description, 220);
	if (o->seeking)
		view_show(d, "SEEKING");
	if (o->stale)
		view_show(d, "STALE");
}

void
dirview_set_marked(struct view_dict *d, const char *section, const char *text)
{
	const char *s = text;
	int hit = 0;

	while (*s) {
		size_t n = strcspn(s, "\x02\x03");

		if (n > 0) {
			struct view_dict *part = view_section(d, section);
			view_setn(part, "TEXT", s, n);
			if (hit)
				view_show(part, "HIT");
		}
		s += n;
		if (*s) {
			hit = *s == SEARCH_MARK_ON;
			s++;
		}
	}
}

void
dirview_csv_filename(const struct params *p, const char *prefix, char *buf, size_t size)
{
	time_t now = time(NULL);
	struct tm tm;
	char date[16];
	size_t len;

	gmtime_r(&now, &tm);
	strftime(date, sizeof date, "%Y-%m-%d", &tm);
	len = (size_t)snprintf(buf, size, "%s", prefix);
	for (int i = 0; i < FACET__MAX && len < size; i++)
		if (p->v[i].present)	/* codes are [A-Za-z0-9_] by validation: safe in a header */
			len += (size_t)snprintf(buf + len, size - len, "-%s", p->v[i].str);
	if (len < size)
		snprintf(buf + len, size - len, "-%s.csv", date);
}

static const char *const csv_header[] = {
	"id", "name", "other_name", "kind", "type", "country_code", "country", "region",
	"city", "website", "languages", "interests", "ages_served", "time_zone", "seeking",
	"seeking_what", "commitment", "confirmed_on", "public_email", "description",
	"profile_url",
};

void
dirview_csv_start(struct csv_out *csv, struct req *r, const char *filename)
{
	req_attachment(r, "text/csv; charset=utf-8", filename);
	csv_begin(csv, req_sink(r));
	for (size_t i = 0; i < sizeof csv_header / sizeof csv_header[0]; i++)
		csv_cell(csv, csv_header[i]);
	csv_row_end(csv);
}

void
dirview_csv_row(struct csv_out *csv, const struct org_row *o, const char *profile_base)
{
	char ages[128], url[700];

	csv_cell_int(csv, o->id);
	csv_cell(csv, o->name);
	csv_cell(csv, o->name_en);
	csv_cell(csv, o->kind);
	csv_cell(csv, o->type);
	csv_cell(csv, o->country);
	csv_cell(csv, o->country_name);
	csv_cell(csv, o->region);
	csv_cell(csv, o->city);
	csv_cell(csv, o->website);
	csv_cell(csv, o->languages);
	csv_cell(csv, o->interests);
	directory_ages_text(o->ages, ages, sizeof ages);
	csv_cell(csv, ages);
	csv_cell(csv, o->timezone);
	csv_cell(csv, o->seeking ? "yes" : "no");
	csv_cell(csv, o->seeking_text);
	csv_cell(csv, directory_commitment_label(o->commitment));
	csv_cell(csv, o->confirmed_on);
	csv_cell(csv, o->public_email);
	csv_cell(csv, o->description);
	snprintf(url, sizeof url, "%s/%lld", profile_base, (long long)o->id);
	csv_cell(csv, url);
	csv_row_end(csv);
}

static long
page_count(long total, long page_size)
{
	return total == 0 ? 1 : (total + page_size - 1) / page_size;
}

int
dirview_page_missing(struct req *r, long page, long page_size, long total)
{
	long pages = page_count(total, page_size);
	char detail[160];

	if (page <= pages)
		return 0;
	snprintf(detail, sizeof detail, "There is no page %ld: there %s only %ld.", page,
	    pages == 1 ? "is" : "are", pages);
	req_error(r, 404, detail);
	return 1;
}

void
dirview_page_finish(struct view *v, struct req *r, struct view_dict *body, int rc)
{
	if (rc < 0) {	/* cut short: say so, and do not keep the page */
		view_show(body, "READ_ERROR");
		r->no_keep = 1;
	}
	view_page_finish(v, r);
}

void
dirview_fill_pages(struct view_dict *body, const struct params *p, const char *self, long page,
    long page_size, long total, int page_key, int format_key)
{
	long pages = page_count(total, page_size);
	unsigned long page_bit = 1UL << page_key;
	char href[4096], num[32];

	view_set_int(body, "PAGE", page);
	view_set_int(body, "PAGES", pages);
	view_set_int(body, "FIRST", total ? (page - 1) * page_size + 1 : 0);
	view_set_int(body, "LAST", page * page_size < total ? page * page_size : total);
	if (page > 1) {
		snprintf(num, sizeof num, "%ld", page - 1);
		params_href(p, self, page_bit, page - 1 > 1 ? "page" : NULL, num, href, sizeof href);
		view_set(view_section(body, "PREV"), "HREF", href);
	}
	if (page < pages) {
		snprintf(num, sizeof num, "%ld", page + 1);
		params_href(p, self, page_bit, "page", num, href, sizeof href);
		view_set(view_section(body, "NEXT"), "HREF", href);
	}
	params_href(p, self, page_bit | (1UL << format_key), "format", "csv", href, sizeof href);
	view_set(body, "CSV_HREF", href);
	/* With nothing found there is nothing to page through or download: no range, pager or
	 * CSV link, only what to try (the templates' EMPTY). */
	if (total == 0)
		view_show(body, "EMPTY");
	else
		view_show(body, "SOME");
}

/*
 * formview.c - forms drawn into view dictionaries (see formview.h): the fields of a struct
 * form that form.c has checked, with their messages, and the plain menus pages draw.
 */
#include <stdio.h>
#include <string.h>

#include "db.h"
#include "form.h"
#include "formview.h"
#include "measure.h"
#include "view.h"

static void
add_option(struct view_dict *group, const char *value, const char *label, int chosen,
    const char *id_base, size_t i)
{
	struct view_dict *o = view_section(group, "OPTION");
	char id[96];

	view_set(o, "VALUE", value);
	view_set(o, "LABEL", label);
	snprintf(id, sizeof id, "%s-%zu", id_base, i);
	view_set(o, "OPTION_ID", id);
	if (chosen)
		view_show(o, "CHOSEN");
}

/*
 * The options of field k under widget, in optgroups when the statement gives groups; returns
 * how many, and writes the labels of the chosen ones, comma-separated, into chosen.
 */
static size_t
fill_options(struct view_dict *widget, const struct form *f, int k, const char *id_base,
    char *chosen, size_t size)
{
	const struct field_spec *s = &f->spec[k];
	struct view_dict *group = NULL;
	char last[128] = "";
	size_t i = 0;

	if (s->choices) {
		group = view_section(widget, "OPTGROUP");
		for (; s->choices[i].value; i++)
			add_option(group, s->choices[i].value, s->choices[i].label,
			    form_has(f, k, s->choices[i].value), id_base, i);
		return i;	/* a short list: every choice is in sight */
	}
	sqlite3_stmt *q = db_stmt((enum stmt)s->options_stmt);
	while (q && sqlite3_step(q) == SQLITE_ROW) {
		const char *value = (const char *)sqlite3_column_text(q, 0);
		const char *label = (const char *)sqlite3_column_text(q, 1);
		const char *g = sqlite3_column_count(q) > 2 ? (const char *)sqlite3_column_text(q, 2) : "";

		if (group == NULL || strcmp(g ? g : "", last) != 0) {
			snprintf(last, sizeof last, "%s", g ? g : "");
			group = view_section(widget, "OPTGROUP");
			if (last[0]) {
				view_show(group, "LABELLED");
				view_set(group, "GROUP", last);
			}
		}
		int on = form_has(f, k, value ? value : "");
		size_t used = strlen(chosen);

		add_option(group, value ? value : "", label ? label : "", on, id_base, i++);
		if (on && label)
			snprintf(chosen + used, size - used, "%s%s", used ? ", " : "", label);
	}
	db_done(q);
	return i;
}

static void
fill_field(struct view_dict *field, const struct form *f, int k)
{
	const struct field_spec *s = &f->spec[k];
	const struct field_value *v = &f->v[k];
	struct view_dict *w;
	char id[80], described[200] = "", chosen[1024] = "";

	snprintf(id, sizeof id, "f-%s", s->name);
	view_set(field, "NAME", s->name);
	view_set(field, "ID", id);
	view_set(field, "LABEL", s->label);
	/* A blank count is 0, which is no more optional than any number: no mark on measures but
	 * a tally, whose blank means "not asked". */
	if (!s->required && s->type != FIELD_FLAG &&
	    !(form_is_measure(s->type) && s->type != FIELD_DATE && s->type != FIELD_TALLY))
		view_show(field, "OPTIONAL");
	if (s->hint) {
		view_set(view_section(field, "HINT"), "TEXT", s->hint);
		snprintf(described, sizeof described, "h-%s", s->name);
	}
	if (v->error[0]) {
		view_show(field, "BAD");
		view_set(view_section(field, "ERROR"), "MESSAGE", v->error);
		snprintf(described + strlen(described), sizeof described - strlen(described), "%se-%s",
		    described[0] ? " " : "", s->name);
	}
	if (described[0])
		view_set(view_section(field, "DESCRIBED"), "IDS", described);

	switch (s->type) {
	case FIELD_LONGTEXT:
		w = view_section(field, "TEXTAREA");
		view_set(w, "VALUE", v->str);
		break;
	case FIELD_CHOICE:
		w = view_section(field, s->choices ? "RADIOS" : "SELECT");
		fill_options(w, f, k, id, chosen, sizeof chosen);
		break;
	case FIELD_CHOICES:
		w = view_section(field, "CHECKBOXES");
		if (fill_options(w, f, k, id, chosen, sizeof chosen) > 12) {
			/* A long list gets a box of its own that scrolls, and what is ticked out of
			 * sight is named above it. */
			view_show(w, "SCROLL");
			if (chosen[0])
				view_set(view_section(w, "CHOSEN_LIST"), "TEXT", chosen);
		}
		break;
	case FIELD_FLAG:
		w = view_section(field, "FLAG");
		if (v->str[0])
			view_show(w, "CHOSEN");
		break;
	case FIELD_HIDDEN:
		w = view_section(field, "HIDDEN");
		view_set(w, "VALUE", v->str);
		break;
	default:
		w = view_section(field, "INPUT");
		view_set(w, "TYPE", s->type == FIELD_EMAIL ? "email" : s->type == FIELD_URL ? "url" :
		    s->type == FIELD_PASSWORD ? "password" : "text");
		/* A password is never sent back to the browser, right or wrong. */
		view_set(w, "VALUE", s->type == FIELD_PASSWORD ? "" : v->str);
		view_set(w, "AUTOCOMPLETE", s->autocomplete ? s->autocomplete : "off");
		if (form_is_measure(s->type))
			view_show(field, "NUMBER");
		if (s->type == FIELD_DATE && (v->str[0] == '\0' || measure_date_valid(v->str)))
			view_set(w, "TYPE", "date");	/* what a date input cannot hold stays text */
		else if (s->type == FIELD_COUNT || s->type == FIELD_TALLY)
			view_set(view_section(w, "INPUTMODE"), "MODE", "numeric");
		else if (s->type == FIELD_MONEY || s->type == FIELD_HOURS)
			view_set(view_section(w, "INPUTMODE"), "MODE", "decimal");
		break;
	}
}

void
formview_fill(struct view_dict *dict, const struct form *f, unsigned long skip)
{
	struct view_dict *group = NULL, *errors = NULL;

	if (f->nerrors) {
		errors = view_section(dict, "ERRORS");
		view_set_int(errors, "COUNT", f->nerrors);
		view_show(errors, f->nerrors > 1 ? "PLURAL" : "SINGULAR");
		if (f->error[0])
			view_set(view_section(errors, "FORM_ERROR"), "MESSAGE", f->error);
	}
	for (size_t k = 0; k < f->n; k++) {
		const struct field_spec *s = &f->spec[k];
		char href[80];

		if (skip & (1UL << k))
			continue;
		if (errors && f->v[k].error[0]) {
			struct view_dict *e = view_section(errors, "ERROR");
			snprintf(href, sizeof href, "#f-%s", s->name);
			view_set(e, "HREF", href);
			view_set(e, "LABEL", s->label);
			view_set(e, "MESSAGE", f->v[k].error);
		}
		if (group == NULL || s->legend) {
			group = view_section(dict, "GROUP");
			if (s->legend)
				view_set(view_section(group, "LEGEND"), "TEXT", s->legend);
		}
		fill_field(view_section(group, "FIELD"), f, (int)k);
	}
}

void
formview_menu(struct view_dict *parent, const char *section, const struct param_choice *choices,
    const char *current)
{
	for (size_t i = 0; choices[i].value; i++) {
		struct view_dict *o = view_section(parent, section);
		view_set(o, "VALUE", choices[i].value);
		view_set(o, "LABEL", choices[i].label);
		if (current && strcmp(current, choices[i].value) == 0)
			view_show(o, "SELECTED");
	}
}

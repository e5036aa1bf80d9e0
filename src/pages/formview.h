/*
 * formview.h - forms drawn into a page's view dictionary: the page-layer half of form.h.
 *
 * form.h reads and checks what a person typed and keeps a message per field; here those
 * fields, values and messages are put into templates/formfields.tpl's sections, and the
 * plain <select> menus of list and report pages get their options. Kept apart from form.c
 * so that checking a form (the application, an import's rows) needs no view at all.
 */
#ifndef LIAISON_FORMVIEW_H
#define LIAISON_FORMVIEW_H

#include "form.h"
#include "params.h"

struct view_dict;

/*
 * Fills dict with the form: an ERRORS section (the summary, each linking to its field) when
 * there are problems, and a GROUP section per fieldset holding a FIELD per field, skipping
 * fields whose bit is set in skip. templates/formfields.tpl draws it.
 */
void	formview_fill(struct view_dict *dict, const struct form *, unsigned long skip);

/*
 * One section named section under parent per choice (up to the NULL value), with VALUE and
 * LABEL, and SELECTED on the one whose value is current (none when current is NULL): every
 * <option> loop of a page's menus (status, sort, year, quarter).
 */
void	formview_menu(struct view_dict *parent, const char *section,
	    const struct param_choice *choices, const char *current);

#endif

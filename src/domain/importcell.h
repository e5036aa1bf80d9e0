/*
 * importcell.h - reading one cell of an import as the person meant it (import.c's helper):
 * dates in the forms spreadsheets write, amounts with a decimal comma in semicolon files, a
 * choice by its code or its label in any case and spacing, and, when a choice is not one,
 * the allowed values to name in the message.
 */
#ifndef LIAISON_IMPORTCELL_H
#define LIAISON_IMPORTCELL_H

#include <stddef.h>

#include "form.h"

/*
 * Sets date field k from s (ISO, day-first, month-first or dotted: dates.h) in the given
 * order (enum date_order). A date that reads two ways with no order, or none, is the field's
 * problem, in words that show the readings. Returns -1 if the form is full, else 0.
 */
int	import_cell_date(struct form *, int k, const char *s, int order);
/* "1.234,50" or "1,5" as "1234.50" or "1.5" in buf (a file with semicolons); s unchanged otherwise. */
const char *import_decimal_comma(const char *s, char *buf, size_t size);
/* The code of the choice s names (by code or label, any case or spacing), or s as it is. */
const char *import_choice_code(const struct field_spec *, const char *s);
/*
 * What to tell a person whose choice given is not one: every allowed value of a short list,
 * the nearest few of a long one ("storytime (Storytime), pen_pals (Pen pals), …").
 */
void	import_allowed(const struct field_spec *, const char *given, char *buf, size_t size);

#endif

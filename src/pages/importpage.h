/*
 * importpage.h - the import page's preview and its batches (cgi-bin/import.c): what a dry run
 * would add, drawn with the form that confirms it, and the recent batches with the page that
 * undoes one. Kept apart from the upload handler so that each stays short.
 */
#ifndef LIAISON_IMPORTPAGE_H
#define LIAISON_IMPORTPAGE_H

#include "import.h"

struct view_dict;

#define IMPORTPAGE_BATCHES	20	/* batches listed on the import page */

/*
 * Fills PREVIEW in body: what the dry run im of file would add, and the form that confirms
 * it (posted to action, naming the pending upload by token, with include_duplicates ticked
 * when the preview counted them in).
 */
void	importpage_preview(struct view_dict *body, const struct import *im, const char *file,
	    const char *token, const char *action, int include_duplicates);
/* Fills BATCHES with the latest batches and their undo links. 0, or -1 when unread. */
int	importpage_batches(struct view_dict *body);
/*
 * Fills the undo page's body for batch b: the batch, and, while it stands, its activities
 * edited since it went in and the form that undoes it. 0, or -1 when they could not be read.
 */
int	importpage_undo(struct view_dict *body, const struct import_batch *b);

#endif

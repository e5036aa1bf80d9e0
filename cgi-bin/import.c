/*
 * import.c - bulk import of activities or organizations from an upload of a CSV, .xlsx or .ods
 * file (staff pages).
 * Routes (PATH_INFO under /import):
 *
 *   GET  /import                        the form, the columns of each kind, and (for  staff
 *                                       administrators) the recent batches
 *   POST /import                        check the file (multipart) and preview it,    staff
 *                                       keeping it (schema 017) until confirmed
 *   POST /import/confirm                import the previewed file                     staff
 *   GET  /import/batches/N/undo         what undoing batch N removes, and its form    admin
 *   POST /import/batches/N/undo         undo it (import_undo, as liaison-admin does)  admin
 *   GET  /import/template?kind=KIND     a CSV with every column and an example row   staff
 *
 * routes[] at the end is what enforces these (route.h).
 *
 * The upload is read whole, the request up to IMPORT_WEB_BYTES: mod_fcgid refuses larger
 * requests on shared hosting (the bundle's cgi-bin/.htaccess hands those to plain CGI, so that
 * this program still answers them). The limit the page states is the file's, IMPORT_FILE_BYTES,
 * with room for the form around it inside the request's, so a file within it always arrives;
 * a larger one is answered 413 with this page, a larger request without being read. The work
 * itself is src/import.c, which liaison-admin's import command shares.
 *
 * An upload is first a dry run (import.dry_run): every row checked and written inside the
 * import's transaction, what they add summed up from the rows written, then rolled back. The
 * preview (src/pages/importpage.c) shows that, and the file waits in import_pending under a
 * random token until the confirm form names it: confirming runs the same import on the same
 * bytes for real, and refuses if it would now add a different number of rows than the preview
 * said (the records changed in between).
 */
#include <stdio.h>
#include <string.h>

#include "csvout.h"
#include "dates.h"
#include "http.h"
#include "serve.h"
#include "import.h"
#include "importpage.h"
#include "sheetin.h"
#include "multipart.h"
#include "params.h"
#include "route.h"
#include "staffpage.h"
#include "token.h"
#include "view.h"

enum key { KEY_KIND, KEY_CSRF, KEY_PENDING, KEY_ROWS, KEY_DUPS, KEY_INCLUDE, KEY_FORCE, KEY_EDITED,
	KEY_UNDONE, KEY__MAX };
static const struct param_choice kinds[] = {
	{ "activities", "Activities of partnerships" }, { "organizations", "Organizations for the directory" },
	{ NULL, NULL }
};
static const struct param_spec keys[KEY__MAX] = {
	[KEY_KIND] = { "kind", PARAM_ENUM, 0, 0, kinds, NULL, NULL },
	[KEY_CSRF] = { "csrf", PARAM_TEXT, 0, TOKEN_CHARS, NULL, NULL, NULL },
	[KEY_PENDING] = { "pending", PARAM_TEXT, 0, IMPORT_PENDING_CHARS, NULL, NULL, NULL },
	[KEY_ROWS] = { "rows", PARAM_INT, 0, 1000000000, NULL, NULL, NULL },
	[KEY_DUPS] = { "duplicates", PARAM_INT, 0, 1000000000, NULL, NULL, NULL },
	[KEY_INCLUDE] = { "include_duplicates", PARAM_TEXT, 0, 8, NULL, NULL, NULL },
	[KEY_FORCE] = { "force", PARAM_TEXT, 0, 8, NULL, NULL, NULL },
	[KEY_EDITED] = { "edited", PARAM_INT, 1, 1000000000, NULL, NULL, NULL },
	[KEY_UNDONE] = { "undone", PARAM_INT, 1, 1000000000, NULL, NULL, NULL },
};

/* The file's limit: the request's, less room for the form's fields and part headers. */
#define IMPORT_FILE_BYTES	(IMPORT_WEB_BYTES - 4096)
#define IMPORT_FILE_KB		(IMPORT_FILE_BYTES / 1024)

static struct params p;
static struct import im;
static char body[IMPORT_WEB_BYTES + 1];
static char pending_file[IMPORT_WEB_BYTES];	/* a previewed file, read back to import it */
static const struct staff_post post = { body, sizeof body, &p, keys, KEY__MAX, KEY_CSRF };

/* What show() draws besides the form and an outcome: set by a handler, cleared per request. */
static struct {
	const char	*token;		/* a preview's pending upload */
	int		 include_duplicates;
	long		 undone;	/* the batch just undone */
} extra;

/* The page; result is NULL before an upload. */
static void
show(struct req *r, int status, const char *chosen_kind, const struct import *result,
    enum import_result how, const char *file, const char *message)
{
	struct view *v = staff_page(r, status, "Import from a spreadsheet", "import.tpl");
	struct view_dict *b = view_body(v);
	char href[400];

	view_set(b, "SELF", import_base);
	view_set_int(b, "MAX_KB", IMPORT_FILE_KB);
	view_set_int(b, "MAX_BYTES", IMPORT_FILE_BYTES);
	for (int k = 0; kinds[k].value; k++) {
		struct view_dict *o = view_section(b, "KIND_OPTION"), *sec = view_section(b, "KIND");
		const struct import_column *cols;
		size_t n;

		view_set(o, "VALUE", kinds[k].value);
		view_set(o, "LABEL", kinds[k].label);
		if (strcmp(kinds[k].value, chosen_kind) == 0)
			view_show(o, "CHOSEN");
		view_set(sec, "VALUE", kinds[k].value);
		snprintf(href, sizeof href, "%s/template?kind=%s", import_base, kinds[k].value);
		view_set(sec, "TEMPLATE", href);
		cols = import_columns((enum import_kind)import_kind_by_name(kinds[k].value), &n);
		for (size_t c = 0; c < n; c++) {
			struct view_dict *col = view_section(sec, "COLUMN");
			view_set(col, "NAME", cols[c].name);
			view_set(col, "LABEL", cols[c].label);
			if (cols[c].hint)
				view_set(view_section(col, "HINT"), "TEXT", cols[c].hint);
			if (cols[c].required)
				view_show(col, "REQUIRED");
			view_set(col, "EXAMPLE", cols[c].example);
		}
	}
	if (result && how == IMPORT_DONE && result->dry_run) {
		char action[400];
		snprintf(action, sizeof action, "%s/confirm", import_base);
		importpage_preview(b, result, file, extra.token, action, extra.include_duplicates);
	} else if (result && how == IMPORT_DONE) {
		struct view_dict *d = view_section(b, "DONE");
		view_set_int(d, "COUNT", result->imported);
		view_set(d, "KIND", result->imported != 1 ? import_kind_names[result->kind] :
		    result->kind == IMPORT_ACTIVITIES ? "activity" : "organization");
		view_set(d, "FILE", file);
		if (result->sheet)
			view_set(view_section(d, "SHEET"), "KIND", sheetin_kind_name(result->sheet));
		else
			view_set(view_section(d, "CSV"), "DELIM", csvin_delim_name(result->csv.delim));
		if (result->batch_id)
			view_set_int(view_section(d, "BATCH"), "ID", result->batch_id);
		if (result->nduplicates) {
			struct view_dict *dd = view_section(d, "DUPLICATES");
			view_set_int(dd, "COUNT", result->nduplicates);
			for (long i = 0; i < result->nduplicates && i < IMPORT_DUPLICATES_MAX; i++) {
				struct view_dict *row = view_section(dd, "ROW");
				view_set_int(row, "LINE", result->duplicate_line[i]);
				snprintf(href, sizeof href, "%s/%lld/activities/%lld", partnerships_base,
				    result->duplicate_partnership[i], result->duplicate_of[i]);
				view_set(row, "HREF", href);
				view_set_int(row, "OF", result->duplicate_of[i]);
			}
		}
		if (result->kind == IMPORT_ACTIVITIES) {
			view_show(d, "ACTIVITIES");
			view_set(d, "PARTNERSHIPS", partnerships_base);
		}
	} else if (result || message) {
		struct view_dict *d = view_section(b, "REFUSED");
		view_set(d, "FILE", file && file[0] ? file : "the upload");
		if (result && result->header_done && !result->sheet)
			view_set(view_section(d, "DELIM"), "NAME", csvin_delim_name(result->csv.delim));
		if (message || (result && result->fatal[0]))
			view_set(view_section(d, "FATAL"), "TEXT", message ? message : result->fatal);
		else if (result) {
			struct view_dict *rows = view_section(d, "ROWS");
			view_set_int(rows, "BAD", result->bad_rows);
			view_set_int(rows, "TOTAL", result->rows);
			for (int i = 0; i < result->nproblems; i++) {
				struct view_dict *pr = view_section(rows, "PROBLEM");
				view_set_int(pr, "LINE", result->problems[i].line);
				view_set(pr, "COLUMN", result->problems[i].column);
				view_set(pr, "MESSAGE", result->problems[i].message);
			}
			if (result->more)
				view_set_int(view_section(rows, "MORE"), "COUNT", result->more);
		}
	}
	if (extra.undone)
		view_set_int(view_section(b, "UNDONE"), "ID", extra.undone);
	/* The batches, with their undo links, are for those who may undo them. */
	if (staff_who.role >= ROLE_ADMIN && importpage_batches(b) < 0)
		view_show(b, "BATCHES_UNREADABLE");
	view_page_finish(v, r);
}

static void
send_template(struct req *r, const struct route_args *a)
{
	struct csv_out out;
	const struct import_column *cols;
	size_t n;
	char filename[64];
	int kind;

	if (params_parse(&p, keys, KEY__MAX, r->query) < 0) {
		req_error(r, 400, p.error);
		return;
	}
	kind = import_kind_by_name(p.v[KEY_KIND].present ? p.v[KEY_KIND].str : "activities");
	cols = import_columns((enum import_kind)kind, &n);
	snprintf(filename, sizeof filename, "liaison-%s-template.csv", import_kind_names[kind]);
	req_attachment(r, "text/csv; charset=utf-8", filename);
	csv_begin(&out, req_sink(r));
	for (size_t c = 0; c < n; c++)
		csv_cell(&out, cols[c].name);
	csv_row_end(&out);
	for (size_t c = 0; c < n; c++)
		csv_cell(&out, cols[c].example);
	csv_row_end(&out);
	csv_finish(&out);
}

/* A part's bytes as a NUL-terminated string in buf (cut at size - 1). */
static const char *
part_text(const struct multipart_part *part, char *buf, size_t size)
{
	size_t n = part && part->len < size ? part->len : size - 1;

	if (part == NULL) {
		buf[0] = '\0';
		return buf;
	}
	memcpy(buf, part->data, n);
	buf[n] = '\0';
	return buf;
}

static void
too_large(struct req *r, const char *filename)
{
	char msg[400];

	snprintf(msg, sizeof msg, "The file is larger than %d KB, the most this page accepts. "
	    "Split it into smaller files, or ask the site's administrator to import it with "
	    "liaison-admin import, which takes any size.", IMPORT_FILE_KB);
	show(r, 413, "activities", NULL, IMPORT_REFUSED, filename, msg);
}

/*
 * Reads data, the file named file, into the import begun as im, and ends it: the one place
 * both a preview and its confirmation read a file, so they read it the same way.
 */
static enum import_result
run_import(struct import *imp, const char *file, const char *data, size_t len)
{
	/* An .xlsx or .ods file (by its first bytes, whatever its name) is read from its first
	 * sheet; text is CSV, unless it is named like a spreadsheet (a CSV renamed: refused). */
	switch (import_is_sheet(imp, file, data, len)) {
	case 1:
		import_sheet(imp, NULL, data, len);
		break;
	case 0:
		import_feed(imp, data, len);
		break;
	}
	return import_finish(imp);
}

/* The page for an import's outcome. */
static void
finished(struct req *r, const char *kind_name, enum import_result how, const char *file)
{
	if (how == IMPORT_BUSY || how == IMPORT_FAILED)
		show(r, 503, kind_name, NULL, how, file, "The records are busy or cannot be "
		    "written; nothing was imported. Send the file again in a moment.");
	else
		show(r, how == IMPORT_DONE ? 200 : 400, kind_name, &im, how, file, NULL);
}

static void
upload(struct req *r, const struct route_args *a)
{
	struct multipart_part parts[MULTIPART_PARTS_MAX];
	const struct multipart_part *file;
	char token[TOKEN_CHARS + 8], kind_name[32], dates[8];
	static char pending[IMPORT_PENDING_CHARS + 1];
	size_t len;
	int rc, n, kind, order;
	enum import_result how;

	rc = req_read_body(r, "multipart/form-data", body, sizeof body, &len);
	if (rc == 413) {
		too_large(r, "");
		return;
	}
	if (rc != 0 || (n = multipart_parse(req_env(r, "CONTENT_TYPE"), body, len, parts,
	    MULTIPART_PARTS_MAX)) < 0) {
		req_error(r, rc ? rc : 400, "The upload could not be read. Choose the file again and send it.");
		return;
	}
	if (!staff_token_ok(r, part_text(multipart_find(parts, n, "csrf"), token, sizeof token)))
		return;
	part_text(multipart_find(parts, n, "kind"), kind_name, sizeof kind_name);
	if ((kind = import_kind_by_name(kind_name)) < 0) {
		show(r, 400, "", NULL, IMPORT_REFUSED, "", "Choose what the file holds: activities or "
		    "organizations.");
		return;
	}
	file = multipart_find(parts, n, "file");
	if (file == NULL || !file->is_file || file->len == 0) {
		show(r, 400, kind_name, NULL, IMPORT_REFUSED, file ? file->filename : "",
		    file && file->filename[0] ? "The file is empty." :
		    "Choose a CSV file to send, or an .xlsx or .ods spreadsheet.");
		return;
	}
	if (file->len > IMPORT_FILE_BYTES) {
		too_large(r, file->filename);
		return;
	}
	part_text(multipart_find(parts, n, "dates"), dates, sizeof dates);
	if ((order = date_order_by_name(dates)) < 0) {
		show(r, 400, kind_name, NULL, IMPORT_REFUSED, file->filename, "Choose how the file writes "
		    "its dates: day first, month first, or as the site is set.");
		return;
	}
	if ((how = import_start(&im, (enum import_kind)kind, staff_who.name, file->filename)) != IMPORT_DONE) {
		show(r, 503, kind_name, NULL, how, file->filename, "The records are busy; nothing was "
		    "imported. Send the file again in a moment.");
		return;
	}
	if (order != DATE_ORDER_UNSET)
		im.date_order = order;
	im.include_duplicates = multipart_find(parts, n, "include_duplicates") != NULL;
	im.dry_run = 1;
	how = run_import(&im, file->filename, file->data, file->len);
	/* A file that checks out waits, named by a token, for its preview to be confirmed. */
	if (how == IMPORT_DONE)
		how = import_pending_put(staff_who.name, (enum import_kind)kind, file->filename,
		    im.date_order, file->data, file->len, pending);
	extra.token = pending;
	extra.include_duplicates = im.include_duplicates;
	finished(r, kind_name, how, file->filename);
}

/* Imports the file a preview kept, if the confirm form names one of this account's. */
static void
confirm(struct req *r, const struct route_args *a)
{
	struct import_pending pe;
	enum import_result how;
	int found;

	if (!staff_read_post(r, &post, NULL, NULL, 0))
		return;
	found = import_pending_get(p.v[KEY_PENDING].present ? p.v[KEY_PENDING].str : "", staff_who.name,
	    &pe, pending_file, sizeof pending_file);
	if (found <= 0) {
		show(r, found < 0 ? 503 : 400, "activities", NULL, IMPORT_REFUSED, "", found < 0 ?
		    "The records are busy; nothing was imported. Try again in a moment." :
		    "This preview was confirmed already, has expired (after an hour), or is not one you "
		    "made. Nothing was imported: send the file again to see what it would add.");
		return;
	}
	if ((how = import_start(&im, (enum import_kind)import_kind_by_name(pe.kind), staff_who.name,
	    pe.file)) != IMPORT_DONE) {
		show(r, 503, pe.kind, NULL, how, pe.file, "The records are busy; nothing was imported. "
		    "Send the file again in a moment.");
		return;
	}
	im.date_order = pe.date_order;
	im.include_duplicates = p.v[KEY_INCLUDE].present && p.v[KEY_INCLUDE].str[0];
	/* Exactly what the preview said, or nothing (the form's numbers are only a guard). */
	im.expecting = 1;
	im.expect = (p.v[KEY_ROWS].present ? p.v[KEY_ROWS].num : -1) +
	    (im.include_duplicates && p.v[KEY_DUPS].present ? p.v[KEY_DUPS].num : 0);
	if (import_pending_claim(&im, pe.id) < 0)
		how = import_finish(&im);	/* rolls back, with fatal saying why */
	else
		how = run_import(&im, pe.file, pending_file, pe.len);
	finished(r, pe.kind, how, pe.file);
}

static void
import_form(struct req *r, const struct route_args *a)
{
	params_parse(&p, keys, KEY__MAX, r->query);
	if (p.v[KEY_UNDONE].present)
		extra.undone = p.v[KEY_UNDONE].num;
	show(r, 200, "activities", NULL, IMPORT_REFUSED, NULL, NULL);
}

/* What undoing batch N removes, and (POST) undoing it: with the edited ones only when ticked. */
static void
undo(struct req *r, const struct route_args *a)
{
	struct import_batch b;
	struct view *v;
	enum import_result how = IMPORT_DONE;
	char why[300], done[400];
	long edited = 0;
	int found, status = 200;

	if (r->method == METHOD_POST) {
		if (!staff_read_post(r, &post, NULL, NULL, 0))
			return;
		/* Ticked, the box agrees to remove as many edited activities as the page listed. */
		how = import_undo(a->ids[0], staff_who.name, p.v[KEY_FORCE].present && p.v[KEY_FORCE].str[0]
		    && p.v[KEY_EDITED].present ? p.v[KEY_EDITED].num : 0, &edited, why, sizeof why);
		if (how == IMPORT_DONE) {
			snprintf(done, sizeof done, "%s?undone=%lld", import_base, a->ids[0]);
			staff_redirect(r, done, NULL);
			return;
		}
		status = how == IMPORT_REFUSED ? 409 : 503;
	}
	if ((found = import_batch_get(a->ids[0], &b)) <= 0) {
		req_error(r, found < 0 ? 503 : 404, found < 0 ? "The records could not be read. Try "
		    "again in a moment." : "There is no import batch with this number.");
		return;
	}
	v = staff_page(r, status, "Undo an import", "import_undo.tpl");
	if (status != 200)
		view_set(view_section(view_body(v), "PROBLEM"), "TEXT", how == IMPORT_REFUSED ? why :
		    "The records are busy; nothing was undone. Try again in a moment.");
	if (importpage_undo(view_body(v), &b) < 0) {
		view_page_discard(v);
		req_error(r, 503, "The records could not be read. Try again in a moment.");
		return;
	}
	view_page_finish(v, r);
}

static const struct route routes[] = {
	{ "", ROUTE_GET, PAGE_ROLE_IMPORT, import_form },
	{ "", ROUTE_POST, ROLE_STAFF, upload },
	{ "/confirm", ROUTE_POST, ROLE_STAFF, confirm },
	{ "/batches/#/undo", ROUTE_GET | ROUTE_POST, ROLE_ADMIN, undo },
	{ "/template", ROUTE_GET, ROLE_STAFF, send_template },
	{ "/template.csv", ROUTE_GET, ROLE_STAFF, send_template },
};
static const struct route_table table = { routes, sizeof routes / sizeof routes[0], ROLE_BOARD,
	"There is no page at this address." };

static void
handle(struct req *r)
{
	staff_begin(r);
	memset(&extra, 0, sizeof extra);
	route_dispatch(r, &table);
}

int
main(void)
{
	static const struct program import = { "import", handle, NULL };
	return http_serve(&import);
}

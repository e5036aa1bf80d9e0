/*
 * backuppage.c - the administrator's backups page, part of the staff program: backups and
 * restores for a site with no shell (shared hosting), and the settings' problems. Kept apart
 * from cgi-bin/staff.c, which routes here. Every route is for administrators:
 *
 *   GET  /staff/backups                 the page: the settings' problems, the site's copies,
 *                                       the forms below, and the nightly cron line
 *   GET  /staff/backups/file/NAME       one of the site's copies, downloaded
 *   POST /staff/backups/now             a checked copy made now (kept among the site's), downloaded
 *   POST /staff/backups/restore         name=COPY: a page naming what would be replaced, with a
 *                                       button; name=COPY&confirm=yes: the restore itself
 *   POST /staff/backups/upload          a copy from the administrator's computer (multipart):
 *                                       checked, kept as liaison-uploaded-…, then the same
 *                                       confirmation; refused with the reason, nothing kept
 *
 * A restore is backup.c's backup_restore_safely, the same code as `liaison-admin restore`:
 * the copy is checked, the database as it is kept first, the copy put in page by page while
 * the site runs (never a file swapped under the running programs), then upgraded.
 *
 * The upload is streamed into a file in the database's folder, never into memory: a real
 * database is megabytes (LIAISON_BACKUP_UPLOAD_MB), not the 128 KB of a form.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "backup.h"
#include "backuppage.h"
#include "config.h"
#include "hosting.h"
#include "http.h"
#include "multipart.h"
#include "params.h"
#include "route.h"
#include "staffpage.h"
#include "token.h"
#include "view.h"

enum key { KEY_CSRF, KEY_NAME, KEY_CONFIRM, KEY__MAX };
static const struct param_choice yes[] = { { "yes", "" }, { NULL, NULL } };
static const struct param_spec keys[KEY__MAX] = {
	[KEY_CSRF] = { "csrf", PARAM_TEXT, 0, TOKEN_CHARS, NULL, NULL, NULL },
	[KEY_NAME] = { "name", PARAM_TEXT, 0, 127, NULL, NULL, NULL },
	[KEY_CONFIRM] = { "confirm", PARAM_ENUM, 0, 0, yes, NULL, NULL },
};

static struct params p;
static char body_buf[4096];
static const struct staff_post post = { body_buf, sizeof body_buf, &p, keys, KEY__MAX, KEY_CSRF };

/* The folder the database and its copies are in. */
static void
data_folder(char *out, size_t size)
{
	snprintf(out, size, "%s", config.database);
	hosting_parent_folder(out, 1);
}

/* The file's name without its folder. */
static const char *
base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

/* "1.2 MB", "340 KB" */
static void
human_size(long long bytes, char *out, size_t size)
{
	if (bytes >= 1024 * 1024)
		snprintf(out, size, "%.1f MB", (double)bytes / (1024.0 * 1024.0));
	else
		snprintf(out, size, "%lld KB", (bytes + 1023) / 1024);
}

static const char *
kind_label(const char *kind)
{
	if (strcmp(kind, "backup") == 0)
		return "backup";
	if (strcmp(kind, "before-restore") == 0)
		return "the database as it was before a restore";
	if (strcmp(kind, "before-upgrade") == 0)
		return "the database as it was before an upgrade";
	if (strcmp(kind, "uploaded") == 0)
		return "uploaded";
	return kind;
}

/* The settings' problems, each with its file, line and what is allowed, under d. */
static void
fill_settings(struct view_dict *b)
{
	int n, more;
	const struct config_problem *cp = config_problems(&n, &more);
	struct view_dict *s;

	if (n == 0)
		return;
	s = view_section(b, "SETTINGS");
	view_set_int(s, "COUNT", n + more);
	for (int i = 0; i < n; i++) {
		struct view_dict *row = view_section(s, "PROBLEM");
		view_set(row, "FILE", cp[i].file);
		if (cp[i].line)
			view_set_int(view_section(row, "LINE"), "N", cp[i].line);
		view_set(row, "KEY", cp[i].key);
		view_set(row, "TEXT", cp[i].text);
	}
	if (more)
		view_set_int(view_section(s, "MORE"), "COUNT", more);
}

/*
 * The page; message sections are chosen by the caller through the returned body before
 * view_page_finish (show_finish).
 */
static struct view *
show_begin(struct req *r, int status, struct view_dict **body)
{
	static struct backup_file files[BACKUP_LIST_MAX];
	struct view *v = staff_page(r, status, "Backups and settings", "backups.tpl");
	struct view_dict *b = view_body(v);
	char size[32], folder[1024], href[700], cron[1200], stamp[24];
	int n = backup_list(config.database, files, BACKUP_LIST_MAX);

	data_folder(folder, sizeof folder);
	view_set(b, "FOLDER", folder);
	view_set_int(b, "KEEP", config.backups_keep);
	if (config.backups_keep == 0)
		view_show(b, "KEEP_ALL");
	else
		view_show(b, "KEEP_SOME");
	view_set_int(b, "UPLOAD_MB", config.backup_upload_mb);
	view_set_int(b, "UPLOAD_BYTES", (long)config.backup_upload_mb * 1024 * 1024);
	if (config.bundle_root[0]) {
		snprintf(cron, sizeof cron, "15 3 * * *  sh %s/bin/admin.sh backup --quiet", config.bundle_root);
		view_set(view_section(b, "BUNDLE"), "CRON", cron);
	}
	fill_settings(b);
	if (n < 0)
		view_set(b, "UNREADABLE", folder);
	for (int i = 0; i < n; i++) {
		struct view_dict *row = view_section(b, "COPY");
		view_set(row, "NAME", files[i].name);
		view_set(row, "KIND", kind_label(files[i].kind));
		/* The name's stamp is UTC ("… UTC"): shown in the site's zone like every time. */
		snprintf(stamp, sizeof stamp, "%.19s", files[i].when);
		view_set_stored_time(row, "WHEN", stamp);
		human_size(files[i].size, size, sizeof size);
		view_set(row, "SIZE", size);
		snprintf(href, sizeof href, "%.300s/backups/file/%.127s", staff_base, files[i].name);
		view_set(row, "HREF", href);
	}
	if (n == 0)
		view_show(b, "NO_COPIES");
	*body = b;
	return v;
}

void
backup_page(struct req *r, const struct route_args *a)
{
	struct view_dict *b;
	struct view *v = show_begin(r, 200, &b);

	view_page_finish(v, r);
}

/* The page with a message in words: section is REFUSED, DONE or MADE. */
static void
show_message(struct req *r, int status, const char *section, const char *text)
{
	struct view_dict *b;
	struct view *v = show_begin(r, status, &b);

	view_set(view_section(b, section), "TEXT", text);
	view_page_finish(v, r);
}

/* Streams the file at path to the browser as a download named name. */
static void
send_file(struct req *r, const char *path, const char *name)
{
	char buf[65536];
	size_t n;
	FILE *f = fopen(path, "rb");

	if (f == NULL) {
		req_error(r, 404, "There is no copy of that name: it may have been deleted as one of the oldest.");
		return;
	}
	req_attachment(r, "application/vnd.sqlite3", name);
	while ((n = fread(buf, 1, sizeof buf, f)) > 0 && !r->out_error)
		req_write(r, buf, n);
	fclose(f);
}

void
backup_page_file(struct req *r, const struct route_args *a)
{
	char folder[1024], path[1200];

	if (!backup_name_ok(a->rest)) {
		req_error(r, 404, "There is no copy of that name.");
		return;
	}
	data_folder(folder, sizeof folder);
	snprintf(path, sizeof path, "%s/%s", folder, a->rest);
	send_file(r, path, a->rest);
}

void
backup_page_now(struct req *r, const struct route_args *a)
{
	char dest[1200], err[2400], msg[2600];
	const char *name;

	if (!staff_read_post(r, &post, NULL, NULL, 0))
		return;
	backup_name(config.database, "backup", dest, sizeof dest);
	if (backup_write(config.database, dest, err, sizeof err) < 0) {
		snprintf(msg, sizeof msg, "No backup was made: %s", err);
		show_message(r, 503, "REFUSED", msg);
		return;
	}
	/* The oldest go, as after the nightly one; never the copy just made. */
	if (backup_rotate(config.database, config.backups_keep, err, sizeof err) < 0)
		fprintf(stderr, "liaison: backups page: %s\n", err);
	name = base_name(dest);
	send_file(r, dest, name);
}

/* A copy's size and the current database's, for the confirmation. */
static long long
file_size(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 ? (long long)st.st_size : -1;
}

/* The page asking to confirm a restore from name (a checked copy in the data folder). */
static void
show_confirm(struct req *r, int status, const char *name, const char *note)
{
	char folder[1024], path[1200], size[32], now_size[32];
	struct view_dict *b, *c;
	struct view *v = show_begin(r, status, &b);

	data_folder(folder, sizeof folder);
	snprintf(path, sizeof path, "%s/%s", folder, name);
	c = view_section(b, "CONFIRM");
	view_set(c, "NAME", name);
	human_size(file_size(path), size, sizeof size);
	view_set(c, "SIZE", size);
	view_set_int(c, "VERSION", backup_version(path));
	view_set(c, "DB", config.database);
	human_size(file_size(config.database), now_size, sizeof now_size);
	view_set(c, "DB_SIZE", now_size);
	if (note)
		view_set(view_section(c, "NOTE"), "TEXT", note);
	view_page_finish(v, r);
}

/* Checks the copy at path: 0, or -1 with its problems in words in why. */
static int
copy_ok(const char *path, char *why, size_t size)
{
	FILE *mem = fmemopen(why, size - 1, "w");
	int rc;

	memset(why, 0, size);
	if (mem == NULL) {
		snprintf(why, size, "out of memory");
		return -1;
	}
	rc = backup_check(path, mem);
	fclose(mem);
	return rc == 0 ? 0 : -1;
}

void
backup_page_restore(struct req *r, const struct route_args *a)
{
	char folder[1024], path[1200], err[2400], kept[1200], why[2048], msg[4000];
	const char *name;
	int rc;

	if (!staff_read_post(r, &post, NULL, NULL, 0))
		return;
	name = p.v[KEY_NAME].present ? p.v[KEY_NAME].str : "";
	data_folder(folder, sizeof folder);
	snprintf(path, sizeof path, "%s/%s", folder, name);
	if (!backup_name_ok(name) || access(path, R_OK) != 0) {
		show_message(r, 400, "REFUSED", "Choose one of the copies listed below to restore. "
		    "Nothing was changed.");
		return;
	}
	if (!p.v[KEY_CONFIRM].present) {
		/* Checked before the question, so that nobody confirms a copy that would be refused. */
		if (copy_ok(path, why, sizeof why) < 0) {
			snprintf(msg, sizeof msg, "%s cannot be restored, and nothing was changed: %s", name, why);
			show_message(r, 400, "REFUSED", msg);
			return;
		}
		show_confirm(r, 200, name, NULL);
		return;
	}
	rc = backup_restore_safely(config.database, path, config.schema_dir, kept, sizeof kept, err, sizeof err);
	if (rc == -2) {
		snprintf(msg, sizeof msg, "Nothing was restored, as the backup of the database as it is "
		    "failed first: %s", err);
		show_message(r, 503, "REFUSED", msg);
	} else if (rc < 0 && kept[0] == '\0') {
		snprintf(msg, sizeof msg, "Nothing was restored: %s", err);
		show_message(r, 400, "REFUSED", msg);
	} else if (rc < 0) {
		snprintf(msg, sizeof msg, "The restore from %s did not finish: %s. The database as it was "
		    "is kept as %s: restore that to go back.", name, err, base_name(kept));
		show_message(r, 500, "REFUSED", msg);
	} else {
		snprintf(msg, sizeof msg, "The database was restored from %s.%s%s%s Accounts and "
		    "sign-ins are the copy's too: if yours was made after the copy, sign in again.", name,
		    kept[0] ? " The database as it was just before is kept as " : "",
		    kept[0] ? (base_name(kept)) : "",
		    kept[0] ? ": restore that to undo this." : "");
		show_message(r, 200, "DONE", msg);
	}
}

/* Reads up to size bytes of the request's body: how many, 0 at its end or on a failure. */
static size_t
read_some(struct req *r, char *buf, size_t size)
{
	int n;

	if (r->is_cgi)
		return fread(buf, 1, size, (FILE *)r->cgi_in);
	n = FCGX_GetStr(buf, (int)size, r->fcgx.in);
	return n > 0 ? (size_t)n : 0;
}

/* Writes the n bytes at data to the new file path (0600): 0, or -1. */
static int
write_new(const char *path, const char *data, size_t n)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
	size_t done = 0;

	if (fd < 0)
		return -1;
	while (done < n) {
		ssize_t w = write(fd, data + done, n - done);
		if (w <= 0) {
			close(fd);
			unlink(path);
			return -1;
		}
		done += (size_t)w;
	}
	if (fsync(fd) != 0 || close(fd) != 0) {
		unlink(path);
		return -1;
	}
	return 0;
}

void
backup_page_upload(struct req *r, const struct route_args *a)
{
	struct multipart_part parts[MULTIPART_PARTS_MAX];
	const struct multipart_part *file, *csrf;
	const char *ctype = req_env(r, "CONTENT_TYPE"), *cl = req_env(r, "CONTENT_LENGTH");
	char folder[1024], tmp[1200], dest[1200], token[TOKEN_CHARS + 1], why[2048], msg[2600], buf[65536];
	unsigned long long want = strtoull(cl, NULL, 10), limit = (unsigned long long)config.backup_upload_mb << 20;
	size_t got = 0, n;
	int fd, parts_n;
	void *map;

	if (strncasecmp(ctype, "multipart/form-data", 19) != 0) {
		show_message(r, 415, "REFUSED", "The upload could not be read. Choose the file again and send it.");
		return;
	}
	/* The limit is the file's; the form around it is a few hundred bytes, allowed on top. */
	if (*cl == '\0' || want > limit + 16384) {
		snprintf(msg, sizeof msg, "The file is larger than %d MB, the most this page takes "
		    "(LIAISON_BACKUP_UPLOAD_MB). Nothing was changed. Raise the setting in liaison.conf, "
		    "or restore it with a one-off cron job running liaison-admin restore (INSTALL.md).",
		    config.backup_upload_mb);
		show_message(r, *cl == '\0' ? 411 : 413, "REFUSED", msg);
		return;
	}
	data_folder(folder, sizeof folder);
	snprintf(tmp, sizeof tmp, "%s/liaison-upload-XXXXXX", folder);
	if ((fd = mkstemp(tmp)) < 0) {
		snprintf(msg, sizeof msg, "The upload could not be kept in %s: %s. Nothing was changed.",
		    folder, strerror(errno));
		show_message(r, 503, "REFUSED", msg);
		return;
	}
	unlink(tmp);	/* the open file is enough; a visit cut short leaves no name behind */
	while (got < want && (n = read_some(r, buf, sizeof buf < want - got ? sizeof buf : (size_t)(want - got))) > 0) {
		if (write(fd, buf, n) != (ssize_t)n)
			break;
		got += n;
	}
	map = got == want && want > 0 ? mmap(NULL, got, PROT_READ, MAP_PRIVATE, fd, 0) : MAP_FAILED;
	close(fd);
	if (map == MAP_FAILED) {
		show_message(r, 400, "REFUSED", "The upload did not arrive whole. Choose the file again "
		    "and send it. Nothing was changed.");
		return;
	}
	parts_n = multipart_parse(ctype, map, got, parts, MULTIPART_PARTS_MAX);
	csrf = parts_n > 0 ? multipart_find(parts, parts_n, "csrf") : NULL;
	snprintf(token, sizeof token, "%.*s", csrf ? (int)(csrf->len < TOKEN_CHARS ? csrf->len : TOKEN_CHARS) : 0,
	    csrf ? csrf->data : "");
	if (!staff_token_ok(r, token)) {
		munmap(map, got);
		return;
	}
	file = parts_n > 0 ? multipart_find(parts, parts_n, "file") : NULL;
	if (file == NULL || !file->is_file || file->len == 0) {
		munmap(map, got);
		show_message(r, 400, "REFUSED", file && file->filename[0] ? "The file is empty. Nothing "
		    "was changed." : "Choose a backup file (.db) to send.");
		return;
	}
	if (file->len > limit) {
		munmap(map, got);
		snprintf(msg, sizeof msg, "The file is larger than %d MB, the most this page takes "
		    "(LIAISON_BACKUP_UPLOAD_MB). Nothing was changed.", config.backup_upload_mb);
		show_message(r, 413, "REFUSED", msg);
		return;
	}
	/* Kept among the site's copies under a name of ours, whatever it was called. */
	backup_name(config.database, "uploaded", dest, sizeof dest);
	if (write_new(dest, file->data, file->len) < 0) {
		munmap(map, got);
		snprintf(msg, sizeof msg, "The upload could not be kept in %s: %s. Nothing was changed.",
		    folder, strerror(errno));
		show_message(r, 503, "REFUSED", msg);
		return;
	}
	snprintf(msg, sizeof msg, "%.255s", file->filename);
	munmap(map, got);
	if (copy_ok(dest, why, sizeof why) < 0) {
		char shown[2400];
		unlink(dest);
		/* Its own name only: the folder's path is ours, not the file's. */
		for (char *at = strstr(why, dest); at; at = strstr(at, dest))
			memmove(at, at + strlen(folder) + 1, strlen(at + strlen(folder) + 1) + 1);
		snprintf(shown, sizeof shown, "%.255s cannot be restored, and nothing was changed or kept: %.2000s",
		    msg[0] ? msg : "The file", why);
		show_message(r, 400, "REFUSED", shown);
		return;
	}
	snprintf(why, sizeof why, "%.255s arrived whole and checks out. It is kept among the copies "
	    "below as %.127s.", msg[0] ? msg : "The file", base_name(dest));
	show_confirm(r, 200, base_name(dest), why);
}

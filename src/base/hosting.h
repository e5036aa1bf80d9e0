/*
 * hosting.h - what the upload bundle must find out about the shared-hosting account it was
 * unpacked into: where this site's data folder goes (outside every public folder, never
 * another Liaison site's), how to show that place without the account's server path, whether
 * the host runs the programs as the account (suEXEC), and which uploaded programs an FTP
 * client damaged. Used by the first request (src/app/bundle.c), the setup and backups pages,
 * and liaison-admin; cgi-bin/check.cgi tells the same in shell.
 */
#ifndef LIAISON_HOSTING_H
#define LIAISON_HOSTING_H
#include <stddef.h>

/* A data folder's name, or its first part (liaison-data-NAME). */
#define HOSTING_DATA_DIR	"liaison-data"
/* The file in a data folder naming the bundle folder whose data it holds. */
#define HOSTING_MARK_FILE	"liaison-site.txt"

/*
 * The account's folder for a site whose public folder is document_root: the first folder
 * above it that is not itself public (no index page or .htaccess in it, not named
 * public_html, httpdocs or htdocs). For ~/public_html it is ~; for a subdomain served from
 * ~/public_html/sub it is ~ too, never ~/public_html. 0, or -1 when document_root names none.
 */
int	hosting_account_folder(const char *document_root, char *out, size_t size);

/*
 * Chooses this site's data folder in the account's folder and makes it, claimed for
 * bundle_root with HOSTING_MARK_FILE: liaison-data for a site served from the account's
 * main public folder (public_html, httpdocs, www, …), liaison-data-NAME for one served from
 * another folder NAME (a subdomain's); when that one holds another site's data,
 * liaison-data-BUNDLE (the bundle folder's name), then -2, -3, …. A folder of an older
 * version's site (a database, no mark) is taken as this site's. The database's path goes
 * into db. 0, or -1 with errno set (EACCES when the account's folder is not writable) and
 * the folder it could not make or mark in db.
 */
int	hosting_choose_database(const char *document_root, const char *bundle_root,
	    char *db, size_t size);

/* 1 if folder's mark names another bundle than bundle_root, else 0 (none, or this one's). */
int	hosting_folder_is_other_site(const char *folder, const char *bundle_root, char *other,
	    size_t othersize);

/*
 * Appends "LIAISON_DB = db" (with a comment saying why) to the bundle's liaison.conf, so
 * the choice stays with the site's settings. 0, or -1 when the file cannot be written.
 */
int	hosting_remember_database(const char *bundle_root, const char *db);

/*
 * path as a visitor not yet known may see it: from the account's folder
 * ("liaison-data/liaison-setup-token.txt"), never the server path with the username in it;
 * outside the account's folder, its folder's name and its own.
 */
void	hosting_shown_path(const char *document_root, const char *path, char *out, size_t size);

/* 1 when the programs run as the account owning the bundle (suEXEC or the like), 0 if not. */
int	hosting_runs_as_owner(const char *bundle_root);

/*
 * The bundle's programs (bin/checksums) that are not the size the bundle had, which a
 * text-mode FTP transfer does: their names, ", "-separated, into out ("" when none).
 * Returns how many.
 */
int	hosting_damaged(const char *bundle_root, char *out, size_t size);
/* Drops path's last n names, in place ("/" stays "/"): ROOT/cgi-bin/list.fcgi, 2 → ROOT. */
void	hosting_parent_folder(char *path, int n);

#endif

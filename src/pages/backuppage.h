/*
 * backuppage.h - the administrator's backups page, part of the staff program (backuppage.c):
 * a backup downloaded now, the site's own copies, a restore from one of them or from an
 * uploaded copy, and the settings' problems. The handlers staff.c's route rows name.
 */
#ifndef LIAISON_BACKUPPAGE_H
#define LIAISON_BACKUPPAGE_H

struct req;
struct route_args;

void	backup_page(struct req *, const struct route_args *);		/* GET  /staff/backups */
void	backup_page_file(struct req *, const struct route_args *);	/* GET  /staff/backups/file/NAME */
void	backup_page_now(struct req *, const struct route_args *);	/* POST /staff/backups/now */
void	backup_page_restore(struct req *, const struct route_args *);	/* POST /staff/backups/restore */
void	backup_page_upload(struct req *, const struct route_args *);	/* POST /staff/backups/upload */

#endif

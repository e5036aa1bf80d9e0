/*
 * export.h - the CSV export of everything, for `liaison-admin export`.
 */
#ifndef LIAISON_EXPORT_H
#define LIAISON_EXPORT_H

#include <stdio.h>

/*
 * Writes every table a site's people made (organizations, applications, partnerships,
 * activities, the audit log, accounts without their passwords, the reference lists) as
 * DIR/TABLE.csv through the shared CSV writer, DIR made if need be. Reads the process's
 * database (config.database). Returns the number of files, or -1 with err.
 */
int	export_all(const char *dir, FILE *progress, char *err, size_t errsize);

#endif

/*
 * admin-import.h - what liaison-admin.c and admin-import.c (its import command) share.
 */
#ifndef LIAISON_ADMIN_IMPORT_H
#define LIAISON_ADMIN_IMPORT_H

/* Prints liaison-admin's usage on standard error; returns its exit status (2). */
int	usage(void);
/* `liaison-admin import …` (argv[0] is "import"); the exit status. */
int	import_cmd(int argc, char **argv);

#endif

/*
 * signinpage.h - the staff program's signed-out pages (sign-in, first-run setup, sign-out),
 * page code kept apart from cgi-bin/staff.c, which hands every request here first.
 */
#ifndef LIAISON_SIGNINPAGE_H
#define LIAISON_SIGNINPAGE_H

struct req;

/* Answers path ("/sign-in", "/setup" or "/sign-out", under /staff) and returns 1; returns 0,
 * answering nothing, for any other path. staff_begin() must have run for the request. */
int	signin_page(struct req *, const char *path);

#endif

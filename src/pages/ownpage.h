/*
 * ownpage.h - "Your account" (/staff/account): what a signed-in staff member sets for
 * themselves. Today, their library: a new partnership's host starts on it (schema 019).
 */
#ifndef LIAISON_OWNPAGE_H
#define LIAISON_OWNPAGE_H

struct req;

/* GET shows the page; POST saves its form (303 back, or 400 with the problem beside it). */
void	own_account_page(struct req *);
/*
 * The host a new partnership's form starts on for whoever is signed in: their account's
 * library, else the site's (LIAISON_DEFAULT_HOST), else 0.
 */
long long own_default_host(void);

#endif

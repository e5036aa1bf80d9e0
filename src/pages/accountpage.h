/*
 * accountpage.h - the administrator's accounts page of the staff program (accountpage.c).
 */
#ifndef LIAISON_ACCOUNTPAGE_H
#define LIAISON_ACCOUNTPAGE_H
struct req;
/* Answers /staff/accounts and below; rest is what follows "/accounts" ("", "/password", …). */
void	account_page(struct req *, const char *rest);
#endif

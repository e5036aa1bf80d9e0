/*
 * managepage.h - an entry's self-service pages (managepage.c), served by the apply program
 * under /apply/manage: asking for a link, and the page a link opens.
 */
#ifndef LIAISON_MANAGEPAGE_H
#define LIAISON_MANAGEPAGE_H

#include <stddef.h>

#include "route.h"

struct req;

/* The pages' own address, "/apply/manage" in whatever form links take here; absolute for mail. */
void	managepage_base(const struct req *, char *buf, size_t size, int absolute);

/* GET and POST /apply/manage/ID: the request-a-link form, and its answer. */
void	managepage_ask_form(struct req *, const struct route_args *);
void	managepage_ask_send(struct req *, const struct route_args *);
/* GET and POST /apply/manage/ID/LINK: the entry's page, and its buttons. */
void	managepage_show(struct req *, const struct route_args *);
void	managepage_post(struct req *, const struct route_args *);

#endif

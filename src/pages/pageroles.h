/*
 * pageroles.h - the role each page of the staff menu needs, named once. The row of a
 * program's route table that answers a menu link (route.h) says its role with one of these,
 * and so does the menu's entry (staffpage.c), which offers the link only to an account whose
 * role reaches it: a menu can never offer what the route refuses (a board account once saw
 * "Import" and met a 403). tests/http/menus.test.mjs follows every link of each role's menu.
 * A header of its own so that both can include it without including each other.
 */
#ifndef LIAISON_PAGEROLES_H
#define LIAISON_PAGEROLES_H

#include "auth.h"

#define PAGE_ROLE_QUEUE		ROLE_BOARD
#define PAGE_ROLE_ENTRIES	ROLE_BOARD
#define PAGE_ROLE_STALE		ROLE_BOARD
#define PAGE_ROLE_ORG_NEW	ROLE_STAFF	/* record an organization (staff.c) */
#define PAGE_ROLE_PARTNERSHIPS	ROLE_BOARD
#define PAGE_ROLE_IMPORT	ROLE_STAFF
#define PAGE_ROLE_OWN_ACCOUNT	ROLE_STAFF	/* "Your account": one's library (ownpage.c) */
#define PAGE_ROLE_ACCOUNTS	ROLE_ADMIN
#define PAGE_ROLE_AUDIT		ROLE_ADMIN
#define PAGE_ROLE_MAIL		ROLE_ADMIN
#define PAGE_ROLE_BACKUPS	ROLE_ADMIN

#endif

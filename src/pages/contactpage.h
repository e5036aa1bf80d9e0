/*
 * contactpage.h - the list program's pages about reaching people: "Contact this organization"
 * (/list/ID/contact, its form, and the confirmation after it is sent) and the About page
 * (/about). Kept apart from cgi-bin/list.c, which routes here, so that file stays the
 * directory's.
 */
#ifndef LIAISON_CONTACTPAGE_H
#define LIAISON_CONTACTPAGE_H

struct req;
struct view_dict;

/* GET /list/ID/contact: the form, on its own uncached page (its token must never be cached). */
void	contactpage_form(struct req *, long long org);
/* POST /list/ID/contact: checked, then sent and answered 303 to the confirmation, or the form again. */
void	contactpage_submit(struct req *, long long org);
/* GET /list/ID/contact/sent: the confirmation. */
void	contactpage_sent(struct req *, long long org);
/*
 * The profile's line about contacting it (org.tpl's CONTACT_FORM or NO_CONTACT_FORM): the
 * form's link when the entry has an address mail can go to, else how else to reach it.
 * website is the profile's checked website or "".
 */
void	contactpage_profile_link(struct req *, struct view_dict *body, long long org, const char *website);
/* GET /about: who runs the directory, how listing and review work, the privacy statement. */
void	aboutpage_draw(struct req *, void *unused);

#endif

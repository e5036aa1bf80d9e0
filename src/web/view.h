/*
 * view.h - the C face of ctemplate: dictionaries, one layout, output streamed to the client.
 *
 * A page is the layout (templates/layout.tpl) around a body template. Handlers fill the body
 * dictionary and call view_page_finish(), which expands straight into the request's output
 * stream; nothing is built up in memory. Values are escaped by the templates' AUTOESCAPE
 * pragma, never by hand here.
 */
#ifndef LIAISON_VIEW_H
#define LIAISON_VIEW_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

struct req;
struct view;
struct view_dict;

/* Sets the absolute template root once per process. */
void			 view_init(const char *template_root);
void			 view_reload_if_changed(void);

/* A page titled title whose body is body_template; free it with view_page_finish(). */
struct view		*view_page_new(struct req *, const char *title, const char *body_template);
struct view_dict	*view_body(struct view *);
/* The layout's own dictionary, for what the layout draws around every body (staff menus). */
struct view_dict	*view_layout(struct view *);
/* Adds an include of template_name at {{>NAME}} in d and returns its (empty) dictionary. */
struct view_dict	*view_include(struct view_dict *d, const char *name, const char *template_name);
/* Expands the page into the request's output and frees it. Returns 0, or -1 if expansion failed. */
int			 view_page_finish(struct view *, struct req *);
/* Frees the page without writing any of it (its reading failed: an error page goes instead). */
void			 view_page_discard(struct view *);

/*
 * A fragment: a dictionary expanded on its own into a malloc'd string, for HTML that is
 * expensive to build and worth caching. Insert it into a page with view_setn() and a
 * {{NAME:none}} marker: it was escaped when the fragment's own template was expanded.
 */
struct view_dict	*view_dict_new(void);
char			*view_dict_render(struct view_dict *, const char *template_name, size_t *len);
void			 view_dict_free(struct view_dict *);

void			 view_set(struct view_dict *, const char *key, const char *value);
void			 view_setn(struct view_dict *, const char *key, const char *value, size_t len);
void			 view_set_int(struct view_dict *, const char *key, long value);
/*
 * A moment for a person: key gets it in words in the site's zone (LIAISON_TIME_ZONE, when.h:
 * "30 November 2026, 14:05 CET"), and key_ISO the UTC form for <time datetime="">. The one
 * way pages print a time, so that none shows the stored "2026-11-23T19:03:42Z".
 * view_set_time takes seconds since 1970 (0: nothing is set); view_set_stored_time the
 * database's text ("2026-11-23T19:03:42Z", NULL or "": nothing is set), shown as it is when it
 * is not a time. view_set_day is the day alone ("30 November 2026") in the site's zone.
 */
void			 view_set_time(struct view_dict *, const char *key, long long t);
void			 view_set_stored_time(struct view_dict *, const char *key, const char *stored);
void			 view_set_day(struct view_dict *, const char *key, long long t);
/* Adds one repetition of section name and returns its dictionary (owned by the parent). */
struct view_dict	*view_section(struct view_dict *, const char *name);
void			 view_show(struct view_dict *, const char *name);

#ifdef __cplusplus
}
#endif
#endif

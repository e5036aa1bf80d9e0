/*
 * view.cc - ctemplate behind an extern "C" API.
 *
 * ctemplate is C++; every entry point here catches exceptions so none crosses into C. What
 * ctemplate does that shapes this file: without the AUTOESCAPE pragma nothing is escaped (every
 * template starts with it); include dictionaries do not inherit their parent's values, so
 * values every template needs (site name, links) are set with SetTemplateGlobalValue, which
 * does reach includes; templates are parsed once per process and cached.
 */
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include <ctemplate/template.h>
#include <ctemplate/template_emitter.h>

extern "C" {
#include "config.h"
#include "http.h"
#include "when.h"
}
#include "view.h"

using ctemplate::TemplateDictionary;

struct view {
	TemplateDictionary	 layout;
	TemplateDictionary	*body;
	explicit view(const char *name) : layout(name), body(NULL) {}
};

static inline TemplateDictionary *
D(struct view_dict *d)
{
	return reinterpret_cast<TemplateDictionary *>(d);
}

/* Writes expanded text straight into the request's stream. */
class ReqEmitter : public ctemplate::ExpandEmitter {
	struct req *r_;
public:
	explicit ReqEmitter(struct req *r) : r_(r) {}
	void Emit(char c) { req_write(r_, &c, 1); }
	void Emit(const std::string &s) { req_write(r_, s.data(), s.size()); }
	void Emit(const char *s) { req_puts(r_, s); }
	void Emit(const char *s, size_t n) { req_write(r_, s, n); }
};

extern "C" void
view_init(const char *root)
{
	try {
		ctemplate::Template::SetTemplateRootDirectory(root);
	} catch (...) {
		std::fprintf(stderr, "liaison: cannot set template root %s\n", root);
	}
}

extern "C" void
view_reload_if_changed(void)
{
	try {
		ctemplate::Template::ReloadAllIfChanged();
	} catch (...) {
	}
}

/*
 * The About page's address: "/about" behind nginx and mod_rewrite's clean addresses (where the
 * list program serves it), the list program's own long form on a host without them
 * (…/cgi-bin/list.fcgi/about), so that it follows the form the visitor arrived by.
 */
static void
about_link(struct req *r, char *buf, size_t size)
{
	if (r->link_suffix[0] == '\0')
		snprintf(buf, size, "%sabout", r->link_prefix);
	else
		snprintf(buf, size, "%slist%s/about", r->link_prefix, r->link_suffix);
}

/* Who runs the directory, in every page's footer: the settings, and sections for those set. */
static void
set_operator(TemplateDictionary &layout)
{
	layout.SetTemplateGlobalValue("OPERATOR_NAME", config.operator_name[0] ? config.operator_name
	    : config.site_name);
	layout.SetTemplateGlobalValue("OPERATOR_EMAIL", config.operator_email);
	layout.SetTemplateGlobalValue("OPERATOR_ADDRESS", config.operator_address);
	layout.SetTemplateGlobalValue("OPERATOR_LOGO", config.operator_logo);
	if (config.operator_email[0])
		layout.ShowSection("OPERATOR_MAIL");
	if (config.operator_address[0])
		layout.ShowSection("OPERATOR_POSTAL");
	if (config.operator_logo[0])
		layout.ShowSection("OPERATOR_LOGO_IMG");
}

extern "C" struct view *
view_page_new(struct req *r, const char *title, const char *body_template)
{
	static const char *const programs[] = { "list", "search", "apply", "report", "staff" };
	try {
		struct view *v = new view("page");
		char link[512];

		v->layout.SetValue("TITLE", title);
		v->layout.SetTemplateGlobalValue("SITE_NAME", config.site_name);
		v->layout.SetTemplateGlobalValue("STATIC", r->static_url);
		for (const char *p : programs) {
			std::string key = std::string("LINK_") + p;
			for (char &c : key)
				c = (char)toupper((unsigned char)c);
			req_link(r, link, sizeof link, p);
			v->layout.SetTemplateGlobalValue(key, link);
		}
		about_link(r, link, sizeof link);
		v->layout.SetTemplateGlobalValue("LINK_ABOUT", link);
		set_operator(v->layout);
		v->body = v->layout.AddIncludeDictionary("BODY");
		v->body->SetFilename(body_template);
		/* So that any page's text can name the staff's address where it says "write to". */
		v->body->ShowSection(config.operator_email[0] ? "OPERATOR_MAIL" : "NO_OPERATOR_MAIL");
		return v;
	} catch (...) {
		return NULL;
	}
}

extern "C" struct view_dict *
view_body(struct view *v)
{
	return v ? reinterpret_cast<struct view_dict *>(v->body) : NULL;
}

extern "C" struct view_dict *
view_layout(struct view *v)
{
	return v ? reinterpret_cast<struct view_dict *>(&v->layout) : NULL;
}

extern "C" struct view_dict *
view_include(struct view_dict *d, const char *name, const char *template_name)
{
	if (d == NULL)
		return NULL;
	try {
		TemplateDictionary *inc = D(d)->AddIncludeDictionary(name);
		inc->SetFilename(template_name);
		return reinterpret_cast<struct view_dict *>(inc);
	} catch (...) {
		return NULL;
	}
}

extern "C" int
view_page_finish(struct view *v, struct req *r)
{
	bool ok = false;

	if (v == NULL) {
		req_puts(r, "<!doctype html><title>Error</title><p>Out of memory.</p>\n");
		return -1;
	}
	try {
		ReqEmitter out(r);
		ok = ctemplate::ExpandTemplate("layout.tpl", ctemplate::STRIP_BLANK_LINES,
		    &v->layout, &out);
	} catch (...) {
		ok = false;
	}
	delete v;
	if (!ok) {
		std::fprintf(stderr, "liaison: a template failed to expand (see messages above)\n");
		req_puts(r, "<p>This page could not be shown: a template is missing or broken.</p>\n");
	}
	return ok ? 0 : -1;
}

extern "C" void
view_page_discard(struct view *v)
{
	delete v;
}

extern "C" struct view_dict *
view_dict_new(void)
{
	try {
		return reinterpret_cast<struct view_dict *>(new TemplateDictionary("fragment"));
	} catch (...) {
		return NULL;
	}
}

extern "C" char *
view_dict_render(struct view_dict *d, const char *template_name, size_t *len)
{
	if (d == NULL)
		return NULL;
	try {
		std::string out;
		char *copy;

		if (!ctemplate::ExpandTemplate(template_name, ctemplate::STRIP_BLANK_LINES, D(d), &out))
			return NULL;
		if ((copy = static_cast<char *>(std::malloc(out.size() + 1))) == NULL)
			return NULL;
		std::memcpy(copy, out.data(), out.size() + 1);
		*len = out.size();
		return copy;
	} catch (...) {
		return NULL;
	}
}

extern "C" void
view_dict_free(struct view_dict *d)
{
	delete D(d);
}

extern "C" void
view_set(struct view_dict *d, const char *key, const char *value)
{
	if (d == NULL)
		return;
	try {
		D(d)->SetValue(key, value ? value : "");
	} catch (...) {
	}
}

extern "C" void
view_setn(struct view_dict *d, const char *key, const char *value, size_t len)
{
	if (d == NULL)
		return;
	try {
		D(d)->SetValue(key, ctemplate::TemplateString(value ? value : "", value ? len : 0));
	} catch (...) {
	}
}

extern "C" void
view_set_int(struct view_dict *d, const char *key, long value)
{
	if (d == NULL)
		return;
	try {
		D(d)->SetIntValue(key, value);
	} catch (...) {
	}
}

extern "C" struct view_dict *
view_section(struct view_dict *d, const char *name)
{
	if (d == NULL)
		return NULL;
	try {
		return reinterpret_cast<struct view_dict *>(D(d)->AddSectionDictionary(name));
	} catch (...) {
		return NULL;
	}
}

extern "C" void
view_show(struct view_dict *d, const char *name)
{
	if (d == NULL)
		return;
	try {
		D(d)->ShowSection(name);
	} catch (...) {
	}
}

void
view_set_time(struct view_dict *d, const char *key, long long t)
{
	char words[80], iso[32], isokey[80];
	time_t tt = (time_t)t;
	struct tm tm;

	if (d == NULL || t <= 0 || gmtime_r(&tt, &tm) == NULL)
		return;
	when_words(words, sizeof words, tt, config.time_zone);
	strftime(iso, sizeof iso, "%Y-%m-%dT%H:%M:%SZ", &tm);
	snprintf(isokey, sizeof isokey, "%s_ISO", key);
	view_set(d, key, words);
	view_set(d, isokey, iso);
}

void
view_set_stored_time(struct view_dict *d, const char *key, const char *stored)
{
	time_t t;

	if (stored == NULL || *stored == '\0')
		return;
	if (when_parse_utc(stored, &t) == 0)
		view_set_time(d, key, (long long)t);
	else {
		char isokey[80];

		snprintf(isokey, sizeof isokey, "%s_ISO", key);
		view_set(d, key, stored);
		view_set(d, isokey, stored);
	}
}

void
view_set_day(struct view_dict *d, const char *key, long long t)
{
	char words[40];

	if (d == NULL || t <= 0)
		return;
	when_day_words(words, sizeof words, (time_t)t, config.time_zone);
	view_set(d, key, words);
}

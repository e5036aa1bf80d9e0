/*
 * params.c - urlencoded decoding, UTF-8 checking and table-driven validation.
 *
 * Validators here are pure: they look at the bytes and the table and nothing else, except
 * PARAM_LOOKUP, which asks the table's lookup function (a prepared statement) whether a code
 * exists. Error messages quote at most a short, already-validated prefix of what was typed,
 * never raw bytes, and the template escapes them again on the way out.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "params.h"

int
utf8_valid(const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str, *e = s + len;

	while (s < e) {
		unsigned c = *s;
		size_t need;
		unsigned cp, min;

		if (c == 0)
			return 0;
		if (c < 0x80) { s++; continue; }
		if (c >= 0xc2 && c <= 0xdf) { need = 1; cp = c & 0x1f; min = 0x80; }
		else if (c >= 0xe0 && c <= 0xef) { need = 2; cp = c & 0x0f; min = 0x800; }
		else if (c >= 0xf0 && c <= 0xf4) { need = 3; cp = c & 0x07; min = 0x10000; }
		else return 0;
		if ((size_t)(e - s) <= need)
			return 0;
		for (size_t i = 1; i <= need; i++) {
			if ((s[i] & 0xc0) != 0x80)
				return 0;
			cp = (cp << 6) | (s[i] & 0x3f);
		}
		if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			return 0;
		s += need + 1;
	}
	return 1;
}

int
hex_digit(int c)
{
	if (c >= '0' && c <= '9') return c - '0';
	if (c >= 'a' && c <= 'f') return c - 'a' + 10;
	if (c >= 'A' && c <= 'F') return c - 'A' + 10;
	return -1;
}

long
url_decode(char *s, size_t len)
{
	size_t i, o = 0;

	for (i = 0; i < len; i++) {
		if (s[i] == '+')
			s[o++] = ' ';
		else if (s[i] == '%') {
			int hi, lo;
			if (i + 2 >= len)
				return -1;	/* "%" or "%4" at the very end */
			hi = hex_digit((unsigned char)s[i + 1]);
			lo = hex_digit((unsigned char)s[i + 2]);
			if (hi < 0 || lo < 0)
				return -1;
			s[o++] = (char)(hi * 16 + lo);
			i += 2;
		} else
			s[o++] = s[i];
	}
	s[o] = '\0';
	return (long)o;
}

long long
params_path_id(const char **s)
{
	const char *c = *s;
	long long id = 0;

	if (*c < '1' || *c > '9')
		return 0;
	for (; *c >= '0' && *c <= '9'; c++) {
		if (c - *s == PARAMS_PATH_ID_DIGITS)
			return 0;
		id = id * 10 + (*c - '0');
	}
	*s = c;
	return id;
}

static void fail(struct params *, int, const char *, ...) __attribute__((format(printf, 3, 4)));

static void
fail(struct params *p, int key, const char *fmt, ...)
{
	va_list ap;

	if (p->error[0])
		return;		/* keep the first problem: it is the one to fix first */
	p->error_key = key;
	va_start(ap, fmt);
	vsnprintf(p->error, sizeof p->error, fmt, ap);
	va_end(ap);
}

/* A short, safe excerpt of a rejected value for the message: valid UTF-8 only, ≤ 40 bytes. */
static void
excerpt(char *dst, size_t size, const char *v)
{
	size_t n = strlen(v);

	if (n > 40) {
		n = 40;
		while (n > 0 && ((unsigned char)v[n] & 0xc0) == 0x80)
			n--;	/* do not cut a character in half */
	}
	snprintf(dst, size, "%.*s%s", (int)n, v, strlen(v) > n ? "…" : "");
}

static void
check_value(struct params *p, int k)
{
	const struct param_spec *s = &p->spec[k];
	struct param_value *v = &p->v[k];
	char shown[64], list[200];
	size_t len = strlen(v->str);

	switch (s->type) {
	case PARAM_INT: {
		char *end;
		long x;

		errno = 0;
		x = strtol(v->str, &end, 10);
		if (len > 12 || *end != '\0' || errno || v->str[0] == '+' || v->str[0] == ' ' ||
		    x < s->min || x > s->max) {
			fail(p, k, "%s must be a whole number from %ld to %ld.", s->name, s->min, s->max);
			return;
		}
		v->num = x;
		return;
	}
	case PARAM_ENUM: {
		size_t i, o = 0;

		for (i = 0; s->choices[i].value; i++)
			if (strcmp(s->choices[i].value, v->str) == 0)
				return;
		list[0] = '\0';
		for (i = 0; s->choices[i].value && o < sizeof list - 1; i++)
			o += (size_t)snprintf(list + o, sizeof list - o, "%s%s", i ? ", " : "",
			    s->choices[i].value);
		fail(p, k, "%s must be one of: %s.", s->name, list);
		return;
	}
	case PARAM_LOOKUP:
		if ((long)len > s->max || !s->lookup(v->str)) {
			excerpt(shown, sizeof shown, v->str);
			fail(p, k, "%s: “%s” is not known here; %s.", s->name, shown, s->allowed);
		}
		return;
	case PARAM_TEXT:
		if ((long)len > s->max)
			fail(p, k, "%s must be at most %ld bytes long (it was %zu).", s->name, s->max, len);
		return;
	}
}

int
params_parse(struct params *p, const struct param_spec *spec, size_t n, const char *input)
{
	size_t len = input ? strlen(input) : 0;
	char *s, *end;
	char seen[PARAMS_MAX] = { 0 };
	size_t k;

	p->spec = spec;
	p->n = n < PARAMS_MAX ? n : PARAMS_MAX;
	p->error[0] = '\0';
	p->error_key = -1;
	for (k = 0; k < p->n; k++) {
		p->v[k].present = 0;
		p->v[k].str = "";
		p->v[k].num = 0;
	}
	if (len > PARAMS_INPUT_MAX) {
		fail(p, -1, "The request is too long (%zu bytes; at most %d are accepted).", len,
		    PARAMS_INPUT_MAX);
		return -1;
	}
	memcpy(p->buf, input ? input : "", len + 1);

	for (s = p->buf; s < p->buf + len; s = end + 1) {
		char *eq, *name, *val;
		long nlen, vlen;

		end = strchr(s, '&');
		if (end == NULL)
			end = p->buf + len;
		*end = '\0';
		if (*s == '\0')
			continue;
		name = s;
		eq = strchr(s, '=');
		val = eq ? eq + 1 : end;
		if (eq)
			*eq = '\0';
		nlen = url_decode(name, strlen(name));
		for (k = 0; k < p->n && nlen >= 0; k++)
			if (strcmp(spec[k].name, name) == 0)
				break;
		if (nlen < 0 || k == p->n)
			continue;	/* not ours: ignore, as promised above */
		vlen = url_decode(val, strlen(val));
		if (vlen < 0) {
			fail(p, (int)k, "%s has a broken %%-escape.", spec[k].name);
			continue;
		}
		if (!utf8_valid(val, (size_t)vlen)) {
			fail(p, (int)k, "%s is not valid UTF-8 text.", spec[k].name);
			continue;
		}
		if (seen[k]++) {
			fail(p, (int)k, "%s is given more than once; give it once.", spec[k].name);
			continue;
		}
		if (vlen == 0)
			continue;
		p->v[k].str = val;
		p->v[k].present = 1;
		check_value(p, (int)k);
	}
	return p->error[0] ? -1 : 0;
}

/* Appends src URL-encoded (RFC 3986 unreserved kept) at buf+*len; -1 when it does not fit. */
static int
append_encoded(char *buf, size_t size, size_t *len, const char *src)
{
	static const char hex[] = "0123456789ABCDEF";

	for (const unsigned char *s = (const unsigned char *)src; *s; s++) {
		int plain = (*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		    (*s >= '0' && *s <= '9') || *s == '-' || *s == '_' || *s == '.' || *s == '~';
		if (*len + (plain ? 1 : 3) >= size)
			return -1;
		if (plain)
			buf[(*len)++] = (char)*s;
		else {
			buf[(*len)++] = '%';
			buf[(*len)++] = hex[*s >> 4];
			buf[(*len)++] = hex[*s & 15];
		}
	}
	buf[*len] = '\0';
	return 0;
}

static int
append_pair(char *buf, size_t size, size_t *len, int *first, const char *k, const char *v)
{
	if (*len + 2 >= size)
		return -1;
	buf[(*len)++] = *first ? '?' : '&';
	buf[*len] = '\0';
	*first = 0;
	if (append_encoded(buf, size, len, k) < 0 || *len + 1 >= size)
		return -1;
	buf[(*len)++] = '=';
	buf[*len] = '\0';
	return append_encoded(buf, size, len, v);
}

int
params_href(const struct params *p, const char *base, unsigned long skip, const char *extra_key,
    const char *extra_val, char *buf, size_t size)
{
	size_t len = strlen(base);
	int first = 1;

	if (len >= size)
		return -1;
	memcpy(buf, base, len + 1);
	for (size_t k = 0; k < p->n; k++) {
		if (!p->v[k].present || (skip & (1UL << k)))
			continue;
		if (append_pair(buf, size, &len, &first, p->spec[k].name, p->v[k].str) < 0)
			return -1;
	}
	if (extra_key && append_pair(buf, size, &len, &first, extra_key, extra_val) < 0)
		return -1;
	return 0;
}

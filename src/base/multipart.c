/*
 * multipart.c - splitting a multipart/form-data body into its parts.
 *
 * Only what browsers send is accepted: a boundary parameter, CRLF line ends, a
 * Content-Disposition: form-data header with a name in each part. Anything else is "not a
 * form", which the page answers with 400; the body was size-limited before it got here.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "multipart.h"

/* Copies the value of parameter key (key="value" or key=value) in header h into dst. */
static int
header_param(const char *h, const char *end, const char *key, char *dst, size_t size)
{
	size_t klen = strlen(key);

	for (const char *s = h; s + klen + 1 < end; s++) {
		const char *v, *e;
		if ((s != h && s[-1] != ' ' && s[-1] != ';' && s[-1] != '\t') ||
		    strncasecmp(s, key, klen) != 0 || s[klen] != '=')
			continue;
		v = s + klen + 1;
		if (*v == '"') {
			v++;
			if ((e = memchr(v, '"', (size_t)(end - v))) == NULL)
				return -1;
		} else
			for (e = v; e < end && *e != ';' && *e != ' ' && *e != '\r'; e++)
				;
		snprintf(dst, size, "%.*s", (int)(e - v), v);
		return 0;
	}
	return -1;
}

int
multipart_parse(const char *ctype, const char *body, size_t len, struct multipart_part *parts, int max)
{
	char boundary[80], delim[84];
	const char *s, *end = body + len, *ct_end = ctype + strlen(ctype);
	size_t dlen;
	int n = 0;

	if (strncasecmp(ctype, "multipart/form-data", 19) != 0 ||
	    header_param(ctype, ct_end, "boundary", boundary, sizeof boundary) < 0 ||
	    boundary[0] == '\0' || strlen(boundary) > 70)
		return -1;
	dlen = (size_t)snprintf(delim, sizeof delim, "--%s", boundary);
	if ((s = memmem(body, len, delim, dlen)) == NULL)
		return -1;
	for (;;) {
		const char *headers, *hend, *data, *next, *h;
		struct multipart_part *p;

		s += dlen;
		if (end - s >= 2 && s[0] == '-' && s[1] == '-')
			return n;	/* the closing delimiter */
		if (end - s < 2 || s[0] != '\r' || s[1] != '\n')
			return -1;
		headers = s + 2;
		if ((hend = memmem(headers, (size_t)(end - headers), "\r\n\r\n", 4)) == NULL)
			return -1;
		data = hend + 4;
		if ((next = memmem(data, (size_t)(end - data), delim, dlen)) == NULL || next - data < 2 ||
		    next[-2] != '\r' || next[-1] != '\n')
			return -1;
		if (n == max)
			return -1;
		p = &parts[n];
		memset(p, 0, sizeof *p);
		for (h = headers; h < hend; ) {
			const char *eol = memmem(h, (size_t)(hend - h) + 2, "\r\n", 2);
			if (eol == NULL)
				eol = hend;
			if (strncasecmp(h, "Content-Disposition:", 20) == 0) {
				if (header_param(h, eol, "name", p->name, sizeof p->name) < 0)
					return -1;
				p->is_file = header_param(h, eol, "filename", p->filename, sizeof p->filename) == 0;
			}
			h = eol + 2;
		}
		if (p->name[0] == '\0')
			return -1;
		p->data = data;
		p->len = (size_t)(next - 2 - data);
		n++;
		s = next;
	}
}

const struct multipart_part *
multipart_find(const struct multipart_part *parts, int n, const char *name)
{
	for (int i = 0; i < n; i++)
		if (strcmp(parts[i].name, name) == 0)
			return &parts[i];
	return NULL;
}

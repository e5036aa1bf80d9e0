/*
 * multipart.h - the parts of a multipart/form-data body (RFC 7578): a file upload and the
 * fields posted with it. The body is read whole first (it is size-limited, import.h), so parts
 * point into it; nothing is copied, and no file is ever written to disk.
 */
#ifndef LIAISON_MULTIPART_H
#define LIAISON_MULTIPART_H

#include <stddef.h>

#define MULTIPART_PARTS_MAX	8

struct multipart_part {
	char		 name[64];
	char		 filename[256];	/* "" for a plain field */
	int		 is_file;	/* the part had a filename parameter (maybe empty: no file chosen) */
	const char	*data;
	size_t		 len;
};

/*
 * Splits body (len bytes) sent with content type ctype into at most max parts. Returns how
 * many, or -1 when the body is not multipart/form-data with that boundary.
 */
int	multipart_parse(const char *ctype, const char *body, size_t len, struct multipart_part *parts,
	    int max);
/* The part named name, or NULL. */
const struct multipart_part *multipart_find(const struct multipart_part *parts, int n, const char *name);

#endif

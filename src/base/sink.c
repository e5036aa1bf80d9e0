/*
 * sink.c - see sink.h.
 */
#include <string.h>

#include "sink.h"

int
sink_write(struct sink *s, const char *bytes, size_t len)
{
	if (s->failed)
		return -1;
	if (len > 0 && s->write(s->arg, bytes, len) != 0)
		s->failed = 1;
	return s->failed ? -1 : 0;
}

int
sink_puts(struct sink *s, const char *text)
{
	return sink_write(s, text, strlen(text));
}

static int
file_write(void *arg, const char *bytes, size_t len)
{
	return fwrite(bytes, 1, len, (FILE *)arg) == len ? 0 : -1;
}

struct sink
sink_to_file(FILE *f)
{
	struct sink s = { file_write, f, 0 };
	return s;
}

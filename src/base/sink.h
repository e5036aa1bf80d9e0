/*
 * sink.h - where output goes: a write function and its argument, after kcgi's writers.
 *
 * The CSV writer, the request's body and the page cache's copy all write to a sink, so none
 * of them needs to know what is on the other side: a FastCGI stream, stdout under CGI, a
 * file (liaison-admin export), or a buffer (a test, the fuzzer). A write that fails marks the
 * sink failed, and every later write to it is dropped: the caller checks once, at the end or
 * between rows, instead of after every cell.
 */
#ifndef LIAISON_SINK_H
#define LIAISON_SINK_H

#include <stddef.h>
#include <stdio.h>

struct sink {
	/* Writes len bytes; 0, or -1 once the reader has gone (a closed connection, a full disk). */
	int	(*write)(void *arg, const char *bytes, size_t len);
	void	*arg;
	int	 failed;
};

/* Writes to s unless it has failed; 0, or -1 (now or earlier). */
int		sink_write(struct sink *s, const char *bytes, size_t len);
int		sink_puts(struct sink *s, const char *text);
/* A sink writing to f with fwrite. */
struct sink	sink_to_file(FILE *f);

#endif

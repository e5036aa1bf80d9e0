/*
 * fuzz_when.c - libFuzzer target for times read from the database and shown in a zone
 * (src/base/when.c): the input is split at its first NUL into a stored time and a zone name.
 *
 * Properties checked on every input, beyond "no crash, no sanitizer report": a time that
 * parses is a real UTC moment whose ISO form parses back to the same second; the words always
 * fit their buffer, end in NUL, and for a parsed time begin with its day in the zone; a zone
 * name with "..", a leading "/" or "." is never taken; whatever is not a time is shown as it
 * was given (cut to the buffer), never lost or changed.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "when.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char buf[256], *zone, iso[32], words[64], again[300];
	struct when_local w;
	struct tm tm;
	time_t t, back;

	if (size >= sizeof buf)
		return 0;
	memcpy(buf, data, size);
	buf[size] = '\0';
	zone = memchr(buf, '\0', size) ? buf + strlen(buf) + 1 : buf + size;
	if (zone > buf + size)
		zone = buf + size;

	if (when_zone_ok(zone) && (strstr(zone, "..") || zone[0] == '/' || zone[0] == '.'))
		abort();
	if (when_parse_utc(buf, &t) == 0) {
		if (gmtime_r(&t, &tm) == NULL)
			abort();
		strftime(iso, sizeof iso, "%Y-%m-%dT%H:%M:%SZ", &tm);
		if (when_parse_utc(iso, &back) != 0 || back != t)
			abort();
		if (when_local(t, zone, &w) < 0 && strcmp(w.abbr, "UTC") != 0)
			abort();	/* an unusable zone is shown as UTC, and says so */
		if (when_words(words, sizeof words, t, zone) >= sizeof words || strlen(words) >= sizeof words)
			abort();
		snprintf(again, sizeof again, "%d ", w.day);
		if (strncmp(words, again, strlen(again)) != 0)
			abort();
	} else {
		size_t n = when_words_of(words, sizeof words, buf, zone);
		if (n != strlen(words) || strncmp(words, buf, n) != 0 || (n < sizeof words - 1 && n != strlen(buf)))
			abort();
	}
	return 0;
}

/*
 * fuzz_period.c - libFuzzer target for report periods: the input is split at NUL bytes into
 * fy, quarter, from, to and today (today made a real date), with the fiscal year's first month
 * from the first byte.
 *
 * Properties checked on every input, beyond "no crash, no sanitizer report": a refused period
 * always says why; an accepted one runs forward (from <= to), both ends are real dates, it
 * holds at most ten years, its months are in order and start with its first month, and the
 * periods just before and after are as long (same kind), end the day before it starts and
 * start the day after it ends.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "measure.h"
#include "period.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char buf[512], *part[5] = { "", "", "", "", "" }, err[200], today[11], day[11];
	char months[PERIOD_MONTHS_MAX][8];
	struct period p, prev, next;
	int first, n = 0;

	if (size < 1 || size >= sizeof buf)
		return 0;
	first = data[0] % 14;	/* 0 and 13 too: out of range is treated as January */
	memcpy(buf, data + 1, size - 1);
	buf[size - 1] = '\0';
	for (char *s = buf; n < 5; n++) {
		part[n] = s;
		s += strlen(s);
		if (s >= buf + size - 1)
			break;
		s++;
	}
	snprintf(today, sizeof today, "%04u-%02u-%02u", 2000u + (unsigned)(size * 37 % 300),
	    1u + (unsigned)(size % 12), 1u + (unsigned)(size % 28));
	err[0] = '\0';
	if (period_parse(&p, part[0], part[1], part[2], part[3], today, first, err, sizeof err) != 0) {
		if (err[0] == '\0')
			abort();
		return 0;
	}
	if (!measure_date_valid(p.from) || !measure_date_valid(p.to) || strcmp(p.from, p.to) > 0 ||
	    period_days(&p) < 1 || period_days(&p) > PERIOD_DAYS_MAX + 31)
		abort();
	n = period_months(&p, months, PERIOD_MONTHS_MAX);
	if (n < 1 || strncmp(months[0], p.from, 7) != 0 || strncmp(months[n - 1], p.to, 7) != 0)
		abort();
	for (int i = 1; i < n; i++)
		if (strcmp(months[i - 1], months[i]) >= 0)
			abort();
	period_step(&p, -1, &prev, first);
	period_step(&p, 1, &next, first);
	if (prev.kind != p.kind || next.kind != p.kind)
		abort();
	period_add_days(p.from, -1, day);
	if (strcmp(prev.to, day) != 0 && atoi(p.from) > 1)
		abort();
	period_add_days(p.to, 1, day);
	if (strcmp(next.from, day) != 0 && atoi(p.to) < 9999)
		abort();
	if (p.kind == PERIOD_RANGE && atoi(p.from) > 1 && period_days(&prev) != period_days(&p))
		abort();
	return 0;
}

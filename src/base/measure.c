/*
 * measure.c - reading and writing the measures of measure.h.
 *
 * Each reader walks the text once, left to right, with no locale: a library's form must read
 * "12.50" the same whatever the server's LANG says.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "measure.h"

#define MEASURE_WHOLE_MAX	99999999999999LL	/* far above any bound, far below overflow */

/*
 * Reads the whole part at *sp: digits, optionally grouped in threes by commas or spaces
 * ("1,200", "1 200"). Advances *sp past it. Returns 0, or -1 if it is not a number.
 */
static int
read_whole(const char **sp, long long *out)
{
	const char *s = *sp;
	long long n = 0;
	int digits = 0, group = -1;	/* digits since the last separator; -1 before any */

	if (!isdigit((unsigned char)*s))
		return -1;
	for (;; s++) {
		if (isdigit((unsigned char)*s)) {
			if (n > MEASURE_WHOLE_MAX)
				return -1;
			n = n * 10 + (*s - '0');
			digits++;
			if (group >= 0)
				group++;
		} else if ((*s == ',' || *s == ' ') && isdigit((unsigned char)s[1]) &&
		    (group < 0 ? digits <= 3 : group == 3)) {
			group = 0;
		} else
			break;
	}
	if (group >= 0 && group != 3)
		return -1;
	*sp = s;
	*out = n;
	return 0;
}

/* Up to two decimals after a point, as hundredths: ".5" → 50, ".25" → 25, "" → 0. */
static enum measure_verdict
read_hundredths(const char **sp, long long *out)
{
	const char *s = *sp;

	*out = 0;
	if (*s != '.')
		return MEASURE_OK;
	s++;
	if (!isdigit((unsigned char)s[0]))
		return MEASURE_BAD;
	*out = (s[0] - '0') * 10;
	s++;
	if (isdigit((unsigned char)*s))
		*out += *s++ - '0';
	*sp = s;
	return isdigit((unsigned char)*s) ? MEASURE_TOO_PRECISE : MEASURE_OK;
}

enum measure_verdict
measure_count(const char *s, long long *out)
{
	long long n;

	if (s[0] == '-')
		return MEASURE_NEGATIVE;
	if (read_whole(&s, &n) < 0 || *s)
		return MEASURE_BAD;
	*out = n;
	return MEASURE_OK;
}

enum measure_verdict
measure_cents(const char *s, long long *out)
{
	size_t len;
	long long whole, part;
	enum measure_verdict v;

	if (*s == '$')
		s++;
	if (s[0] == '-')
		return MEASURE_NEGATIVE;
	len = strlen(s);
	if (strchr(s, '.') == NULL && len > 3 && s[len - 3] == ',' && strspn(s + len - 2, "0123456789") == 2)
		return MEASURE_COMMA_CENTS;
	if (read_whole(&s, &whole) < 0)
		return MEASURE_BAD;
	if ((v = read_hundredths(&s, &part)) != MEASURE_OK)
		return v;
	if (*s)
		return MEASURE_BAD;
	*out = whole * 100 + part;
	return MEASURE_OK;
}

enum measure_verdict
measure_minutes(const char *s, long long *out)
{
	long long whole, part;
	enum measure_verdict v;

	if (s[0] == '-')
		return MEASURE_NEGATIVE;
	if (read_whole(&s, &whole) < 0)
		return MEASURE_BAD;
	if (*s == ':') {
		if (!isdigit((unsigned char)s[1]) || !isdigit((unsigned char)s[2]) || s[3] ||
		    (s[1] - '0') * 10 + (s[2] - '0') >= 60)
			return MEASURE_BAD;
		*out = whole * 60 + (s[1] - '0') * 10 + (s[2] - '0');
		return MEASURE_OK;
	}
	if ((v = read_hundredths(&s, &part)) != MEASURE_OK)
		return v;
	if (*s)
		return MEASURE_BAD;
	*out = whole * 60 + (part * 60 + 50) / 100;
	return MEASURE_OK;
}

int
measure_date_valid(const char *s)
{
	static const int days[12] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int y, m, d;

	for (int i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? s[i] != '-' : !isdigit((unsigned char)s[i]))
			return 0;
	if (s[10] != '\0')
		return 0;
	y = atoi(s);
	m = atoi(s + 5);
	d = atoi(s + 8);
	if (y < 1900 || m < 1 || m > 12 || d < 1 || d > days[m - 1])
		return 0;
	return m != 2 || d < 29 || (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0));
}

void
measure_grouped(char *buf, size_t size, long long n)
{
	char digits[32];
	size_t len, o = 0;

	len = (size_t)snprintf(digits, sizeof digits, "%lld", n);
	for (size_t i = 0; i < len && o + 2 < size; i++) {
		if (i && digits[i - 1] != '-' && (len - i) % 3 == 0)
			buf[o++] = ',';
		buf[o++] = digits[i];
	}
	buf[o] = '\0';
}

void
measure_money_text(char *buf, size_t size, long long cents)
{
	size_t o;

	measure_grouped(buf, size > 4 ? size - 3 : size, cents / 100);
	o = strlen(buf);
	snprintf(buf + o, size - o, ".%02lld", cents % 100);
}

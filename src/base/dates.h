/*
 * dates.h - dates as spreadsheets write them, read into YYYY-MM-DD.
 *
 * People's files hold 2026-03-15, 15/03/2026, 3/15/2026 or 15.03.2026 depending on where the
 * spreadsheet was made. Slashes and dashes are read in the order the site or the person names
 * (day first, month first); with no order named, a date that reads only one way (15/03/2026)
 * is taken and one that reads both ways (03/04/2026) is refused with both readings, since
 * guessing would put a month's activities in the wrong month of the report without a word.
 * Dots are always day first: no one writes month first with dots.
 */
#ifndef LIAISON_DATES_H
#define LIAISON_DATES_H

#include <stddef.h>

enum date_order { DATE_ORDER_UNSET, DATE_ORDER_DMY, DATE_ORDER_MDY };

enum date_verdict {
	DATE_OK,
	DATE_BAD,		/* not a date in any form read, or a day that does not exist */
	DATE_AMBIGUOUS,		/* reads both ways and no order was named: see readings */
};

/* "dmy", "mdy" → the order; "" → DATE_ORDER_UNSET; anything else -1. */
int	date_order_by_name(const char *name);

/*
 * Reads s into iso (YYYY-MM-DD, 11 bytes). On DATE_AMBIGUOUS, iso_dmy and iso_mdy hold the two
 * readings (either may be NULL).
 */
enum date_verdict date_read(const char *s, enum date_order, char iso[11], char iso_dmy[11],
    char iso_mdy[11]);

/* "3 April 2026" for an ISO date, for a person to choose between readings. */
void	date_words(char *buf, size_t size, const char *iso);

#endif

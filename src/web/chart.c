/*
 * chart.c - lays out a horizontal bar chart in SVG coordinates for templates/chart.tpl.
 *
 * Horizontal bars because their labels read left to right at any length and they fit a phone:
 * twelve months or five age bands make a chart as tall as it needs and never too wide. The
 * SVG scales to its column; the numbers never depend on it. Every bar has one colour (CSS
 * .bar): a bar's colour means nothing here, so none should seem to.
 */
#include <stdio.h>

#include "chart.h"
#include "view.h"

#define CHART_WIDTH	500
#define CHART_LABELS	190	/* room for the labels, right-aligned at its edge */
#define CHART_BARS	220	/* the longest bar */
#define CHART_ROW	26
void
chart_bars(struct view_dict *d, const char *marker, const char *id, const char *title,
    const char *key_heading, const char *value_heading, const struct chart_bar *bars, int n,
    long long scale)
{
	struct view_dict *c = view_include(d, marker, "chart.tpl");
	char desc[400];
	int top = 0;

	for (int i = 1; i < n; i++)
		if (bars[i].value > bars[top].value)
			top = i;
	if (scale <= 0)
		scale = n > 0 && bars[top].value > 0 ? bars[top].value : 1;
	view_set(c, "ID", id);
	view_set(c, "TITLE", title);
	if (n == 0 || bars[top].value == 0)
		snprintf(desc, sizeof desc, "%s: nothing recorded.", title);
	else
		snprintf(desc, sizeof desc, "%s, %d bars. The largest: %s, %s.", title, n, bars[top].label,
		    bars[top].text);
	view_set(c, "DESC", desc);
	view_set_int(c, "WIDTH", CHART_WIDTH);
	view_set_int(c, "HEIGHT", n * CHART_ROW + 8);
	view_set(c, "KEY_HEADING", key_heading);
	view_set(c, "VALUE_HEADING", value_heading);
	for (int i = 0; i < n; i++) {
		struct view_dict *b = view_section(c, "BAR"), *row = view_section(c, "ROW");
		long long w = bars[i].value * CHART_BARS / scale;
		if (w == 0 && bars[i].value > 0)
			w = 1;	/* something, however small, is not nothing */
		view_set(b, "LABEL", bars[i].label);
		view_set(b, "VALUE", bars[i].text);
		view_set_int(b, "LABEL_X", CHART_LABELS);
		view_set_int(b, "BAR_X", CHART_LABELS + 8);
		view_set_int(b, "BAR_Y", i * CHART_ROW + 6);
		view_set_int(b, "BAR_H", CHART_ROW - 8);
		view_set_int(b, "BAR_W", (long)w);
		view_set_int(b, "TEXT_Y", i * CHART_ROW + 6 + (CHART_ROW - 8) / 2 + 5);
		view_set_int(b, "VALUE_X", CHART_LABELS + 8 + (long)w + 6);
		view_set(row, "LABEL", bars[i].label);
		view_set(row, "VALUE", bars[i].text);
	}
}


/*
 * chart.h - bar charts as SVG drawn on the server: no JavaScript, nothing to load, and the
 * same on paper as on screen. Each chart has a title and a description for screen readers,
 * and its numbers follow as a table (hidden on screen, printed on paper) in templates/chart.tpl.
 */
#ifndef LIAISON_CHART_H
#define LIAISON_CHART_H

struct view_dict;

/* One bar: what it stands for, its value, and the value as people read it ("1,234", "72.5%"). */
struct chart_bar {
	char		label[48];
	long long	value;
	char		text[48];
};

/*
 * A horizontal bar chart included at marker of d: bars[0..n) scaled so that scale (or the
 * largest value, when scale is 0) fills the width; id makes its element ids unique on the page.
 */
void	chart_bars(struct view_dict *d, const char *marker, const char *id, const char *title,
	    const char *key_heading, const char *value_heading, const struct chart_bar *bars,
	    int n, long long scale);
#endif

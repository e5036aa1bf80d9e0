/*
 * fuzz_params.c - libFuzzer target for the query-string parser and link builder.
 *
 * Properties checked on every input, beyond "no crash, no sanitizer report": a rejected input
 * always gets a message; every accepted value is valid UTF-8, within its bounds and one of its
 * choices; and the link params_href() rebuilds from accepted values parses back to the same
 * values (so pagination and "remove filter" links never change what a visitor chose).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "params.h"

static int known(const char *s) { return strcmp(s, "FR") == 0 || strcmp(s, "es") == 0; }

static const struct param_choice kinds[] = { { "library", "" }, { "community", "" }, { NULL, NULL } };
enum { K_KIND, K_PAGE, K_CODE, K_Q, K__MAX };
static const struct param_spec spec[K__MAX] = {
	[K_KIND] = { "kind", PARAM_ENUM, 0, 0, kinds, NULL, NULL },
	[K_PAGE] = { "page", PARAM_INT, 1, 100000, NULL, NULL, NULL },
	[K_CODE] = { "country", PARAM_LOOKUP, 0, 2, NULL, known, "FR" },
	[K_Q] = { "q", PARAM_TEXT, 0, 200, NULL, NULL, NULL },
};

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct params p, again;
	static char input[PARAMS_INPUT_MAX + 2], href[PARAMS_INPUT_MAX * 3 + 64];

	if (size > PARAMS_INPUT_MAX + 1)
		return 0;
	memcpy(input, data, size);
	input[size] = '\0';	/* a query string is a C string: an embedded NUL ends it */
	if (params_parse(&p, spec, K__MAX, input) < 0) {
		if (p.error[0] == '\0')
			abort();
		return 0;
	}
	for (int k = 0; k < K__MAX; k++) {
		if (!p.v[k].present)
			continue;
		if (!utf8_valid(p.v[k].str, strlen(p.v[k].str)))
			abort();
		if (k == K_PAGE && (p.v[k].num < 1 || p.v[k].num > 100000))
			abort();
		if (k == K_KIND && strcmp(p.v[k].str, "library") && strcmp(p.v[k].str, "community"))
			abort();
	}
	if (params_href(&p, "/list", 0, NULL, NULL, href, sizeof href) < 0)
		abort();
	if (params_parse(&again, spec, K__MAX, strchr(href, '?') ? strchr(href, '?') + 1 : "") < 0)
		abort();
	for (int k = 0; k < K__MAX; k++)
		if (p.v[k].present != again.v[k].present || strcmp(p.v[k].str, again.v[k].str))
			abort();
	return 0;
}

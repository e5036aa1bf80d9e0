/*
 * fuzz_multipart.c - libFuzzer target for multipart_parse (src/multipart.c), which reads
 * every file upload before anything else has looked at it.
 *
 * The input's first line is the Content-Type header, the rest the body. Whatever the bytes,
 * the parser must not crash or read outside the body, and what it returns must hold up: at
 * most the parts allowed, each inside the body, each with a name.
 */
#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "multipart.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *nl = memchr(data, '\n', size);
	struct multipart_part parts[MULTIPART_PARTS_MAX];
	size_t hlen = nl ? (size_t)(nl - data) : size, blen = nl ? size - hlen - 1 : 0;
	char *ctype = malloc(hlen + 1), *body = malloc(blen ? blen : 1);
	int n;

	memcpy(ctype, data, hlen);
	ctype[hlen] = '\0';
	if (blen)
		memcpy(body, nl + 1, blen);
	n = multipart_parse(ctype, body, blen, parts, MULTIPART_PARTS_MAX);
	assert(n >= -1 && n <= MULTIPART_PARTS_MAX);
	for (int i = 0; i < n; i++) {
		assert(parts[i].data >= body && parts[i].data + parts[i].len <= body + blen);
		assert(parts[i].name[0] != '\0' && strlen(parts[i].name) < sizeof parts[i].name);
		assert(multipart_find(parts, n, parts[i].name) != NULL);
	}
	free(ctype);
	free(body);
	return 0;
}

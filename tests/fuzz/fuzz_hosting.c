/*
 * fuzz_hosting.c - libFuzzer target for what src/base/hosting.c reads from files an upload
 * leaves (bin/checksums, a data folder's liaison-site.txt) and the paths it cuts for a page:
 * the input is split at the first two NUL bytes into the checksums file, the mark file and a
 * path (used as the public folder and as the path to show).
 *
 * Properties checked on every input, beyond "no crash, no sanitizer report": the damaged list
 * names no more files than the checksums have lines and fits its buffer; a mark is another
 * site's exactly when its first line is not this bundle's folder; a shown path is a tail of
 * the path given, never longer.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hosting.h"

static char root[64];

/* The scratch bundle goes when the fuzzer exits. */
static void
clean(void)
{
	char cmd[100];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
	if (system(cmd) != 0)
		fprintf(stderr, "fuzz_hosting: could not remove %s\n", root);
}

static void
put(const char *path, const char *data, size_t n)
{
	FILE *f = fopen(path, "w");

	if (f == NULL)
		abort();
	fwrite(data, 1, n, f);
	fclose(f);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char buf[4097], path[200], out[64], other[64], shown[4200];
	const char *part[3] = { "", "", "" };
	size_t len[3] = { 0, 0, 0 };
	int n = 0, lines = 0, damaged;

	if (size >= sizeof buf)
		return 0;
	memcpy(buf, data, size);
	buf[size] = '\0';
	if (root[0] == '\0') {
		snprintf(root, sizeof root, "/tmp/fuzz-hosting-XXXXXX");
		if (mkdtemp(root) == NULL)
			abort();
		snprintf(path, sizeof path, "%s/bin", root);
		mkdir(path, 0700);
		snprintf(path, sizeof path, "%s/data", root);
		mkdir(path, 0700);
		atexit(clean);
	}
	for (const char *s = buf; n < 3 && s <= buf + size; n++) {
		part[n] = s;
		len[n] = n < 2 ? strnlen(s, (size_t)(buf + size - s)) : (size_t)(buf + size - s);
		s += len[n] + 1;
	}
	snprintf(path, sizeof path, "%s/bin/checksums", root);
	put(path, part[0], len[0]);
	for (size_t i = 0; i < len[0]; i++)
		lines += part[0][i] == '\n';
	damaged = hosting_damaged(root, out, sizeof out);
	if (damaged < 0 || damaged > lines + 1 || strlen(out) >= sizeof out)
		abort();

	snprintf(path, sizeof path, "%s/data/" HOSTING_MARK_FILE, root);
	put(path, part[1], len[1]);
	snprintf(path, sizeof path, "%s/data", root);
	{
		size_t first = strcspn(part[1], "\r\n");
		int same = first == strlen(root) && strncmp(part[1], root, first) == 0;
		int is_other = hosting_folder_is_other_site(path, root, other, sizeof other);
		/* No mark (an empty file) is no other site's; else its first line decides. */
		if (is_other != (len[1] > 0 && !same))
			abort();
	}

	hosting_shown_path(part[2], part[2], shown, sizeof shown);
	if (strlen(shown) > strlen(part[2]) ||
	    strcmp(part[2] + strlen(part[2]) - strlen(shown), shown) != 0)
		abort();
	return 0;
}

/*
 * applybodies.c - makes N valid application forms for the apply benchmark (bench/apply.sh):
 * one urlencoded body a line, each with its own form token (signed with the bench database's
 * own secret, dated a minute ago) and its own organization name (the run's process id makes
 * two files' names differ), so that every one is a new application, never a duplicate.
 *
 *   build/applybodies DB N > bodies.txt
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "config.h"
#include "db.h"
#include "token.h"

int
main(int argc, char **argv)
{
	static const char *const countries[] = { "FR", "CO", "JP", "US", "KE", "IN", "BR", "DE" };
	static const char *const zones[] = { "Europe%2FParis", "America%2FBogota", "Asia%2FTokyo",
	    "America%2FChicago", "Africa%2FNairobi", "Asia%2FKolkata", "America%2FSao_Paulo",
	    "Europe%2FBerlin" };
	char token[TOKEN_CHARS + 1];
	time_t now = time(NULL);
	long n;

	if (argc != 3 || (n = atol(argv[2])) <= 0) {
		fprintf(stderr, "usage: applybodies DB N\n");
		return 2;
	}
	config_load();
	snprintf(config.database, sizeof config.database, "%s", argv[1]);
	if (!db_ready()) {
		fprintf(stderr, "applybodies: %s\n", db_unavailable_reason());
		return 1;
	}
	for (long i = 0; i < n; i++) {
		int c = (int)(i % 8);
		if (token_make(token, "apply", "", now - 60) < 0)
			return 1;
		printf("csrf=%s&name=Bench+Library+%ld+%lld+%d&type=public&country=%s&city=Town+%ld"
		    "&website=https%%3A%%2F%%2Flib%ld.example&description=A+public+library+with+a+"
		    "busy+storytime+program.&languages=en&languages=fr&interests=pen_pals"
		    "&interests=storytime&ages=2&ages=8&timezone=%s&seeking=1&seeks=any"
		    "&seeking_text=Pen+pals+for+grade+4.&commitment=informal&contact_name=Bench"
		    "&contact_email=bench%ld%%40lib.example&url=\n", token, i, (long long)now, (int)getpid(), countries[c],
		    i % 97, i, zones[c], i);
	}
	db_close();
	return 0;
}

/*
 * bundle.h - the upload bundle (make dist) finding its own way on a shared host.
 *
 * Unpacked anywhere under a web site, the bundle has no installed paths and, often, no shell
 * to run anything from. A program finds the bundle's folder from its own executable, reads
 * the settings file at its top (liaison.conf), and keeps the database in a data folder of its
 * own in the account's folder, outside every public folder and out of reach of every URL
 * (liaison-data, or liaison-data-NAME for a subdomain's site: src/base/hosting.c chooses),
 * unless liaison.conf names another place. The first request chooses and makes that folder,
 * writes the choice into liaison.conf (LIAISON_DB) and makes the database; the first request
 * after a newer bundle is uploaded backs the database up and upgrades it.
 */
#ifndef LIAISON_BUNDLE_H
#define LIAISON_BUNDLE_H
#include <stddef.h>

/*
 * Before a request is served: chooses the database from the site's public folder
 * (document_root) when no setting names it, makes it when absent, and upgrades it when an
 * older version made it. Returns NULL when the database is ready to open, else what went
 * wrong and what the person installing can do, for a 503 page.
 */
const char *bundle_prepare(const char *document_root);
#endif

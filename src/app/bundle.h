/*
 * bundle.h - the upload bundle (make dist) finding its own way on a shared host.
 *
 * Unpacked anywhere under a web site, the bundle has no installed paths and, often, no shell
 * to run anything from. A program finds the bundle's folder from its own executable, reads
 * the settings file at its top (liaison.conf), and keeps the database in a folder beside the
 * site's public folder, out of reach of every URL: DOCUMENT_ROOT/../liaison-data/liaison.db
 * unless liaison.conf names another place. The first request makes that folder and database;
 * the first request after a newer bundle is uploaded backs the database up and upgrades it.
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

/* SPDX-License-Identifier: MIT */
/*
 * store_exchange.h — the store's ways in and out as files: the online
 * backup, importing YAML record files and exporting records as YAML or CSV
 * (doc/records.md).  Implemented in src/store/store_backup.c,
 * store_import*.c and store_export*.c.
 */
#ifndef KAIGI_STORE_EXCHANGE_H
#define KAIGI_STORE_EXCHANGE_H

#include <stdbool.h>
#include <stddef.h>

#include "kaigi/error.h"
#include "kaigi/store.h"

/* ---- backup ------------------------------------------------------------ */

/*
 * Copy the database to dest with SQLite's online-backup API, as one
 * consistent snapshot (writers in other processes are not blocked), into a
 * temporary file that is synced and renamed over dest, mode 0600.  dest
 * NULL picks backups/kaigi-YYYYMMDD-HHMMSS.db beside the database; the path
 * used is written to used (when not NULL; caller frees).
 */
enum kaigi_status store_backup(struct store *st, const char *dest, char **used,
			       struct kaigi_error *err);

/* ---- import and export (doc/records.md) ------------------------------- */

struct store_import_stats {
	size_t meetings, cases, records, answers; /* seen in the files */
	size_t changes;                           /* rows inserted, updated or deleted */
};

/*
 * Import YAML record files in one transaction: every file is read and every
 * value checked against the forms (store_set_forms) first, and all of it is
 * written or none.  Every problem goes to diags as FILE:LINE:COL.  Rows are
 * matched by id, or by their natural key when the file gives none, so
 * importing the same file twice changes nothing the second time.  Import
 * never deletes.  stats may be NULL.
 */
enum kaigi_status store_import_files(struct store *st, const char *const *paths, size_t npaths,
				     struct store_import_stats *stats, struct kaigi_diags *diags);
/* The same for one file in memory; name is used in messages. */
enum kaigi_status store_import_buffer(struct store *st, const char *name, const char *buf,
				      size_t len, struct store_import_stats *stats,
				      struct kaigi_diags *diags);

/* Which meetings to export: ids (or NULL / 0 for every meeting). */
struct store_export_filter {
	const char *const *meetings;
	size_t nmeetings;
	bool identity;   /* also each person's identity (name, kana …): --identity */
	bool anonymised; /* what may leave the centre: no identifying value, free
			    text scrubbed (kaigi/scrub.h): --anonymised */
};

/* A sink for exported bytes: returns 0, or -1 on a write error (errno set). */
typedef int (*store_write_fn)(void *ctx, const char *buf, size_t len);

/*
 * Write the filtered meetings (with people, cases, records and the
 * regional issues they touch) as a YAML record file.  Records whose form is
 * not installed are written raw, with a warning in warnings.
 */
enum kaigi_status store_export_yaml(struct store *st, const struct store_export_filter *filter,
				    store_write_fn write, void *ctx, struct kaigi_diags *warnings,
				    struct kaigi_error *err);

/*
 * Write tidy CSV tables into the folder dir (created 0700 if missing):
 * meetings.csv, participants.csv, cases.csv,
 * regional_issues.csv, FORM.csv per form (one row per record, one column
 * per field), FORM.FIELD.csv per grid or list field (one row per grid row
 * or list item, keyed to the record), and raw_answers.csv for records
 * whose form is not installed (with a warning).  UTF-8 with a BOM, CRLF,
 * RFC 4180 quoting.  Each file is written whole or not at all.
 */
enum kaigi_status store_export_csv(struct store *st, const struct store_export_filter *filter,
				   const char *dir, struct kaigi_diags *warnings,
				   struct kaigi_error *err);

#endif

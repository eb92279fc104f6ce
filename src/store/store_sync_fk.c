// SPDX-License-Identifier: MIT
/*
 * store_sync_fk.c — foreign keys while a bundle is applied.
 *
 * A bundle is applied with foreign keys off, so that an incoming deletion
 * does not cascade over rows changed here.  While applying, the parents an
 * entry deleted are noted whole (temp.sync_deleted), and so are the keys
 * of parents that new or changed rows point at (temp.sync_keys).  At the
 * end, only those keys are checked (by index, not by scanning the tables):
 *
 *   - a deleted parent that still has a child here (an answer edited here
 *     in a meeting deleted there) is put back, up the chain, and listed as
 *     a 'deleted-there' conflict: the local edit stays;
 *   - a row left without a parent (an answer sent for a record deleted
 *     here) is moved into sync_conflict as a 'foreign-key' conflict, whole.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kaigi/strbuf.h"
#include "kaigi/xalloc.h"
#include "store_sync.h"

/* The foreign keys of the travelling tables: child, column, parent (whose
 * key is its id).  db/001_init.sql. */
static const char *const fks[][3] = {
    {"participant", "meeting_id", "meeting"},
    {"case_review", "meeting_id", "meeting"},
    {"case_review", "person_id", "person"},
    {"case_review", "follows", "case_review"},
    {"phase_timing", "case_id", "case_review"},
    {"form_record", "meeting_id", "meeting"},
    {"form_record", "case_id", "case_review"},
    {"list_item", "record_id", "form_record"},
    {"answer", "record_id", "form_record"},
    {"regional_issue_case", "issue_id", "regional_issue"},
    {"regional_issue_case", "case_id", "case_review"},
    {"person_identity", "person_id", "person"},
    {"policy_agenda", "meeting_id", "meeting"},
    {"policy_agenda", "issue_id", "regional_issue"},
};
#define NFKS (sizeof fks / sizeof fks[0])

bool sync_fk_is_parent(const char *t)
{
	for (size_t i = 0; i < NFKS; i++)
		if (strcmp(fks[i][2], t) == 0)
			return true;
	return false;
}

const char *sync_fk_parent(const char *child, const char *col)
{
	for (size_t i = 0; i < NFKS; i++)
		if (strcmp(fks[i][0], child) == 0 && strcmp(fks[i][1], col) == 0)
			return fks[i][2];
	return NULL;
}

/* The columns of a child table's key, for the JSON array of a conflict. */
static const char *child_key(const char *t)
{
	if (strcmp(t, "phase_timing") == 0)
		return "case_id, phase";
	if (strcmp(t, "answer") == 0)
		return "record_id, field, item, col";
	if (strcmp(t, "regional_issue_case") == 0)
		return "issue_id, case_id";
	if (strcmp(t, "person_identity") == 0)
		return "person_id";
	if (strcmp(t, "policy_agenda") == 0)
		return "meeting_id, issue_id";
	return "id";
}

enum kaigi_status sync_fk_begin(struct store *st, struct kaigi_error *err)
{
	return store_exec(
	    st,
	    "CREATE TEMP TABLE IF NOT EXISTS sync_deleted (tbl TEXT, pk TEXT, row TEXT, "
	    "origin TEXT, origin_seq INTEGER, actor TEXT, at INTEGER); "
	    "CREATE TEMP TABLE IF NOT EXISTS sync_keys (parent TEXT, key ANY); "
	    "CREATE INDEX IF NOT EXISTS temp.sync_keys_parent ON sync_keys (parent, key); "
	    "DELETE FROM temp.sync_deleted; DELETE FROM temp.sync_keys",
	    err);
}

/* "COL IN (keys noted for PARENT) AND no such PARENT": the rows of child
 * that point at a missing parent, among those worth checking. */
static char *missing(size_t i)
{
	return xasprintf("\"%s\" IN (SELECT key FROM temp.sync_keys WHERE parent = '%s') AND "
			 "NOT EXISTS (SELECT 1 FROM \"%s\" p WHERE p.id = \"%s\".\"%s\")",
			 fks[i][1], fks[i][2], fks[i][2], fks[i][0], fks[i][1]);
}

static void note_key(struct store *st, const char *parent, const char *row, const char *col)
{
	char *sql = xasprintf("INSERT INTO temp.sync_keys (parent, key) SELECT '%s', "
			      "json_extract(?1, '$.%s')",
			      parent, col);
	sqlite3_stmt *q = NULL;
	if (sqlite3_prepare_v2(st->db, sql, -1, &q, NULL) == SQLITE_OK) {
		sqlite3_bind_text(q, 1, row, -1, SQLITE_STATIC);
		sqlite3_step(q);
	}
	sqlite3_finalize(q);
	free(sql);
}

struct restore {
	char *tbl, *pk, *row;
	struct sync_entry e;
};

static enum kaigi_status restore_parents(struct store *st, size_t *nconf, struct kaigi_error *err)
{
	enum kaigi_status s = KAIGI_OK;
	bool again = true;
	while (s == KAIGI_OK && again) {
		again = false;
		for (size_t i = 0; i < NFKS && s == KAIGI_OK; i++) {
			char *where = missing(i);
			char *sql = xasprintf(
			    "SELECT tbl, pk, row, origin, origin_seq, actor, at FROM "
			    "temp.sync_deleted "
			    "WHERE tbl = '%s' AND json_extract(pk, '$[0]') IN (SELECT \"%s\" FROM "
			    "\"%s\" WHERE %s)",
			    fks[i][2], fks[i][1], fks[i][0], where);
			free(where);
			sqlite3_stmt *q = NULL;
			int rc = sqlite3_prepare_v2(st->db, sql, -1, &q, NULL);
			free(sql);
			struct restore *v = NULL;
			size_t n = 0, cap = 0;
			while (rc == SQLITE_OK && sqlite3_step(q) == SQLITE_ROW) {
				v = xgrow(v, n, &cap, sizeof *v);
				struct restore *r = &v[n++];
				memset(r, 0, sizeof *r);
				r->tbl = store_column_strdup(q, 0);
				r->pk = store_column_strdup(q, 1);
				r->row = store_column_strdup(q, 2);
				store_column_id(q, 3, r->e.origin);
				r->e.origin_seq = sqlite3_column_int64(q, 4);
				r->e.actor = store_column_strdup(q, 5);
				r->e.at = sqlite3_column_int64(q, 6);
			}
			sqlite3_finalize(q);
			if (rc != SQLITE_OK)
				s = store_fail(st, rc, err, "checking the received rows");
			for (size_t j = 0; j < n; j++) {
				struct restore *r = &v[j];
				if (s == KAIGI_OK)
					s = sync_row_act(st, r->tbl, r->pk, "", "restore", NULL,
							 r->row, err);
				if (s == KAIGI_OK && sqlite3_changes(st->db) > 0) {
					again = true;
					/* Its own parents must be there too. */
					for (size_t f = 0; f < NFKS; f++)
						if (strcmp(fks[f][0], r->tbl) == 0)
							note_key(st, fks[f][2], r->row, fks[f][1]);
					s = sync_conflict_insert(st, "deleted-there", r->tbl, r->pk,
								 "", NULL, r->row, NULL, NULL, "",
								 "", &r->e, err);
					(*nconf)++;
				}
				free(r->tbl);
				free(r->pk);
				free(r->row);
				free(r->e.actor);
			}
			free(v);
		}
	}
	return s;
}

static enum kaigi_status move_orphans(struct store *st, const struct sync_entry *blame,
				      size_t *nconf, struct kaigi_error *err)
{
	enum kaigi_status s = KAIGI_OK;
	bool again = true;
	while (s == KAIGI_OK && again) {
		again = false;
		for (size_t i = 0; i < NFKS && s == KAIGI_OK; i++) {
			const char *child = fks[i][0];
			char *where = missing(i);
			if (strcmp(fks[i][1], "follows") == 0) {
				/* ON DELETE SET NULL: the earlier review is gone. */
				char *sql = xasprintf(
				    "UPDATE case_review SET follows = NULL WHERE %s", where);
				s = store_exec(st, sql, err);
				free(sql);
				free(where);
				continue;
			}
			char *obj = sync_json_object_args(st, child);
			char *sql = xasprintf("SELECT json_array(%s), json_object(%s) FROM \"%s\" "
					      "WHERE %s",
					      child_key(child), obj, child, where);
			free(obj);
			sqlite3_stmt *q = NULL;
			int rc = sqlite3_prepare_v2(st->db, sql, -1, &q, NULL);
			free(sql);
			if (rc == SQLITE_OK)
				while (s == KAIGI_OK && (rc = sqlite3_step(q)) == SQLITE_ROW) {
					const char *pk = (const char *)sqlite3_column_text(q, 0);
					const char *row = (const char *)sqlite3_column_text(q, 1);
					s = sync_conflict_insert(st, "foreign-key", child, pk, "",
								 NULL, NULL, NULL, row, "", "",
								 blame, err);
					(*nconf)++;
				}
			sqlite3_finalize(q);
			if (s == KAIGI_OK && rc != SQLITE_DONE)
				s = store_fail(st, rc, err, "checking the received rows");
			if (s == KAIGI_OK && sync_fk_is_parent(child)) {
				/* Its own children go with it, next pass. */
				char *k =
				    xasprintf("INSERT INTO temp.sync_keys (parent, key) SELECT "
					      "'%s', id FROM \"%s\" WHERE %s",
					      child, child, where);
				s = store_exec(st, k, err);
				free(k);
			}
			if (s == KAIGI_OK) {
				char *del = xasprintf("DELETE FROM \"%s\" WHERE %s", child, where);
				s = store_exec(st, del, err);
				free(del);
				if (sqlite3_changes(st->db) > 0)
					again = true;
			}
			free(where);
		}
	}
	return s;
}

enum kaigi_status sync_fk_settle(struct store *st, const struct sync_entry *blame, size_t *nconf,
				 struct kaigi_error *err)
{
	enum kaigi_status s = restore_parents(st, nconf, err);
	if (s == KAIGI_OK)
		s = move_orphans(st, blame, nconf, err);
	return s;
}

// SPDX-License-Identifier: MIT
/*
 * store_import_follows.c — linking an imported follow-up review to the
 * review it follows, once every file of the import has been read (a
 * `follows:` may name a review later in the file or in another file).
 */
#include <stdlib.h>

#include "store_import.h"

/*
 * A follow-up follows a review of the same person held earlier (by date and
 * start time).  Strictly earlier also means that no chain of follows can
 * come back to where it started.  Anything else would show one person's
 * actions and goals in another's summary.
 */
void imp_resolve_follows(struct imp *im, struct kaigi_diags *diags)
{
	static const char sql[] = "UPDATE case_review SET follows = ?2 WHERE id = ?1 AND follows "
				  "IS NOT ?2 AND EXISTS (SELECT 1 FROM case_review WHERE id = ?2)";
	static const char check[] =
	    "SELECT p.person_id = c.person_id, (pm.date, ifnull(pm.start_time, '')) < "
	    "(cm.date, ifnull(cm.start_time, '')), pp.code, pm.date, cm.date "
	    "FROM case_review p JOIN meeting pm ON pm.id = p.meeting_id "
	    "JOIN person pp ON pp.id = p.person_id, case_review c JOIN meeting cm ON cm.id = "
	    "c.meeting_id WHERE p.id = ?1 AND c.id = ?2";
	for (size_t i = 0; i < im->nfollows && !im->w.stop; i++) {
		struct follow_ref *f = &im->follows[i];
		sqlite3_stmt *q = imp_stmt(im, check);
		if (!q)
			return;
		sqlite3_bind_text(q, 1, f->follows, -1, SQLITE_STATIC);
		sqlite3_bind_text(q, 2, f->case_id, -1, SQLITE_STATIC);
		int rc = sqlite3_step(q);
		bool same = rc == SQLITE_ROW && sqlite3_column_int(q, 0);
		bool earlier = rc == SQLITE_ROW && sqlite3_column_int(q, 1);
		char *code = rc == SQLITE_ROW ? store_column_strdup(q, 2) : NULL;
		char *then = rc == SQLITE_ROW ? store_column_strdup(q, 3) : NULL;
		char *now = rc == SQLITE_ROW ? store_column_strdup(q, 4) : NULL;
		sqlite3_reset(q);
		if (rc != SQLITE_ROW)
			kaigi_diags_add(diags, KAIGI_EDATA, f->file, f->line, f->col,
					"follows names no case review (%s) in the file or the "
					"database",
					f->follows);
		else if (!same)
			kaigi_diags_add(diags, KAIGI_EDATA, f->file, f->line, f->col,
					"follows names a review of another person (%s): a "
					"follow-up follows an earlier review of the same person",
					code ? code : "?");
		else if (!earlier)
			kaigi_diags_add(diags, KAIGI_EDATA, f->file, f->line, f->col,
					"follows names a review of %s, not before this one (%s): "
					"a follow-up follows an earlier review",
					then ? then : "?", now ? now : "?");
		free(code);
		free(then);
		free(now);
		if (rc != SQLITE_ROW || !same || !earlier)
			continue;
		q = imp_stmt(im, sql);
		if (!q)
			return;
		sqlite3_bind_text(q, 1, f->case_id, -1, SQLITE_STATIC);
		sqlite3_bind_text(q, 2, f->follows, -1, SQLITE_STATIC);
		imp_step_write(im, q, NULL, "linking a follow-up review");
	}
}

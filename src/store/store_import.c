// SPDX-License-Identifier: MIT
/*
 * store_import.c — `kaigi import`: YAML record files into the store.
 *
 * The format is doc/records.md.  Everything happens in one transaction:
 * each entity is checked and written as it is read, later entities are
 * checked against what earlier ones wrote (a case against its meeting, a
 * constraint against the rest of its record), and at the end the whole is
 * committed only if no problem was found in any file.  So "check
 * everything first, then write" holds without keeping a second copy of the
 * data in memory, and files far larger than memory-friendly trees import
 * one at a time.  After a problem the walk goes on to find the others;
 * what it writes from then on is rolled back anyway, which lets it write
 * placeholders where a value was refused and keep checking the children.
 *
 * Rows are matched by id, else by a natural key (doc/records.md), and
 * written with upserts that change nothing when nothing differs: the same
 * file imported twice leaves no trace the second time, audit included.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "kaigi/file.h"
#include "kaigi/store_exchange.h"
#include "kaigi/strbuf.h"
#include "kaigi/xalloc.h"
#include "kaigi/yaml_read.h"
#include "store_import.h"

/* Record files larger than this are refused (split them by year). */
#define IMP_MAX_FILE ((size_t)512 * 1024 * 1024)
/*
 * Importing holds the file's YAML tree while it checks it: measured peak
 * RSS is about 17 bytes per byte of file for the tree plus SQLite's 64 MB
 * import cache (tests/cli/hostile_gen.py bulk; doc/records.md).  A file
 * that would need more than the memory available now is refused before
 * it is read, instead of pushing the laptop into swap.
 */
#define IMP_BYTES_PER_BYTE 20
#define IMP_FIXED_BYTES    ((unsigned long long)96 * 1024 * 1024)

/* False (reported) when importing path would need more memory than is
 * available. */
static bool memory_suffices(const char *path, struct kaigi_diags *diags)
{
	struct stat sb;
	unsigned long long avail = kaigi_mem_available();
	if (avail == 0 || stat(path, &sb) != 0 || !S_ISREG(sb.st_mode))
		return true;
	unsigned long long need =
	    (unsigned long long)sb.st_size * IMP_BYTES_PER_BYTE + IMP_FIXED_BYTES;
	if (need <= avail)
		return true;
	kaigi_diags_add(diags, KAIGI_EENV, path, 0, 0,
			"importing this file (%llu MB) needs about %llu MB of memory and %llu MB "
			"are available; split it (by year, say) or close other programs",
			(unsigned long long)sb.st_size >> 20, need >> 20, avail >> 20);
	return false;
}

/* Report a database error at n; environment errors stop the import. */
void imp_db_error(struct imp *im, const yaml_node_t *n, int rc, const char *what)
{
	struct kaigi_error err;
	enum kaigi_status s = store_fail(im->st, rc, &err, what);
	if (s == KAIGI_EDATA) {
		ywalk_error(&im->w, n, "%s", err.msg);
		return;
	}
	kaigi_diags_add(im->w.diags, s, im->w.file, n ? (int)n->start_mark.line + 1 : 0,
			n ? (int)n->start_mark.column + 1 : 0, "%s", err.msg);
	im->w.stop = true;
}

sqlite3_stmt *imp_stmt(struct imp *im, const char *sql)
{
	struct kaigi_error err;
	sqlite3_stmt *q = store_stmt(im->st, sql, &err);
	if (!q) {
		kaigi_diags_add_error(im->w.diags, &err);
		im->w.stop = true;
	}
	return q;
}

/* Step a write; counts changes.  False (reported at n) on failure. */
bool imp_step_write(struct imp *im, sqlite3_stmt *q, const yaml_node_t *n, const char *what)
{
	int rc = sqlite3_step(q);
	sqlite3_reset(q);
	if (rc != SQLITE_DONE) {
		imp_db_error(im, n, rc, what);
		return false;
	}
	if (im->stats)
		im->stats->changes += (size_t)sqlite3_changes(im->st->db);
	return true;
}

/* Look up one id with a query of up to three text keys; "" when none. */
bool imp_find_id(struct imp *im, const char *sql, const char *a, const char *b, const char *c,
		 char out[STORE_ID_SIZE], const yaml_node_t *n)
{
	out[0] = '\0';
	sqlite3_stmt *q = imp_stmt(im, sql);
	if (!q)
		return false;
	store_bind_text_or_null(q, 1, a);
	store_bind_text_or_null(q, 2, b);
	store_bind_text_or_null(q, 3, c);
	int rc = sqlite3_step(q);
	if (rc == SQLITE_ROW)
		store_column_id(q, 0, out);
	int rc2 = rc == SQLITE_ROW ? sqlite3_step(q) : SQLITE_DONE;
	sqlite3_reset(q);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		imp_db_error(im, n, rc, "reading the database");
		return false;
	}
	if (rc2 == SQLITE_ROW) {
		ywalk_error(&im->w, n,
			    "this matches more than one row in the database; give its id");
		return false;
	}
	return true;
}

/* The id of an entity: given (checked) or found by natural key, or new. */
void imp_take_id(struct imp *im, const yaml_node_t *idnode, const char *found,
		 char out[STORE_ID_SIZE])
{
	const char *given = ywalk_text(&im->w, idnode, "id");
	if (given) {
		if (store_uuid_valid(given)) {
			snprintf(out, STORE_ID_SIZE, "%s", given);
			imp_seen_check(im, "id", given, NULL, idnode);
			return;
		}
		ywalk_error(&im->w, idnode,
			    "'%s' is not an id (a UUID like 0b6c1f8e-3f0a-4c47-9d55-2a1e8e7f4b10); "
			    "leave id out and one is made",
			    given);
	}
	if (found && *found)
		snprintf(out, STORE_ID_SIZE, "%s", found);
	else
		store_uuid_new(out);
}

bool imp_resolve_id(struct imp *im, const yaml_node_t *idnode, const char *sql, const char *a,
		    const char *b, const char *c, char out[STORE_ID_SIZE], const yaml_node_t *n)
{
	if (idnode && idnode->type == YAML_SCALAR_NODE &&
	    store_uuid_valid((const char *)idnode->data.scalar.value)) {
		snprintf(out, STORE_ID_SIZE, "%s", (const char *)idnode->data.scalar.value);
		return imp_seen_check(im, "id", out, NULL, idnode);
	}
	char found[STORE_ID_SIZE];
	if (!imp_find_id(im, sql, a, b, c, found, n))
		return false;
	imp_take_id(im, idnode, found, out);
	return true;
}

static const char *text(struct imp *im, const yaml_node_t *n, const char *what)
{
	return ywalk_text(&im->w, n, what);
}

static const char *date_text(struct imp *im, const yaml_node_t *n, const char *what)
{
	const char *s = text(im, n, what);
	if (s && !store_date_valid(s)) {
		ywalk_error(&im->w, n, "%s should be a date YYYY-MM-DD, not '%s'", what, s);
		return NULL;
	}
	return s;
}

static const char *time_text(struct imp *im, const yaml_node_t *n, const char *what)
{
	const char *s = text(im, n, what);
	if (s && !store_time_valid(s)) {
		ywalk_error(&im->w, n, "%s should be a time HH:MM, not '%s'", what, s);
		return NULL;
	}
	return s;
}

/* An integer in [lo, hi]; *ok false (reported) when it is not. */
static long long int_text(struct imp *im, const yaml_node_t *n, const char *what, long long lo,
			  long long hi, bool *present)
{
	*present = false;
	const char *s = text(im, n, what);
	if (!s)
		return 0;
	char *end = NULL;
	errno = 0;
	long long v = strtoll(s, &end, 10);
	if (errno || end == s || *end || v < lo || v > hi) {
		ywalk_error(&im->w, n, "%s should be a whole number from %lld to %lld, not '%s'",
			    what, lo, hi, s);
		return 0;
	}
	*present = true;
	return v;
}

static bool one_of(struct imp *im, const yaml_node_t *n, const char *v, const char *what,
		   const char *const *allowed)
{
	if (!v)
		return true;
	struct strbuf b = STRBUF_INIT;
	for (size_t i = 0; allowed[i]; i++) {
		if (strcmp(v, allowed[i]) == 0) {
			strbuf_free(&b);
			return true;
		}
		strbuf_appendf(&b, "%s%s", i ? ", " : "", allowed[i]);
	}
	ywalk_error(&im->w, n, "%s should be one of %s, not '%s'", what, strbuf_str(&b), v);
	strbuf_free(&b);
	return false;
}

/* ---- people and regional issues ---------------------------------------- */

static void import_person(struct imp *im, const yaml_node_t *n)
{
	static const char *const keys[] = {
	    "code", "id",   "initials",   "birth_year", "age_band", "sex",        "area",
	    "name", "kana", "birth_date", "address",    "phone",    "insured_no", NULL};
	static const char *const sexes[] = {"F", "M", "X", NULL};
	static const char find[] = "SELECT id FROM person WHERE code = ?1";
	static const char sql[] =
	    "INSERT INTO person (id, code, initials, birth_year, age_band, sex, area, created, "
	    "updated) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8) ON CONFLICT (id) DO UPDATE SET "
	    "code = ?2, initials = coalesce(?3, initials), birth_year = coalesce(?4, birth_year), "
	    "age_band = coalesce(?5, age_band), sex = coalesce(?6, sex), area = coalesce(?7, "
	    "area), updated = ?8 WHERE (code, initials, birth_year, age_band, sex, area) IS NOT "
	    "(?2, coalesce(?3, initials), coalesce(?4, birth_year), coalesce(?5, age_band), "
	    "coalesce(?6, sex), coalesce(?7, area))";
	yaml_node_t *v[sizeof keys / sizeof *keys - 1]; /* one per key */
	if (!ywalk_map(&im->w, n, "a person", keys, v))
		return;
	const char *code = text(im, v[0], "code");
	if (!code) {
		ywalk_error(&im->w, n, "a person needs a code (the pseudonymous case code)");
		return;
	}
	char id[STORE_ID_SIZE];
	if (!imp_resolve_id(im, v[1], find, code, NULL, NULL, id, v[0]))
		return;
	bool has_year;
	long long year = int_text(im, v[3], "birth_year", 1850, 2200, &has_year);
	const char *sex = text(im, v[5], "sex");
	const char *ini = text(im, v[2], "initials"), *band = text(im, v[4], "age_band");
	const char *area = text(im, v[6], "area");
	char *said =
	    xasprintf("%s|%s|%lld|%s|%s|%s", v[1] ? id : "", ini ? ini : "", has_year ? year : 0,
		      band ? band : "", sex ? sex : "", area ? area : "");
	bool fresh = imp_seen_check(im, "person", code, said, v[0]);
	free(said);
	if (!fresh)
		return;
	if (!one_of(im, v[5], sex, "sex", sexes))
		sex = NULL;
	sqlite3_stmt *q = imp_stmt(im, sql);
	if (!q)
		return;
	sqlite3_bind_text(q, 1, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(q, 2, code, -1, SQLITE_STATIC);
	store_bind_text_or_null(q, 3, text(im, v[2], "initials"));
	if (has_year)
		sqlite3_bind_int64(q, 4, year);
	store_bind_text_or_null(q, 5, text(im, v[4], "age_band"));
	store_bind_text_or_null(q, 6, sex);
	store_bind_text_or_null(q, 7, text(im, v[6], "area"));
	sqlite3_bind_int64(q, 8, im->now);
	if (imp_step_write(im, q, n, "saving a person"))
		imp_identity(im, n, id, v + 7);
}

static void import_issue(struct imp *im, const yaml_node_t *n)
{
	static const char *const keys[] = {"title",       "id",
					   "description", "policy",
					   "status",      "owner",
					   "category",    "area",
					   "measure",     "decided",
					   "indicator",   "indicator_key",
					   "baseline",    "baseline_date",
					   "target",      "target_date",
					   "result",      "result_date",
					   NULL};
	static const char *const policies[] = {"cooperation", "programme", "resource", NULL};
	static const char *const statuses[] = {"open", "referred", "addressed", "closed", NULL};
	static const char find[] = "SELECT id FROM regional_issue WHERE title = ?1";
	static const char sql[] =
	    "INSERT INTO regional_issue (id, title, description, policy, status, owner, category, "
	    "area, created, updated) VALUES (?1, ?2, ?3, ?4, ifnull(?5, 'open'), ?7, ?8, ?9, ?6, "
	    "?6) ON CONFLICT (id) DO UPDATE SET title = ?2, description = coalesce(?3, "
	    "description), policy = coalesce(?4, policy), status = coalesce(?5, status), owner = "
	    "coalesce(?7, owner), category = coalesce(?8, category), area = coalesce(?9, area), "
	    "updated = ?6 WHERE (title, description, policy, status, owner, category, area) IS NOT "
	    "(?2, coalesce(?3, description), coalesce(?4, policy), coalesce(?5, status), "
	    "coalesce(?7, owner), coalesce(?8, category), coalesce(?9, area))";
	yaml_node_t *v[sizeof keys / sizeof *keys - 1]; /* one per key */
	if (!ywalk_map(&im->w, n, "a regional issue", keys, v))
		return;
	const char *title = text(im, v[0], "title");
	if (!title) {
		ywalk_error(&im->w, n, "a regional issue needs a title");
		return;
	}
	char id[STORE_ID_SIZE];
	if (!imp_resolve_id(im, v[1], find, title, NULL, NULL, id, v[0]))
		return;
	const char *policy = text(im, v[3], "policy");
	const char *status = text(im, v[4], "status");
	one_of(im, v[3], policy, "policy", policies);
	one_of(im, v[4], status, "status", statuses);
	sqlite3_stmt *q = imp_stmt(im, sql);
	if (!q)
		return;
	sqlite3_bind_text(q, 1, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(q, 2, title, -1, SQLITE_STATIC);
	store_bind_text_or_null(q, 3, text(im, v[2], "description"));
	store_bind_text_or_null(q, 4, policy);
	store_bind_text_or_null(q, 5, status);
	sqlite3_bind_int64(q, 6, im->now);
	store_bind_text_or_null(q, 7, text(im, v[5], "owner"));
	store_bind_text_or_null(q, 8, text(im, v[6], "category"));
	store_bind_text_or_null(q, 9, text(im, v[7], "area"));
	imp_step_write(im, q, n, "saving a regional issue");
	imp_issue_measure(im, n, id, v + 8);
}

/* ---- meetings ----------------------------------------------------------- */

static void import_participant(struct imp *im, const yaml_node_t *n, const char *meeting_id,
			       size_t ord)
{
	static const char *const keys[] = {"name",       "id", "organisation", "role", "present",
					   "profession", NULL};
	static const char find[] = "SELECT id FROM participant WHERE meeting_id = ?1 AND name = ?2";
	static const char sql[] =
	    "INSERT INTO participant (id, meeting_id, ord, name, organisation, role, present, "
	    "created, updated, profession) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ifnull(?7, 1), ?8, ?8, "
	    "?9) ON CONFLICT (id) DO UPDATE SET meeting_id = ?2, ord = ?3, name = ?4, "
	    "organisation = coalesce(?5, organisation), role = coalesce(?6, role), present = "
	    "coalesce(?7, present), profession = coalesce(?9, profession), updated = ?8 WHERE "
	    "(meeting_id, ord, name, organisation, role, present, profession) IS NOT (?2, ?3, ?4, "
	    "coalesce(?5, organisation), coalesce(?6, role), coalesce(?7, present), coalesce(?9, "
	    "profession))";
	yaml_node_t *v[sizeof keys / sizeof *keys - 1]; /* one per key */
	if (!ywalk_map(&im->w, n, "a participant", keys, v))
		return;
	const char *name = text(im, v[0], "name");
	if (!name) {
		ywalk_error(&im->w, n, "a participant needs a name");
		return;
	}
	char id[STORE_ID_SIZE];
	if (!imp_resolve_id(im, v[1], find, meeting_id, name, NULL, id, v[0]))
		return;
	const char *present = text(im, v[4], "present");
	int pres = -1;
	if (present) {
		if (!strcmp(present, "true") || !strcmp(present, "yes"))
			pres = 1;
		else if (!strcmp(present, "false") || !strcmp(present, "no"))
			pres = 0;
		else
			ywalk_error(&im->w, v[4], "present should be true or false, not '%s'",
				    present);
	}
	sqlite3_stmt *q = imp_stmt(im, sql);
	if (!q)
		return;
	sqlite3_bind_text(q, 1, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(q, 2, meeting_id, -1, SQLITE_STATIC);
	sqlite3_bind_int64(q, 3, (long long)ord);
	sqlite3_bind_text(q, 4, name, -1, SQLITE_STATIC);
	store_bind_text_or_null(q, 5, text(im, v[2], "organisation"));
	/* role: the part played (facilitator, presenter).  A file of an older
	 * kaigi put the profession there: it goes to profession. */
	const char *role = text(im, v[3], "role");
	const char *profession = text(im, v[5], "profession");
	if (role && strcmp(role, "facilitator") != 0 && strcmp(role, "presenter") != 0) {
		if (!profession)
			profession = role;
		role = NULL;
	}
	store_bind_text_or_null(q, 6, role);
	if (pres >= 0)
		sqlite3_bind_int(q, 7, pres);
	sqlite3_bind_int64(q, 8, im->now);
	store_bind_text_or_null(q, 9, profession);
	imp_step_write(im, q, n, "saving a participant");
}

static void import_phase(struct imp *im, const yaml_node_t *n, const char *case_id, size_t ord,
			 const struct schema_meeting *tmpl)
{
	static const char *const keys[] = {"phase", "planned", "actual", NULL};
	static const char sql[] =
	    "INSERT INTO phase_timing (case_id, phase, ord, planned_sec, actual_sec, created, "
	    "updated) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6) ON CONFLICT (case_id, phase) DO UPDATE "
	    "SET ord = ?3, planned_sec = coalesce(?4, planned_sec), actual_sec = coalesce(?5, "
	    "actual_sec), updated = ?6 WHERE (ord, planned_sec, actual_sec) IS NOT (?3, "
	    "coalesce(?4, planned_sec), coalesce(?5, actual_sec))";
	yaml_node_t *v[sizeof keys / sizeof *keys - 1]; /* one per key */
	if (!ywalk_map(&im->w, n, "a phase", keys, v))
		return;
	const char *phase = text(im, v[0], "phase");
	if (!phase) {
		ywalk_error(&im->w, n, "a phase needs its id (phase: framing)");
		return;
	}
	if (tmpl) {
		size_t i = 0;
		while (i < tmpl->nphases && strcmp(tmpl->phases[i].id, phase) != 0)
			i++;
		if (i == tmpl->nphases)
			ywalk_error(&im->w, v[0], "meeting template %s has no phase '%s'", tmpl->id,
				    phase);
	}
	bool hp, ha;
	long long planned = int_text(im, v[1], "planned (seconds)", 0, 86400, &hp);
	long long actual = int_text(im, v[2], "actual (seconds)", 0, 86400, &ha);
	sqlite3_stmt *q = imp_stmt(im, sql);
	if (!q)
		return;
	sqlite3_bind_text(q, 1, case_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 2, phase, -1, SQLITE_STATIC);
	sqlite3_bind_int64(q, 3, (long long)ord);
	if (hp)
		sqlite3_bind_int64(q, 4, planned);
	if (ha)
		sqlite3_bind_int64(q, 5, actual);
	sqlite3_bind_int64(q, 6, im->now);
	imp_step_write(im, q, n, "saving a phase time");
}

static void import_issue_link(struct imp *im, const yaml_node_t *n, const char *case_id)
{
	static const char *const keys[] = {"issue", "note", "statement", NULL};
	static const char find[] = "SELECT id FROM regional_issue WHERE id = ?1 OR title = ?1";
	static const char sql[] =
	    "INSERT INTO regional_issue_case (issue_id, case_id, note, statement, created, "
	    "updated) VALUES (?1, ?2, ?3, ?5, ?4, ?4) ON CONFLICT (issue_id, case_id) DO UPDATE "
	    "SET note = coalesce(?3, note), statement = coalesce(?5, statement), updated = ?4 "
	    "WHERE (note, statement) IS NOT (coalesce(?3, note), coalesce(?5, statement))";
	yaml_node_t *v[sizeof keys / sizeof *keys - 1]; /* one per key */
	if (!ywalk_map(&im->w, n, "a regional issue of a case", keys, v))
		return;
	const char *ref = text(im, v[0], "issue");
	if (!ref) {
		ywalk_error(&im->w, n, "give the regional issue's title (issue: …)");
		return;
	}
	char id[STORE_ID_SIZE];
	if (!imp_find_id(im, find, ref, NULL, NULL, id, v[0]))
		return;
	if (!id[0]) {
		ywalk_error(&im->w, v[0],
			    "no regional issue '%s': list it under regional_issues at the top",
			    ref);
		return;
	}
	sqlite3_stmt *q = imp_stmt(im, sql);
	if (!q)
		return;
	sqlite3_bind_text(q, 1, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(q, 2, case_id, -1, SQLITE_STATIC);
	store_bind_text_or_null(q, 3, text(im, v[1], "note"));
	sqlite3_bind_int64(q, 4, im->now);
	store_bind_text_or_null(q, 5, text(im, v[2], "statement"));
	imp_step_write(im, q, n, "linking a regional issue");
}

/* Call each(im, item, ...) for the items of a sequence. */
#define FOR_EACH_ITEM(im, seqnode, what, item, idx)                                                \
	yaml_node_item_t *items_##idx = NULL;                                                      \
	size_t count_##idx = 0;                                                                    \
	ywalk_seq(&(im)->w, (seqnode), (what), &items_##idx, &count_##idx);                        \
	for (size_t idx = 0; idx < count_##idx && !(im)->w.stop; idx++)                            \
		for (yaml_node_t *item = ywalk_node(&(im)->w, items_##idx[idx]); item; item = NULL)

static void import_case(struct imp *im, const yaml_node_t *n, const char *meeting_id, size_t ord,
			const struct schema_meeting *tmpl)
{
	static const char *const keys[] = {"person", "id",      "presenter",       "follows",
					   "phases", "records", "regional_issues", "actions",
					   "closed", NULL};
	static const char close_sql[] =
	    "UPDATE case_review SET closed = ?2, updated = ?2 WHERE id = ?1 AND closed IS NULL";
	static const char person_sql[] = "SELECT id FROM person WHERE code = ?1";
	static const char find[] =
	    "SELECT id FROM case_review WHERE meeting_id = ?1 AND person_id = ?2";
	static const char sql[] =
	    "INSERT INTO case_review (id, meeting_id, person_id, ord, presenter, created, updated) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6) ON CONFLICT (id) DO UPDATE SET meeting_id = ?2, "
	    "person_id = ?3, ord = ?4, presenter = coalesce(?5, presenter), updated = ?6 WHERE "
	    "(meeting_id, person_id, ord, presenter) IS NOT (?2, ?3, ?4, coalesce(?5, presenter))";
	yaml_node_t *v[sizeof keys / sizeof *keys - 1]; /* one per key */
	if (!ywalk_map(&im->w, n, "a case", keys, v))
		return;
	if (im->stats)
		im->stats->cases++;
	const char *code = text(im, v[0], "person");
	char person[STORE_ID_SIZE] = "";
	if (!code)
		ywalk_error(&im->w, n, "a case needs person: (the person's case code)");
	else if (!imp_find_id(im, person_sql, code, NULL, NULL, person, v[0]))
		return;
	else if (!person[0])
		ywalk_error(&im->w, v[0],
			    "no person with code '%s': list them under people at the top", code);
	if (!person[0]) {
		/* Go on checking the case's records against a stand-in person. */
		store_uuid_new(person);
		sqlite3_stmt *q = imp_stmt(
		    im, "INSERT INTO person (id, code, created, updated) VALUES (?1, ?1, 0, 0)");
		if (!q)
			return;
		sqlite3_bind_text(q, 1, person, -1, SQLITE_TRANSIENT);
		if (!imp_step_write(im, q, n, "checking a case"))
			return;
	}
	char id[STORE_ID_SIZE];
	if (!imp_resolve_id(im, v[1], find, meeting_id, person, NULL, id, n))
		return;
	sqlite3_stmt *q = imp_stmt(im, sql);
	if (!q)
		return;
	sqlite3_bind_text(q, 1, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(q, 2, meeting_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 3, person, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(q, 4, (long long)ord);
	store_bind_text_or_null(q, 5, text(im, v[2], "presenter"));
	sqlite3_bind_int64(q, 6, im->now);
	if (!imp_step_write(im, q, n, "saving a case"))
		return;
	/* closed: true — closed at the close check (✓済); import never reopens. */
	const char *closed = text(im, v[8], "closed");
	bool is_closed = closed && strcmp(closed, "true") == 0;
	if (closed && !is_closed && strcmp(closed, "false") != 0)
		ywalk_error(&im->w, v[8], "closed should be true or false");
	if (is_closed && (q = imp_stmt(im, close_sql)) != NULL) {
		sqlite3_bind_text(q, 1, id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(q, 2, im->now);
		if (!imp_step_write(im, q, n, "saving a case"))
			return;
	}

	const char *follows = text(im, v[3], "follows");
	if (follows && !store_uuid_valid(follows)) {
		ywalk_error(&im->w, v[3], "follows should be the id of an earlier case review");
	} else if (follows) {
		if (im->nfollows == im->capfollows) {
			im->capfollows = im->capfollows ? im->capfollows * 2 : 16;
			im->follows =
			    xreallocarray(im->follows, im->capfollows, sizeof *im->follows);
		}
		struct follow_ref *f = &im->follows[im->nfollows++];
		snprintf(f->case_id, sizeof f->case_id, "%s", id);
		snprintf(f->follows, sizeof f->follows, "%s", follows);
		f->file = im->w.file;
		f->line = (int)v[3]->start_mark.line + 1;
		f->col = (int)v[3]->start_mark.column + 1;
	}
	{
		FOR_EACH_ITEM(im, v[4], "phases", item, i)
		import_phase(im, item, id, i, tmpl);
	}
	{
		FOR_EACH_ITEM(im, v[5], "records", item, i)
		imp_record(im, item, meeting_id, id);
	}
	{
		FOR_EACH_ITEM(im, v[6], "regional_issues", item, i)
		import_issue_link(im, item, id);
	}
	/* Schema 2 keeps a case's actions in one place, the actions list of its
	 * case_plan record (doc/hacking.md, "Actions and regional issues"). */
	if (v[7])
		ywalk_error(&im->w, v[7],
			    "a case's actions are written in its case_plan record (records: - "
			    "form: case_plan, answers: {actions: [{who, what, due, status}]}); "
			    "the case-level 'actions' list is no longer read");
}

static void import_meeting(struct imp *im, const yaml_node_t *n)
{
	static const char *const keys[] = {"id",        "template",     "template_version",
					   "kind",      "title",        "date",
					   "start",     "end",          "place",
					   "purpose",   "target",       "reached",
					   "next_time", "participants", "records",
					   "cases",     "vision",       "agenda",
					   NULL};
	static const char find[] = "SELECT id FROM meeting WHERE date = ?1 AND title = ?2";
	/* The town's vision kept with the meeting (db/007, meeting.h). */
	static const char keep_vision[] =
	    "UPDATE meeting SET vision = ?2 WHERE id = ?1 AND vision IS NOT ?2";
	static const char sql[] =
	    "INSERT INTO meeting (id, template, template_version, kind, title, date, start_time, "
	    "end_time, place, purpose, target, reached, next_time, created, updated) VALUES (?1, "
	    "?2, ?3, ?4, ifnull(?5, ''), ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14) ON CONFLICT "
	    "(id) DO UPDATE SET template = ?2, template_version = ?3, kind = ?4, title = "
	    "coalesce(?5, title), date = ?6, start_time = coalesce(?7, start_time), end_time = "
	    "coalesce(?8, end_time), place = coalesce(?9, place), purpose = coalesce(?10, "
	    "purpose), target = coalesce(?11, target), reached = coalesce(?12, reached), "
	    "next_time = coalesce(?13, next_time), updated = ?14 WHERE (template, "
	    "template_version, kind, title, date, start_time, end_time, place, purpose, target, "
	    "reached, next_time) IS NOT (?2, ?3, ?4, coalesce(?5, title), ?6, coalesce(?7, "
	    "start_time), coalesce(?8, end_time), coalesce(?9, place), coalesce(?10, purpose), "
	    "coalesce(?11, target), coalesce(?12, reached), coalesce(?13, next_time))";
	yaml_node_t *v[sizeof keys / sizeof *keys - 1]; /* one per key */
	if (!ywalk_map(&im->w, n, "a meeting", keys, v))
		return;
	if (im->stats)
		im->stats->meetings++;
	const char *tmpl_id = text(im, v[1], "template");
	if (!tmpl_id) {
		ywalk_error(&im->w, n, "a meeting needs template: (the meeting template's id)");
		tmpl_id = "?";
	}
	const struct schema_meeting *tmpl =
	    im->st->forms ? schema_meeting_find(im->st->forms, tmpl_id) : NULL;
	if (!tmpl && v[1] && im->st->forms)
		ywalk_error(&im->w, v[1], "no meeting template '%s' (see kaigi forms list)",
			    tmpl_id);
	bool hv;
	long long version = int_text(im, v[2], "template_version", 1, 1000000, &hv);
	if (!hv)
		version = tmpl ? tmpl->version : 1;
	const char *kind = text(im, v[3], "kind");
	if (!kind)
		kind = tmpl && tmpl->kind ? tmpl->kind : "individual";
	const char *title = text(im, v[4], "title");
	const char *date = date_text(im, v[5], "date");
	if (!date) {
		if (!v[5])
			ywalk_error(&im->w, n, "a meeting needs a date (date: YYYY-MM-DD)");
		date = "0001-01-01"; /* a stand-in, so the children are checked too */
	}
	char id[STORE_ID_SIZE];
	if (!imp_resolve_id(im, v[0], find, date, title ? title : "", NULL, id, n))
		return;
	/* The same meeting twice in a file, or said differently by two files. */
	const char *place = text(im, v[8], "place");
	char *said = xasprintf("%s|%lld|%s|%s|%s|%s", tmpl_id, version, date, title ? title : "",
			       place ? place : "", kind);
	bool fresh = imp_seen_check(im, "meeting", id, said, n);
	free(said);
	if (!fresh)
		return;
	sqlite3_stmt *q = imp_stmt(im, sql);
	if (!q)
		return;
	sqlite3_bind_text(q, 1, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(q, 2, tmpl_id, -1, SQLITE_STATIC);
	sqlite3_bind_int64(q, 3, version);
	sqlite3_bind_text(q, 4, kind, -1, SQLITE_STATIC);
	store_bind_text_or_null(q, 5, title);
	sqlite3_bind_text(q, 6, date, -1, SQLITE_STATIC);
	store_bind_text_or_null(q, 7, time_text(im, v[6], "start"));
	store_bind_text_or_null(q, 8, time_text(im, v[7], "end"));
	store_bind_text_or_null(q, 9, text(im, v[8], "place"));
	store_bind_text_or_null(q, 10, text(im, v[9], "purpose"));
	store_bind_text_or_null(q, 11, text(im, v[10], "target"));
	store_bind_text_or_null(q, 12, text(im, v[11], "reached"));
	store_bind_text_or_null(q, 13, text(im, v[12], "next_time"));
	sqlite3_bind_int64(q, 14, im->now);
	if (!imp_step_write(im, q, n, "saving a meeting"))
		return;
	const char *vision = text(im, v[16], "vision");
	if (vision && (q = imp_stmt(im, keep_vision)) != NULL) {
		sqlite3_bind_text(q, 1, id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(q, 2, vision, -1, SQLITE_STATIC);
		if (!imp_step_write(im, q, v[16], "keeping the meeting's vision"))
			return;
	}
	{
		FOR_EACH_ITEM(im, v[13], "participants", item, i)
		import_participant(im, item, id, i);
	}
	{
		FOR_EACH_ITEM(im, v[14], "records", item, i)
		imp_record(im, item, id, NULL);
	}
	{
		FOR_EACH_ITEM(im, v[15], "cases", item, i)
		import_case(im, item, id, i, tmpl);
	}
	{
		FOR_EACH_ITEM(im, v[17], "agenda", item, i)
		imp_agenda_item(im, item, id, i);
	}
}

/* ---- files -------------------------------------------------------------- */

static void import_document(struct imp *im, yaml_document_t *doc)
{
	static const char *const keys[] = {"kaigi",    "version",         "people",
					   "meetings", "regional_issues", NULL};
	yaml_node_t *root = yaml_document_get_root_node(doc);
	if (!root) {
		ywalk_error(&im->w, NULL, "the file is empty");
		return;
	}
	yaml_node_t *v[sizeof keys / sizeof *keys - 1]; /* one per key */
	if (!ywalk_map(&im->w, root, "a record file", keys, v))
		return;
	const char *magic = text(im, v[0], "kaigi");
	if (!magic || strcmp(magic, "records") != 0) {
		ywalk_error(&im->w, v[0] ? v[0] : root,
			    "a record file starts with 'kaigi: records' (see doc/records.md)");
		return;
	}
	bool hv;
	long long version = int_text(im, v[1], "version", 1, 1000, &hv);
	if (hv && version != 1) {
		ywalk_error(&im->w, v[1],
			    "record format version %lld is newer than this kaigi reads (1)",
			    version);
		return;
	}
	{
		FOR_EACH_ITEM(im, v[2], "people", item, i)
		import_person(im, item);
	}
	{
		FOR_EACH_ITEM(im, v[4], "regional_issues", item, i)
		import_issue(im, item);
	}
	{
		FOR_EACH_ITEM(im, v[3], "meetings", item, i)
		import_meeting(im, item);
	}
}

static void import_one(struct imp *im, const char *name, const char *buf, size_t len,
		       struct kaigi_diags *diags)
{
	const struct kaigi_yaml_opts opts = {.holds = "set of records (remove the '---')"};
	yaml_document_t doc;
	if (kaigi_yaml_read(name, buf, len, &opts, &doc, diags) != KAIGI_OK)
		return;
	ywalk_init(&im->w, &doc, name, diags);
	import_document(im, &doc);
	yaml_document_delete(&doc);
}

static enum kaigi_status import_run(struct store *st, const char *const *names,
				    const char *const *bufs, const size_t *lens, size_t n,
				    const char *const *paths, struct store_import_stats *stats,
				    struct kaigi_diags *diags)
{
	struct imp im = {.st = st, .stats = stats, .now = store_now_ms()};
	if (stats)
		memset(stats, 0, sizeof *stats);
	struct kaigi_error err;
	if (!st->forms) {
		kaigi_diags_add(diags, KAIGI_EENV, NULL, 0, 0, "no forms loaded");
		return KAIGI_EENV;
	}
	if (store_begin(st, &err) != KAIGI_OK) {
		kaigi_diags_add_error(diags, &err);
		return err.status;
	}
	/* A large import touches many pages: a bigger cache saves rewrites. */
	sqlite3_exec(st->db, "PRAGMA cache_size=-65536", NULL, NULL, NULL);
	size_t before = diags->n;
	for (size_t i = 0; i < n; i++) {
		if (paths) {
			char *buf;
			size_t len;
			if (!memory_suffices(paths[i], diags))
				break;
			if (kaigi_file_read(paths[i], IMP_MAX_FILE, "a record file", &buf, &len,
					    &err) != KAIGI_OK) {
				kaigi_diags_add_error(diags, &err);
				continue;
			}
			import_one(&im, paths[i], buf, len, diags);
			free(buf);
		} else {
			import_one(&im, names[i], bufs[i], lens[i], diags);
		}
		if (im.w.stop && kaigi_diags_status(diags) == KAIGI_EENV)
			break;
	}
	imp_resolve_follows(&im, diags);
	free(im.follows);
	imp_seen_free(&im);
	sqlite3_exec(st->db, "PRAGMA cache_size=-2000", NULL, NULL, NULL);
	enum kaigi_status s = diags->n > before ? kaigi_diags_status(diags) : KAIGI_OK;
	if (s == KAIGI_OK && diags->n > before)
		s = KAIGI_EDATA;
	s = store_end(st, s, &err);
	if (s != KAIGI_OK && diags->n == before)
		kaigi_diags_add_error(diags, &err);
	if (s != KAIGI_OK && stats)
		stats->changes = 0;
	return s;
}

enum kaigi_status store_import_files(struct store *st, const char *const *paths, size_t npaths,
				     struct store_import_stats *stats, struct kaigi_diags *diags)
{
	return import_run(st, NULL, NULL, NULL, npaths, paths, stats, diags);
}

enum kaigi_status store_import_buffer(struct store *st, const char *name, const char *buf,
				      size_t len, struct store_import_stats *stats,
				      struct kaigi_diags *diags)
{
	const char *names[1] = {name};
	const char *bufs[1] = {buf};
	size_t lens[1] = {len};
	return import_run(st, names, bufs, lens, 1, NULL, stats, diags);
}

// SPDX-License-Identifier: MIT
/*
 * store_export_csv.c — `kaigi export csv`: tidy tables for spreadsheets.
 *
 * One table per form (a row per record, a column per field), one per grid
 * or list field (a row per grid row or list item, keyed to the record),
 * and tables for meetings, participants, cases and the regional issues
 * of the register.  (Actions are the case_plan.actions.csv list table.)
 * Excel on Japanese Windows reads CSV as Shift_JIS unless the
 * file starts with a UTF-8 BOM, so every file does; lines end in CRLF and
 * fields are quoted per RFC 4180, so answers with line breaks survive.
 * Every file is written and synced in a temporary folder beside the target
 * (DIR.tmp-PID), which is renamed to DIR when all are written: an export
 * that fails (a damaged page, a full disk) leaves no table behind.  Into a
 * folder that already holds files, each file is moved in by a rename once
 * all are written.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kaigi/csv.h"
#include "kaigi/file.h"
#include "kaigi/file_write.h"
#include "kaigi/identity.h"
#include "kaigi/scrub.h"
#include "kaigi/store_exchange.h"
#include "kaigi/strbuf.h"
#include "kaigi/xalloc.h"
#include "store_internal.h"

struct csv {
	const struct scrub_ctx *scrub; /* anonymised: scrub free text; else NULL */
	FILE *f;
	char *tmp, *path;
	bool row_started;
	int err; /* errno of the first write error */
};

/* An anonymised export says so in every file name: NAME.anonymised.csv. */
static bool csv_open(struct csv *c, const char *dir, const char *name,
		     const struct scrub_ctx *scrub, struct kaigi_error *err)
{
	memset(c, 0, sizeof *c);
	c->scrub = scrub;
	size_t stem = strlen(name) - (strlen(name) > 4 ? 4 : 0);
	c->path = scrub ? xasprintf("%s/%.*s.anonymised.csv", dir, (int)stem, name)
			: xasprintf("%s/%s", dir, name);
	c->tmp = xstrdup(c->path); /* the folder is the temporary (publish_dir) */
	kaigi_tmp_register(c->tmp);
	int fd = open(c->tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	c->f = fd >= 0 ? fdopen(fd, "wb") : NULL;
	if (!c->f) {
		kaigi_error_set(err, KAIGI_EENV, c->path, 0, 0, "cannot write: %s",
				strerror(errno));
		if (fd >= 0)
			close(fd);
		kaigi_tmp_forget(c->tmp);
		free(c->path);
		free(c->tmp);
		c->path = c->tmp = NULL;
		return false;
	}
	fputs("\xEF\xBB\xBF", c->f);
	return true;
}

static void csv_field(struct csv *c, const char *s)
{
	if (c->row_started)
		fputc(',', c->f);
	c->row_started = true;
	struct strbuf b = STRBUF_INIT;
	csv_cell_append(&b, s);
	if (b.len)
		fwrite(b.s, 1, b.len, c->f);
	strbuf_free(&b);
}

static void csv_int(struct csv *c, long long v)
{
	char buf[32];
	snprintf(buf, sizeof buf, "%lld", v);
	csv_field(c, buf);
}

/* An answer of field f (NULL: unknown).  Anonymised: a sensitive field is
 * left empty, free text scrubbed, and another value that would be scrubbed
 * (a date of birth in a date field) left empty. */
static void csv_value(struct csv *c, const struct schema_field *f, const struct kaigi_value *v)
{
	if (!v || v->type == KAIGI_NULL || (c->scrub && f && f->sensitive)) {
		csv_field(c, NULL);
		return;
	}
	char *t = kaigi_value_to_text(v);
	if (c->scrub && v->type == KAIGI_TEXT) {
		if (!f || f->type == SCHEMA_TEXT || f->type == SCHEMA_LONGTEXT)
			scrub_text_inplace(c->scrub, &t);
		else if (scrub_text_check(c->scrub, t) != SCRUB_NONE)
			*t = '\0';
	}
	csv_field(c, t);
	free(t);
}

/* Columns of the fixed tables that hold free text: scrubbed when
 * anonymised. */
static bool free_text_column(const char *name)
{
	static const char *const cols[] = {"title",       "place",     "purpose",   "target",
					   "reached",     "next_time", "statement", "note",
					   "description", "owner",     "value",     NULL};
	for (size_t i = 0; cols[i]; i++)
		if (strcmp(name, cols[i]) == 0)
			return true;
	return false;
}

static void csv_end_row(struct csv *c)
{
	fputs("\r\n", c->f);
	c->row_started = false;
}

/* Finish: flush, sync and rename, or remove on failure. */
static enum kaigi_status csv_close(struct csv *c, bool ok, struct kaigi_error *err)
{
	if (!c->f)
		return KAIGI_OK;
	enum kaigi_status s = KAIGI_OK;
	if (ok && (fflush(c->f) != 0 || ferror(c->f) || fsync(fileno(c->f)) != 0))
		s = kaigi_error_set(err, KAIGI_EENV, c->path, 0, 0, "cannot write: %s",
				    strerror(errno));
	if (fclose(c->f) != 0 && ok && s == KAIGI_OK)
		s = kaigi_error_set(err, KAIGI_EENV, c->path, 0, 0, "cannot write: %s",
				    strerror(errno));
	c->f = NULL;
	if (!ok || s != KAIGI_OK) {
		unlink(c->tmp);
		kaigi_tmp_forget(c->tmp);
	}
	free(c->tmp);
	free(c->path);
	c->tmp = c->path = NULL;
	return s;
}

/* Write the result of sql (one bound text: none) as a table with a header
 * taken from the column names. */
static enum kaigi_status query_table(struct store *st, const char *dir, const char *name,
				     const char *sql, const struct scrub_ctx *scrub,
				     struct kaigi_error *err)
{
	sqlite3_stmt *q = NULL;
	int rc = sqlite3_prepare_v2(st->db, sql, -1, &q, NULL);
	if (rc != SQLITE_OK)
		return store_fail(st, rc, err, "exporting");
	struct csv c;
	if (!csv_open(&c, dir, name, scrub, err)) {
		sqlite3_finalize(q);
		return err->status;
	}
	int n = sqlite3_column_count(q);
	for (int i = 0; i < n; i++)
		csv_field(&c, sqlite3_column_name(q, i));
	csv_end_row(&c);
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		for (int i = 0; i < n; i++) {
			const char *v = (const char *)sqlite3_column_text(q, i);
			if (scrub && v && free_text_column(sqlite3_column_name(q, i))) {
				char *t = scrub_text(scrub, v);
				csv_field(&c, t);
				free(t);
			} else {
				csv_field(&c, v);
			}
		}
		csv_end_row(&c);
	}
	sqlite3_finalize(q);
	if (rc != SQLITE_DONE) {
		csv_close(&c, false, err);
		return store_fail(st, rc, err, "exporting");
	}
	return csv_close(&c, true, err);
}

/* The keys every form table starts with. */
static void record_keys_header(struct csv *c)
{
	csv_field(c, "record_id");
	csv_field(c, "meeting_id");
	csv_field(c, "meeting_date");
	csv_field(c, "case_id");
	csv_field(c, "person_code");
}

static void record_keys(struct csv *c, sqlite3_stmt *q)
{
	for (int i = 0; i < 5; i++)
		csv_field(c, (const char *)sqlite3_column_text(q, i));
}

static bool plain(const struct schema_field *f)
{
	return f->type != SCHEMA_GRID && f->type != SCHEMA_LIST && f->type != SCHEMA_CALCULATE;
}

#define RECORDS_OF_FORM                                                                            \
	"SELECT r.id, r.meeting_id, m.date, r.case_id, p.code, r.form_version FROM form_record r " \
	"JOIN meeting m ON m.id = r.meeting_id LEFT JOIN case_review c ON c.id = r.case_id "       \
	"LEFT JOIN person p ON p.id = c.person_id WHERE r.meeting_id IN (SELECT id FROM "          \
	"temp.export_meeting) AND r.form = ?1 ORDER BY m.date, m.id, c.ord, r.id"

static enum kaigi_status form_tables(struct store *st, const struct schema_form *form,
				     const char *dir, const char *lang,
				     const struct scrub_ctx *scrub, struct kaigi_error *err)
{
	size_t nsub = 0;
	const struct schema_field **subs = NULL;
	for (size_t s = 0; s < form->nsections; s++)
		for (size_t i = 0; i < form->sections[s].nfields; i++) {
			const struct schema_field *f = &form->sections[s].fields[i];
			if (f->type == SCHEMA_GRID || f->type == SCHEMA_LIST) {
				subs = xreallocarray(subs, nsub + 1, sizeof *subs);
				subs[nsub++] = f;
			}
		}
	struct csv main_csv, *sub_csv = xcalloc(nsub ? nsub : 1, sizeof *sub_csv);
	char *name = xasprintf("%s.csv", form->id);
	bool ok = csv_open(&main_csv, dir, name, scrub, err);
	free(name);
	for (size_t i = 0; ok && i < nsub; i++) {
		name = xasprintf("%s.%s.csv", form->id, subs[i]->id);
		ok = csv_open(&sub_csv[i], dir, name, scrub, err);
		free(name);
	}
	enum kaigi_status s = ok ? KAIGI_OK : err->status;
	if (ok) {
		record_keys_header(&main_csv);
		csv_field(&main_csv, "form_version");
		for (size_t k = 0; k < form->nsections; k++)
			for (size_t i = 0; i < form->sections[k].nfields; i++)
				if (plain(&form->sections[k].fields[i]))
					csv_field(&main_csv, form->sections[k].fields[i].id);
		csv_end_row(&main_csv);
		for (size_t i = 0; i < nsub; i++) {
			const struct schema_field *f = subs[i];
			record_keys_header(&sub_csv[i]);
			if (f->type == SCHEMA_GRID) {
				csv_field(&sub_csv[i], "row");
				csv_field(&sub_csv[i], "row_label");
				for (size_t c = 0; c < f->ncolumns; c++)
					if (plain(&f->columns[c]))
						csv_field(&sub_csv[i], f->columns[c].id);
			} else {
				csv_field(&sub_csv[i], "item");
				csv_field(&sub_csv[i], "item_id");
				for (size_t c = 0; c < f->nfields; c++)
					if (plain(&f->fields[c]))
						csv_field(&sub_csv[i], f->fields[c].id);
			}
			csv_end_row(&sub_csv[i]);
		}
	}
	sqlite3_stmt *q = NULL;
	int rc = ok ? sqlite3_prepare_v2(st->db, RECORDS_OF_FORM, -1, &q, NULL) : SQLITE_OK;
	if (rc != SQLITE_OK)
		s = store_fail(st, rc, err, "exporting");
	if (q)
		sqlite3_bind_text(q, 1, form->id, -1, SQLITE_STATIC);
	while (q && s == KAIGI_OK && (rc = sqlite3_step(q)) == SQLITE_ROW) {
		struct store_record r;
		s = store_record_get(st, (const char *)sqlite3_column_text(q, 0), &r, err);
		if (s != KAIGI_OK)
			break;
		record_keys(&main_csv, q);
		csv_int(&main_csv, sqlite3_column_int64(q, 5));
		for (size_t k = 0; k < form->nsections; k++)
			for (size_t i = 0; i < form->sections[k].nfields; i++) {
				const struct schema_field *f = &form->sections[k].fields[i];
				if (!plain(f))
					continue;
				struct store_path p = {f->id, "", ""};
				csv_value(&main_csv, f, store_record_value(&r, &p));
			}
		csv_end_row(&main_csv);
		for (size_t i = 0; i < nsub; i++) {
			const struct schema_field *f = subs[i];
			struct csv *c = &sub_csv[i];
			if (f->type == SCHEMA_GRID) {
				for (size_t row = 0; row < f->nrows; row++) {
					const char *rid = f->rows[row].id;
					bool any = false;
					for (size_t a = 0; a < r.nanswers && !any; a++)
						any = !strcmp(r.answers[a].field, f->id) &&
						      !strcmp(r.answers[a].item, rid);
					if (!any)
						continue;
					record_keys(c, q);
					csv_field(c, rid);
					csv_field(c, schema_label_get(&f->rows[row].label, lang));
					for (size_t col = 0; col < f->ncolumns; col++) {
						if (!plain(&f->columns[col]))
							continue;
						struct store_path p = {f->id, rid,
								       f->columns[col].id};
						csv_value(c, f->sensitive ? f : &f->columns[col],
							  store_record_value(&r, &p));
					}
					csv_end_row(c);
				}
				continue;
			}
			long long no = 0;
			for (size_t it = 0; it < r.nitems; it++) {
				if (strcmp(r.items[it].field, f->id) != 0)
					continue;
				record_keys(c, q);
				csv_int(c, ++no);
				csv_field(c, r.items[it].id);
				for (size_t col = 0; col < f->nfields; col++) {
					if (!plain(&f->fields[col]))
						continue;
					struct store_path p = {f->id, r.items[it].id,
							       f->fields[col].id};
					csv_value(c, f->sensitive ? f : &f->fields[col],
						  store_record_value(&r, &p));
				}
				csv_end_row(c);
			}
		}
		store_record_clear(&r);
	}
	if (q && s == KAIGI_OK && rc != SQLITE_DONE)
		s = store_fail(st, rc, err, "exporting");
	sqlite3_finalize(q);
	enum kaigi_status cs = csv_close(&main_csv, s == KAIGI_OK, err);
	if (s == KAIGI_OK)
		s = cs;
	for (size_t i = 0; i < nsub; i++) {
		cs = csv_close(&sub_csv[i], s == KAIGI_OK, err);
		if (s == KAIGI_OK)
			s = cs;
	}
	free(sub_csv);
	free(subs);
	return s;
}

/* Records whose form is not installed: every answer as a key-value row. */
static enum kaigi_status raw_table(struct store *st, const char *dir, struct kaigi_diags *warnings,
				   const struct scrub_ctx *scrub, struct kaigi_error *err)
{
	static const char forms_sql[] =
	    "SELECT DISTINCT form FROM form_record WHERE meeting_id IN (SELECT id FROM "
	    "temp.export_meeting) ORDER BY form";
	struct strbuf missing = STRBUF_INIT;
	sqlite3_stmt *q = NULL;
	int rc = sqlite3_prepare_v2(st->db, forms_sql, -1, &q, NULL);
	while (q && (rc = sqlite3_step(q)) == SQLITE_ROW) {
		const char *form = (const char *)sqlite3_column_text(q, 0);
		if (st->forms && schema_form_find(st->forms, form))
			continue;
		kaigi_diags_add(warnings, KAIGI_OK, NULL, 0, 0,
				"form '%s' is not installed: its records are exported raw to "
				"raw_answers.csv",
				form);
		char *quoted = sqlite3_mprintf("%s%Q", missing.len ? "," : "", form);
		strbuf_append(&missing, quoted);
		sqlite3_free(quoted);
	}
	sqlite3_finalize(q);
	if (rc != SQLITE_DONE) {
		strbuf_free(&missing);
		return store_fail(st, rc, err, "exporting");
	}
	if (!missing.len) {
		strbuf_free(&missing);
		return KAIGI_OK;
	}
	char *sql = xasprintf(
	    "SELECT r.id AS record_id, r.form, r.form_version, m.date AS meeting_date, r.case_id, "
	    "p.code AS person_code, a.field, a.item, ifnull(i.ord + 1, '') AS item_no, a.col, "
	    "a.value FROM answer a JOIN form_record r ON r.id = a.record_id JOIN meeting m ON "
	    "m.id = r.meeting_id LEFT JOIN case_review c ON c.id = r.case_id LEFT JOIN person p "
	    "ON p.id = c.person_id LEFT JOIN list_item i ON i.id = a.item WHERE r.form IN (%s) "
	    "AND r.meeting_id IN (SELECT id FROM temp.export_meeting) ORDER BY m.date, r.id, "
	    "a.field, i.ord, a.item, a.col",
	    strbuf_str(&missing));
	strbuf_free(&missing);
	enum kaigi_status s = query_table(st, dir, "raw_answers.csv", sql, scrub, err);
	free(sql);
	return s;
}

static enum kaigi_status export_tables(struct store *st, const struct store_export_filter *filter,
				       const char *dir, struct kaigi_diags *warnings,
				       struct kaigi_error *err)
{
	static const char meetings[] =
	    "SELECT id, template, kind, title, date, start_time AS start, end_time AS end, place, "
	    "purpose, target, reached, next_time, vision FROM meeting WHERE id IN (SELECT id FROM "
	    "temp.export_meeting) ORDER BY date, start_time, id";
	static const char participants[] =
	    "SELECT m.id AS meeting_id, m.date AS meeting_date, p.id, p.name, p.organisation, "
	    "p.profession, p.role, p.present FROM participant p JOIN meeting m ON m.id = "
	    "p.meeting_id WHERE m.id "
	    "IN (SELECT id FROM temp.export_meeting) ORDER BY m.date, m.id, p.ord";
	static const char cases[] =
	    "SELECT m.id AS meeting_id, m.date AS meeting_date, c.id AS case_id, c.ord + 1 AS "
	    "case_no, p.code AS person_code, p.initials, p.birth_year, p.age_band, p.sex, p.area, "
	    "c.presenter, c.follows FROM case_review c JOIN meeting m ON m.id = c.meeting_id JOIN "
	    "person p ON p.id = c.person_id WHERE m.id IN (SELECT id FROM temp.export_meeting) "
	    "ORDER BY m.date, m.id, c.ord";
	static const char issues[] =
	    "SELECT r.id AS issue_id, r.title, r.policy, r.status, r.owner, r.category, r.area, "
	    "r.measure, r.decided, r.indicator, r.indicator_key, r.baseline, r.baseline_date, "
	    "r.target, r.target_date, r.result, r.result_date, m.date AS meeting_date, c.id AS "
	    "case_id, p.code AS person_code, l.statement, l.note "
	    "FROM regional_issue_case l JOIN regional_issue "
	    "r ON r.id = l.issue_id JOIN case_review c ON c.id = l.case_id JOIN meeting m ON m.id "
	    "= c.meeting_id JOIN person p ON p.id = c.person_id WHERE m.id IN (SELECT id FROM "
	    "temp.export_meeting) ORDER BY r.title, m.date, p.code";
	/* Anonymised: no participant names, initials, birth years or presenters. */
	static const char participants_anon[] =
	    "SELECT m.id AS meeting_id, m.date AS meeting_date, p.id, p.organisation, p.role, "
	    "p.present FROM participant p JOIN meeting m ON m.id = p.meeting_id WHERE m.id IN "
	    "(SELECT id FROM temp.export_meeting) ORDER BY m.date, m.id, p.ord";
	static const char cases_anon[] =
	    "SELECT m.id AS meeting_id, m.date AS meeting_date, c.id AS case_id, c.ord + 1 AS "
	    "case_no, p.code AS person_code, p.age_band, p.sex, p.area, c.follows FROM "
	    "case_review c JOIN meeting m ON m.id = c.meeting_id JOIN person p ON p.id = "
	    "c.person_id WHERE m.id IN (SELECT id FROM temp.export_meeting) ORDER BY m.date, "
	    "m.id, c.ord";
	/* --identity: the people's identity, a table of its own. */
	static const char people_identity[] =
	    "SELECT p.code AS person_code, i.name, i.kana, i.birth_date, i.address, i.phone, "
	    "i.insured_no FROM person_identity i JOIN person p ON p.id = i.person_id WHERE p.id IN "
	    "(SELECT person_id FROM case_review WHERE meeting_id IN (SELECT id FROM "
	    "temp.export_meeting)) ORDER BY p.code";
	enum kaigi_status s = store_exec(st, "BEGIN", err);
	if (s != KAIGI_OK)
		return s;
	struct scrub_ctx *scrub = NULL;
	bool anon = filter && filter->anonymised;
	s = store_export_select(st, filter, err);
	if (s == KAIGI_OK && anon) /* every person known: see store_export_yaml */
		s = store_scrub_ctx_meeting(st, NULL, &scrub, err);
	if (s == KAIGI_OK)
		s = query_table(st, dir, "meetings.csv", meetings, scrub, err);
	if (s == KAIGI_OK)
		s = query_table(st, dir, "participants.csv",
				anon ? participants_anon : participants, scrub, err);
	if (s == KAIGI_OK)
		s = query_table(st, dir, "cases.csv", anon ? cases_anon : cases, scrub, err);
	if (s == KAIGI_OK)
		s = query_table(st, dir, "regional_issues.csv", issues, scrub, err);
	if (s == KAIGI_OK && filter && filter->identity && !anon)
		s = query_table(st, dir, "people_identity.csv", people_identity, NULL, err);
	/* A table per form that has records among the chosen meetings. */
	sqlite3_stmt *used = NULL;
	int rc = sqlite3_prepare_v2(st->db,
				    "SELECT 1 FROM form_record WHERE form = ?1 AND meeting_id IN "
				    "(SELECT id FROM temp.export_meeting) LIMIT 1",
				    -1, &used, NULL);
	if (s == KAIGI_OK && rc != SQLITE_OK)
		s = store_fail(st, rc, err, "exporting");
	for (size_t i = 0; s == KAIGI_OK && st->forms && i < st->forms->nforms; i++) {
		sqlite3_reset(used);
		sqlite3_bind_text(used, 1, st->forms->forms[i]->id, -1, SQLITE_STATIC);
		if (sqlite3_step(used) == SQLITE_ROW)
			s = form_tables(st, st->forms->forms[i], dir, st->lang, scrub, err);
	}
	sqlite3_finalize(used);
	if (s == KAIGI_OK)
		s = raw_table(st, dir, warnings, scrub, err);
	scrub_ctx_free(scrub);
	store_exec(st, "COMMIT", NULL);
	return s;
}

/* Remove the temporary folder and the tables in it. */
static void drop_dir(const char *tmp)
{
	DIR *d = opendir(tmp);
	struct dirent *e;
	while (d && (e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		char *p = xasprintf("%s/%s", tmp, e->d_name);
		unlink(p);
		kaigi_tmp_forget(p);
		free(p);
	}
	if (d)
		closedir(d);
	rmdir(tmp);
}

/* Move the finished tables to dir: the folder at once when dir is new or
 * empty, else table by table. */
static enum kaigi_status publish_dir(const char *tmp, const char *dir, struct kaigi_error *err)
{
	if (rename(tmp, dir) == 0) {
		kaigi_fsync_parent(dir);
		return KAIGI_OK;
	}
	if (errno != EEXIST && errno != ENOTEMPTY && errno != EISDIR)
		return kaigi_error_set(err, KAIGI_EENV, dir, 0, 0, "cannot write the folder: %s",
				       strerror(errno));
	struct stat sb;
	if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode))
		return kaigi_error_set(err, KAIGI_EUSAGE, dir, 0, 0,
				       "cannot write the tables here: this is not a folder");
	DIR *d = opendir(tmp);
	enum kaigi_status s = KAIGI_OK;
	struct dirent *e;
	while (s == KAIGI_OK && d && (e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		char *from = xasprintf("%s/%s", tmp, e->d_name);
		char *to = xasprintf("%s/%s", dir, e->d_name);
		if (rename(from, to) != 0)
			s = kaigi_error_set(err, KAIGI_EENV, to, 0, 0, "cannot write: %s",
					    strerror(errno));
		free(from);
		free(to);
	}
	if (d)
		closedir(d);
	if (s == KAIGI_OK) {
		char *probe = xasprintf("%s/.", dir);
		kaigi_fsync_parent(probe);
		free(probe);
	}
	return s;
}

enum kaigi_status store_export_csv(struct store *st, const struct store_export_filter *filter,
				   const char *dir, struct kaigi_diags *warnings,
				   struct kaigi_error *err)
{
	struct stat sb;
	if (stat(dir, &sb) == 0 && !S_ISDIR(sb.st_mode))
		return kaigi_error_set(err, KAIGI_EUSAGE, dir, 0, 0,
				       "cannot write the tables here: this is %s; give a folder",
				       kaigi_file_kind(sb.st_mode));
	kaigi_tmp_sweep(dir);
	char *tmp = xasprintf("%s.tmp-%ld", dir, (long)getpid());
	drop_dir(tmp); /* ours, from an export that did not finish */
	kaigi_tmp_register_dir(tmp);
	enum kaigi_status s = KAIGI_OK;
	if (mkdir(tmp, 0700) != 0)
		s = kaigi_error_set(err, KAIGI_EENV, dir, 0, 0, "cannot create the folder: %s",
				    strerror(errno));
	if (s == KAIGI_OK)
		s = export_tables(st, filter, tmp, warnings, err);
	if (s == KAIGI_OK)
		s = publish_dir(tmp, dir, err);
	drop_dir(tmp);
	kaigi_tmp_forget_dir(tmp);
	free(tmp);
	return s;
}

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
 * Each file is written to NAME.tmp, synced, and renamed: whole or absent.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kaigi/strbuf.h"
#include "kaigi/xalloc.h"
#include "store_internal.h"

struct csv {
	FILE *f;
	char *tmp, *path;
	bool row_started;
	int err; /* errno of the first write error */
};

static bool csv_open(struct csv *c, const char *dir, const char *name, struct kaigi_error *err)
{
	memset(c, 0, sizeof *c);
	c->path = xasprintf("%s/%s", dir, name);
	c->tmp = xasprintf("%s.tmp", c->path);
	int fd = open(c->tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	c->f = fd >= 0 ? fdopen(fd, "wb") : NULL;
	if (!c->f) {
		kaigi_error_set(err, KAIGI_EENV, c->path, 0, 0, "cannot write: %s",
				strerror(errno));
		if (fd >= 0)
			close(fd);
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
	if (!s)
		return;
	if (!s[strcspn(s, ",\"\r\n")] && s[0] != ' ' && (!*s || s[strlen(s) - 1] != ' ')) {
		fputs(s, c->f);
		return;
	}
	fputc('"', c->f);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', c->f);
		fputc(*s, c->f);
	}
	fputc('"', c->f);
}

static void csv_int(struct csv *c, long long v)
{
	char buf[32];
	snprintf(buf, sizeof buf, "%lld", v);
	csv_field(c, buf);
}

static void csv_value(struct csv *c, const struct kaigi_value *v)
{
	if (!v || v->type == KAIGI_NULL) {
		csv_field(c, NULL);
		return;
	}
	char *t = kaigi_value_to_text(v);
	csv_field(c, t);
	free(t);
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
	if (ok && s == KAIGI_OK && rename(c->tmp, c->path) != 0)
		s = kaigi_error_set(err, KAIGI_EENV, c->path, 0, 0, "cannot write: %s",
				    strerror(errno));
	if (!ok || s != KAIGI_OK)
		unlink(c->tmp);
	free(c->tmp);
	free(c->path);
	c->tmp = c->path = NULL;
	return s;
}

/* Write the result of sql (one bound text: none) as a table with a header
 * taken from the column names. */
static enum kaigi_status query_table(struct store *st, const char *dir, const char *name,
				     const char *sql, struct kaigi_error *err)
{
	sqlite3_stmt *q = NULL;
	int rc = sqlite3_prepare_v2(st->db, sql, -1, &q, NULL);
	if (rc != SQLITE_OK)
		return store_fail(st, rc, err, "exporting");
	struct csv c;
	if (!csv_open(&c, dir, name, err)) {
		sqlite3_finalize(q);
		return err->status;
	}
	int n = sqlite3_column_count(q);
	for (int i = 0; i < n; i++)
		csv_field(&c, sqlite3_column_name(q, i));
	csv_end_row(&c);
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		for (int i = 0; i < n; i++)
			csv_field(&c, (const char *)sqlite3_column_text(q, i));
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
				     const char *dir, const char *lang, struct kaigi_error *err)
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
	bool ok = csv_open(&main_csv, dir, name, err);
	free(name);
	for (size_t i = 0; ok && i < nsub; i++) {
		name = xasprintf("%s.%s.csv", form->id, subs[i]->id);
		ok = csv_open(&sub_csv[i], dir, name, err);
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
				csv_value(&main_csv, store_record_value(&r, &p));
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
						csv_value(c, store_record_value(&r, &p));
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
					csv_value(c, store_record_value(&r, &p));
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
				   struct kaigi_error *err)
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
	enum kaigi_status s = query_table(st, dir, "raw_answers.csv", sql, err);
	free(sql);
	return s;
}

enum kaigi_status store_export_csv(struct store *st, const struct store_export_filter *filter,
				   const char *dir, struct kaigi_diags *warnings,
				   struct kaigi_error *err)
{
	static const char meetings[] =
	    "SELECT id, template, kind, title, date, start_time AS start, end_time AS end, place, "
	    "purpose, target, reached, next_time FROM meeting WHERE id IN (SELECT id FROM "
	    "temp.export_meeting) ORDER BY date, start_time, id";
	static const char participants[] =
	    "SELECT m.id AS meeting_id, m.date AS meeting_date, p.id, p.name, p.organisation, "
	    "p.role, p.present FROM participant p JOIN meeting m ON m.id = p.meeting_id WHERE m.id "
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
	if (mkdir(dir, 0700) != 0 && errno != EEXIST)
		return kaigi_error_set(err, KAIGI_EENV, dir, 0, 0, "cannot create the folder: %s",
				       strerror(errno));
	enum kaigi_status s = store_exec(st, "BEGIN", err);
	if (s != KAIGI_OK)
		return s;
	s = store_export_select(st, filter, err);
	if (s == KAIGI_OK)
		s = query_table(st, dir, "meetings.csv", meetings, err);
	if (s == KAIGI_OK)
		s = query_table(st, dir, "participants.csv", participants, err);
	if (s == KAIGI_OK)
		s = query_table(st, dir, "cases.csv", cases, err);
	if (s == KAIGI_OK)
		s = query_table(st, dir, "regional_issues.csv", issues, err);
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
			s = form_tables(st, st->forms->forms[i], dir, st->lang, err);
	}
	sqlite3_finalize(used);
	if (s == KAIGI_OK)
		s = raw_table(st, dir, warnings, err);
	store_exec(st, "COMMIT", NULL);
	return s;
}

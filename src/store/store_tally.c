// SPDX-License-Identifier: MIT
/*
 * store_tally.c — the town's tallies (kaigi/tally.h): for the case reviews
 * of a period and area, how many had an issue of each category, each
 * ADL/IADL row rated as a problem, each key problem code, each raised
 * regional issue — and how many of each area.
 *
 * What each review counts for is kept in tally_hit (db/011_tally.sql: one
 * index range per period, emptied by triggers for a review whenever
 * anything it was counted from changes); the reviews not kept yet are
 * counted from their answers by one SQL statement, kept by a writer and
 * counted in the query itself by a reader.  What counts as a problem is read
 * from the forms, never written here: the choices marked `problem: true`
 * on each grid's rating column (row by row, since a row may have its own
 * scale) and the selects marked `tally: true` are handed in as JSON, so a
 * town that marks other ratings or other fields gets its own tallies.
 *
 * Raised wordings that differ by a word or two ("服薬管理の支援が足りない" /
 * "服薬管理の支援が不足している") are grouped here, in C, by the Dice
 * coefficient of their character trigrams: the few hundred distinct
 * wordings of a year compare in well under a millisecond.  The user merges
 * a group (wording_merge, db/004) and it is then counted as one line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kaigi/field_ids.h"
#include "kaigi/hash.h"
#include "kaigi/strbuf.h"
#include "kaigi/tally.h"
#include "kaigi/xalloc.h"
#include "store_followup.h"
#include "store_spec.h"

/* Wordings at least this similar are grouped under one line. */
#define TALLY_SIMILAR 0.5

/* The counts of areas, a line's or the whole tally's. */
static void areas_free(struct store_tally_area *areas, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(areas[i].area);
	free(areas);
}

static void line_clear(struct store_tally_line *l)
{
	free(l->key);
	free(l->form);
	free(l->field);
	free(l->item);
	areas_free(l->areas, l->nareas);
}

void store_tally_free(struct store_tally *t)
{
	for (size_t i = 0; i < t->n; i++)
		line_clear(&t->v[i]);
	free(t->v);
	areas_free(t->areas, t->nareas);
	memset(t, 0, sizeof *t);
}

/* ---- what the forms declare ------------------------------------------------ */

static void json_str(struct strbuf *b, const char *s)
{
	strbuf_append(b, "\"");
	for (; s && *s; s++) {
		if (*s == '"' || *s == '\\')
			strbuf_appendf(b, "\\%c", *s);
		else if ((unsigned char)*s < 0x20)
			strbuf_appendf(b, "\\u%04x", (unsigned char)*s);
		else
			strbuf_appendf(b, "%c", *s);
	}
	strbuf_append(b, "\"");
}

/*
 * The entries [kind, form, field, item, col, vals, mask] of the tally spec
 * [entry, …] that a form declares, so each record is read only for the
 * fields its form has:
 *   0  a list `issues` with a `category` (form, "issues")
 *   1  a grid's rating column with its problem ratings: mask, a bit per
 *      rating when every row has the same ones (ADL grids), else vals
 *      ",ROW:VALUE,ROW:VALUE," (one range read per record, not a seek per row)
 *   2  a select marked tally (form, field), and
 *   5  each of its choices (form, field, value)
 *   3  a list `regional_issues` (form, "regional_issues")
 */
static void tally_form(struct store_spec_buf *s, const struct schema_form *form)
{
	struct strbuf *b = &s->b;
	const struct schema_field *il = schema_field_find(form, KAIGI_FIELD_ISSUES);
	if (il && il->type == SCHEMA_LIST && schema_subfield_find(il, KAIGI_FIELD_CATEGORY))
		strbuf_appendf(b, "%s[0,\"%s\",\"issues\",\"\",\"\",\"\"]", store_spec_sep(s),
			       form->id);
	const struct schema_field *rl = schema_field_find(form, KAIGI_FIELD_REGIONAL_ISSUES);
	if (rl && rl->type == SCHEMA_LIST)
		strbuf_appendf(b, "%s[3,\"%s\",\"regional_issues\",\"\",\"\",\"\"]",
			       store_spec_sep(s), form->id);
	for (size_t si = 0; si < form->nsections; si++)
		for (size_t fi = 0; fi < form->sections[si].nfields; fi++) {
			const struct schema_field *f = &form->sections[si].fields[fi];
			if (f->type == SCHEMA_GRID) {
				size_t col = store_fu_rating_column(f);
				struct strbuf v = STRBUF_INIT;
				/* The same problem ratings on every row, all
				 * in 0…62: a bit mask, tested without strings. */
				long long mask = -1;
				for (size_t r = 0; col != (size_t)-1 && r < f->nrows; r++) {
					const struct schema_choice_list *cl =
					    schema_cell_choices(f, &f->rows[r], col);
					long long m = 0;
					for (size_t k = 0; cl && k < cl->n; k++) {
						if (!cl->v[k].problem)
							continue;
						strbuf_appendf(&v, ",%s:%s", f->rows[r].id,
							       cl->v[k].value);
						long n = strtol(cl->v[k].value, NULL, 10);
						m = n >= 0 && n <= 62 && m >= 0 ? m | 1LL << n : -2;
					}
					mask = r == 0 ? m : mask == m ? mask : -2;
				}
				/* Ids are checked words, values whole numbers. */
				if (v.len && mask > 0)
					strbuf_appendf(b,
						       "%s[1,\"%s\",\"%s\",\"\",\"%s\",\"\",%lld]",
						       store_spec_sep(s), form->id, f->id,
						       f->columns[col].id, mask);
				else if (v.len)
					strbuf_appendf(
					    b, "%s[1,\"%s\",\"%s\",\"\",\"%s\",\"%s,\",null]",
					    store_spec_sep(s), form->id, f->id, f->columns[col].id,
					    v.s);
				strbuf_free(&v);
			} else if (f->tally && f->choices) {
				strbuf_appendf(b, "%s[2,\"%s\",\"%s\",\"\",\"\",\"\"]",
					       store_spec_sep(s), form->id, f->id);
				for (size_t k = 0; k < f->choices->n; k++) {
					strbuf_appendf(b, "%s[5,\"%s\",\"%s\",", store_spec_sep(s),
						       form->id, f->id);
					json_str(b, f->choices->v[k].value);
					strbuf_append(b, ",\"\",\"\"]");
				}
			}
		}
}

/* ---- the count ---------------------------------------------------------------- */

/*
 * Whether some review of the period (?1 ?2, area ?3) is not kept for the
 * spec ?5: kept rows are only ever of reviews that exist with that date and
 * area (the triggers delete the others), so equal counts mean all are kept.
 * Both counts are index ranges: a millisecond for a 年度.
 */
/* clang-format off */
#define TALLY_INCOMPLETE                                                                           \
	"(SELECT count(*) FROM meeting m CROSS JOIN case_review c ON c.meeting_id = m.id "        \
	"  WHERE m.date BETWEEN ifnull(?1, '') AND ifnull(?2, '9999') "                            \
	"  AND (?3 IS NULL OR (SELECT area FROM person WHERE id = c.person_id) = ?3)) <> "         \
	"(SELECT count(*) FROM tally_hit WHERE spec = ?5 AND kind = -1 "                          \
	"  AND date BETWEEN ifnull(?1, '') AND ifnull(?2, '9999') AND (?3 IS NULL OR area = ?3))"

#define TALLY_CTE                                                                                  \
	"WITH spec (kind, form, field, item, col, vals, mask) AS MATERIALIZED ("                   \
	"  SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, "  \
	"  value ->> 6 "                                                                           \
	"  FROM json_each(?4)), "                                                                  \
	"cs AS MATERIALIZED ("                                                                     \
	"  SELECT c.id, ifnull(p.area, '') AS area, m.date FROM meeting m "                        \
	"  CROSS JOIN case_review c ON c.meeting_id = m.id JOIN person p ON p.id = c.person_id "   \
	"  WHERE m.date BETWEEN ifnull(?1, '') AND ifnull(?2, '9999') "                            \
	"  AND (?3 IS NULL OR p.area = ?3) AND " TALLY_INCOMPLETE " "                             \
	"  AND NOT EXISTS (SELECT 1 FROM tally_hit t WHERE t.case_id = c.id AND t.spec = ?5 "      \
	"  AND t.kind = -1)), "                                                                    \
	"rec AS MATERIALIZED ("                                                                    \
	"  SELECT cs.id, cs.area, cs.date, r.id AS rid, r.form, s.kind, s.field, s.col, s.vals, "  \
	"  s.mask "                                                                                \
	"  FROM cs "                                                                               \
	"  CROSS JOIN form_record r ON r.case_id = cs.id "                                         \
	"  CROSS JOIN spec s ON s.form = r.form AND s.kind IN (0, 1, 2, 3)), "                     \
	"hit (kind, form, field, item, id, area, date) AS ("                                             \
	"  SELECT -1, '', '', '', id, area, date FROM cs "                                               \
	"  UNION ALL SELECT DISTINCT 0, '', '" KAIGI_FIELD_ISSUES "', a.value, rec.id, rec.area, rec.date FROM rec " \
	"    CROSS JOIN answer a ON a.record_id = rec.rid AND a.field = rec.field "                \
	"    WHERE rec.kind = 0 AND a.col = '" KAIGI_FIELD_CATEGORY "' "                           \
	"  UNION ALL SELECT 1, rec.form, rec.field, a.item, rec.id, rec.area, rec.date FROM rec "            \
	"    CROSS JOIN answer a ON a.record_id = rec.rid AND a.field = rec.field "                \
	"    WHERE rec.kind = 1 AND a.col = rec.col "                                              \
	"      AND CASE WHEN rec.mask IS NOT NULL THEN typeof(a.value) = 'integer' "               \
	"        AND a.value BETWEEN 0 AND 62 AND (rec.mask >> a.value) & 1 "                      \
	"      ELSE instr(rec.vals, ',' || a.item || ':' || a.value || ',') > 0 END "              \
	"  UNION ALL SELECT 2, c.form, c.field, c.item, rec.id, rec.area, rec.date FROM rec "                \
	"    CROSS JOIN answer a ON a.record_id = rec.rid AND a.field = rec.field "                \
	"      AND a.item = '' AND a.col = '' "                                                    \
	"    CROSS JOIN spec c ON c.kind = 5 AND c.form = rec.form AND c.field = rec.field "       \
	"    WHERE rec.kind = 2 AND instr(' ' || a.value || ' ', ' ' || c.item || ' ') > 0 "       \
	"  UNION ALL SELECT DISTINCT 3, '', '" KAIGI_FIELD_REGIONAL_ISSUES "', "                   \
	"    coalesce(w.into_statement, a.value), "                                                \
	"    rec.id, rec.area, rec.date FROM rec "                                                           \
	"    CROSS JOIN answer a ON a.record_id = rec.rid AND a.field = rec.field "                \
	"    LEFT JOIN wording_merge w ON w.statement = a.value "                                  \
	"    WHERE rec.kind = 3 AND a.col = '" KAIGI_FIELD_STATEMENT "' AND a.value <> ''), "      \
	"allhit AS ("                                                                              \
	"  SELECT kind, form, field, item, case_id AS id, area FROM tally_hit "                    \
	"  WHERE spec = ?5 AND kind IN (-1, 0, 1, 2, 3) "                                          \
	"  AND date BETWEEN ifnull(?1, '') AND ifnull(?2, '9999') "                                \
	"  AND (?3 IS NULL OR area = ?3) "                                                         \
	"  UNION ALL SELECT kind, form, field, item, id, area FROM hit) "
/* clang-format on */

/* Keep the hits of the period's reviews not kept yet (a writer only); the
 * allhit part of TALLY_CTE is there for the query's sake, unused here. */
static const char tally_fill_sql[] =
    "INSERT OR IGNORE INTO tally_hit (case_id, spec, kind, form, field, item, date, "
    "area) " TALLY_CTE "SELECT id, ?5, kind, form, field, item, date, area FROM hit";

/* Rows kept for another spec (the forms changed) are never read again:
 * whether there are any, whether reviews of the period are missing (both
 * read, so a tally with nothing to keep takes no write lock), and the
 * delete. */
static const char tally_state_sql[] =
    "SELECT EXISTS (SELECT 1 FROM tally_hit WHERE spec < ?5) "
    "OR EXISTS (SELECT 1 FROM tally_hit WHERE spec > ?5), " TALLY_INCOMPLETE;
static const char tally_stale_sql[] = "DELETE FROM tally_hit WHERE spec < ?1 OR spec > ?1";

/* Bind the period (?1 ?2 ?3), the spec (?4) and its hash (?5). */
static void bind_period(sqlite3_stmt *q, const struct store_period *p, const char *spec,
			long long hash, const void *unused)
{
	(void)unused;
	store_bind_period(q, p);
	sqlite3_bind_text(q, 4, spec, -1, SQLITE_STATIC);
	sqlite3_bind_int64(q, 5, hash);
}

/*
 * Count the period's reviews not counted yet into tally_hit, each statement
 * its own transaction.  A read-only store, or another writer holding the
 * lock, leaves the work to the query, which counts from the answers
 * whatever is not kept.
 */
static void tally_fill(struct store *st, const struct store_period *p, const char *spec,
		       long long hash)
{
	struct kaigi_error ignored;
	if (st->read_only)
		return;
	sqlite3_stmt *q = store_stmt(st, tally_state_sql, &ignored);
	if (!q)
		return;
	bind_period(q, p, spec, hash, NULL);
	bool stale = false, missing = true;
	if (sqlite3_step(q) == SQLITE_ROW) {
		stale = sqlite3_column_int(q, 0) != 0;
		missing = sqlite3_column_int(q, 1) != 0;
	}
	sqlite3_reset(q);
	sqlite3_clear_bindings(q);
	sqlite3_stmt *d = stale ? store_stmt(st, tally_stale_sql, &ignored) : NULL;
	if (d) {
		sqlite3_bind_int64(d, 1, hash);
		sqlite3_step(d);
		sqlite3_reset(d);
		sqlite3_clear_bindings(d);
	}
	sqlite3_stmt *f = missing ? store_stmt(st, tally_fill_sql, &ignored) : NULL;
	if (f) {
		bind_period(f, p, spec, hash, NULL);
		sqlite3_step(f);
		sqlite3_reset(f);
		sqlite3_clear_bindings(f);
	}
}

static char *line_key(int kind, const char *form, const char *field, const char *item)
{
	switch (kind) {
	case STORE_TALLY_CATEGORY:
		return xasprintf("category:%s", item);
	case STORE_TALLY_ROW:
	case STORE_TALLY_CODE:
		return xasprintf("%s:%s/%s/%s", kind == STORE_TALLY_ROW ? "row" : "code", form,
				 field, item);
	default:
		return xasprintf("raised:%s", item);
	}
}

static int line_cmp(const void *a, const void *b)
{
	const struct store_tally_line *x = a, *y = b;
	if (x->kind != y->kind)
		return (int)x->kind - (int)y->kind;
	if (x->cases != y->cases)
		return x->cases > y->cases ? -1 : 1;
	return strcmp(x->key, y->key);
}

/* Group near-identical raised wordings under the line with more cases:
 * each line goes under the most similar earlier head, and the list is
 * reordered so that a head's wordings follow it. */
static void group_similar(struct store_tally *t)
{
	size_t first = 0;
	while (first < t->n && t->v[first].kind != STORE_TALLY_RAISED)
		first++;
	size_t n = t->n - first;
	if (n < 2)
		return;
	struct store_tally_line *r = t->v + first;
	for (size_t j = 1; j < n; j++) {
		double best = 0;
		for (size_t i = 0; i < j; i++) {
			if (r[i].similar_to != (size_t)-1)
				continue;
			double s = store_text_similarity(r[i].item, r[j].item);
			if (s >= TALLY_SIMILAR && s > best) {
				best = s;
				r[j].similar_to = i;
				r[j].similarity = s;
			}
		}
	}
	struct store_tally_line *out = xcalloc(n, sizeof *out);
	size_t *pos = xcalloc(n, sizeof *pos), k = 0;
	for (size_t i = 0; i < n; i++) {
		if (r[i].similar_to != (size_t)-1)
			continue;
		pos[i] = k;
		out[k++] = r[i];
		for (size_t j = i + 1; j < n; j++)
			if (r[j].similar_to == i) {
				out[k] = r[j];
				out[k++].similar_to = first + pos[i];
			}
	}
	memcpy(r, out, n * sizeof *out);
	free(out);
	free(pos);
}

/*
 * The hits are counted here rather than by SQL's GROUP BY: a year is some
 * ninety thousand hits, and sorting them on five text columns cost more
 * than reading them.  Each hit is one case (the SQL drops the repeats a
 * case can have), so a line's count in an area is its number of hits.
 */
struct line_map {
	size_t *slot; /* index + 1 into the list, 0 empty */
	size_t cap;
};

/* h with s and a separator folded in. */
static unsigned long hash_str(unsigned long h, const char *s)
{
	return (unsigned long)kaigi_fnv1a_byte(kaigi_fnv1a(h, s), 0x1f);
}

static bool line_is(const struct store_tally_line *l, int kind, const char *form, const char *field,
		    const char *item)
{
	return (int)l->kind == kind && strcmp(l->item, item) == 0 && strcmp(l->field, field) == 0 &&
	       strcmp(l->form, form) == 0;
}

/* The line (kind, form, field, item) of out, made when new. */
static struct store_tally_line *line_get(struct store_tally *out, size_t *cap, struct line_map *m,
					 int kind, const char *form, const char *field,
					 const char *item)
{
	if (m->cap < 2 * (out->n + 1)) {
		size_t ncap = m->cap ? m->cap * 2 : 256;
		size_t *ns = xcalloc(ncap, sizeof *ns);
		for (size_t i = 0; i < out->n; i++) {
			const struct store_tally_line *l = &out->v[i];
			unsigned long h =
			    hash_str(hash_str(hash_str(hash_str(14695981039346656037UL +
								    (unsigned long)l->kind,
								l->form),
						       l->field),
					      l->item),
				     "");
			size_t k = h & (ncap - 1);
			while (ns[k])
				k = (k + 1) & (ncap - 1);
			ns[k] = i + 1;
		}
		free(m->slot);
		m->slot = ns;
		m->cap = ncap;
	}
	unsigned long h = hash_str(
	    hash_str(hash_str(hash_str(14695981039346656037UL + (unsigned long)kind, form), field),
		     item),
	    "");
	size_t k = h & (m->cap - 1);
	while (m->slot[k]) {
		struct store_tally_line *l = &out->v[m->slot[k] - 1];
		if (line_is(l, kind, form, field, item))
			return l;
		k = (k + 1) & (m->cap - 1);
	}
	out->v = xgrow(out->v, out->n, cap, sizeof *out->v);
	struct store_tally_line *l = &out->v[out->n++];
	memset(l, 0, sizeof *l);
	l->kind = (enum store_tally_kind)kind;
	l->form = xstrdup(form);
	l->field = xstrdup(field);
	l->item = xstrdup(item);
	l->key = line_key(kind, l->form, l->field, l->item);
	l->similar_to = (size_t)-1;
	m->slot[k] = out->n;
	return l;
}

/* Add one case of area to the counts of areas (*n of them). */
static void area_add(struct store_tally_area **areas, size_t *n, const char *area)
{
	for (size_t i = *n; i-- > 0;)
		if (strcmp((*areas)[i].area, area) == 0) {
			(*areas)[i].cases++;
			return;
		}
	*areas = xreallocarray(*areas, *n + 1, sizeof **areas);
	(*areas)[(*n)++] = (struct store_tally_area){xstrdup(area), 1};
}

struct tally_rows {
	struct store_tally *out;
	size_t cap;
	struct line_map map;
};

/* A row of the tally: kind (-1: a case of the period), form, field, item
 * and area, counted into its line. */
static void tally_row(sqlite3_stmt *q, void *ctx)
{
	struct tally_rows *r = ctx;
	int kind = sqlite3_column_int(q, 0);
	const char *form = (const char *)sqlite3_column_text(q, 1);
	const char *field = (const char *)sqlite3_column_text(q, 2);
	const char *item = (const char *)sqlite3_column_text(q, 3);
	const char *area = (const char *)sqlite3_column_text(q, 4);
	if (!area)
		area = "";
	if (kind < 0) {
		area_add(&r->out->areas, &r->out->nareas, area);
		r->out->cases++;
		return;
	}
	if (kind >= STORE_TALLY_KINDS || !item || !*item)
		return;
	struct store_tally_line *l =
	    line_get(r->out, &r->cap, &r->map, kind, form ? form : "", field ? field : "", item);
	area_add(&l->areas, &l->nareas, area);
	l->cases++;
}

enum kaigi_status store_tally_run(struct store *st, const struct store_period *p,
				  struct store_tally *out, struct kaigi_error *err)
{
	/* allhit without the review's id: a compound at the top streams its
	 * rows, no copy through a co-routine. */
	static const char sql[] =
	    TALLY_CTE "SELECT kind, form, field, item, area FROM tally_hit "
		      "WHERE spec = ?5 AND kind IN (-1, 0, 1, 2, 3) "
		      "AND date BETWEEN ifnull(?1, '') AND ifnull(?2, '9999') "
		      "AND (?3 IS NULL OR area = ?3) "
		      "UNION ALL SELECT kind, form, field, item, area FROM hit";
	static const struct store_spec_rollup tally = {sql, tally_form, tally_fill, bind_period};
	memset(out, 0, sizeof *out);
	struct tally_rows rows = {.out = out};
	enum kaigi_status s =
	    store_spec_each(st, &tally, p, NULL, tally_row, &rows, "counting the tallies", err);
	free(rows.map.slot);
	if (s != KAIGI_OK) {
		store_tally_free(out);
		return s;
	}
	if (out->n)
		qsort(out->v, out->n, sizeof *out->v, line_cmp);
	group_similar(out);
	return KAIGI_OK;
}

/* ---- one line ------------------------------------------------------------------ */

/* kind, form, field, item of a key; false when it is not one. */
static bool key_parse(const char *key, int *kind, char **form, char **field, char **item)
{
	*form = *field = *item = NULL;
	const char *colon = key ? strchr(key, ':') : NULL;
	if (!colon || !colon[1])
		return false;
	size_t plen = (size_t)(colon - key);
	const char *rest = colon + 1;
	if (plen == 8 && strncmp(key, "category", 8) == 0) {
		*kind = STORE_TALLY_CATEGORY;
		*form = xstrdup("");
		*field = xstrdup(KAIGI_FIELD_ISSUES);
		*item = xstrdup(rest);
		return true;
	}
	if (plen == 6 && strncmp(key, "raised", 6) == 0) {
		*kind = STORE_TALLY_RAISED;
		*form = xstrdup("");
		*field = xstrdup(KAIGI_FIELD_REGIONAL_ISSUES);
		*item = xstrdup(rest);
		return true;
	}
	bool row = plen == 3 && strncmp(key, "row", 3) == 0;
	bool code = plen == 4 && strncmp(key, "code", 4) == 0;
	const char *s1 = strchr(rest, '/'), *s2 = s1 ? strchr(s1 + 1, '/') : NULL;
	if ((!row && !code) || !s1 || !s2 || s1 == rest || s2 == s1 + 1 || !s2[1])
		return false;
	*kind = row ? STORE_TALLY_ROW : STORE_TALLY_CODE;
	*form = xstrndup(rest, (size_t)(s1 - rest));
	*field = xstrndup(s1 + 1, (size_t)(s2 - s1 - 1));
	*item = xstrdup(s2 + 1);
	return true;
}

enum kaigi_status store_tally_share(struct store *st, const struct store_period *p, const char *key,
				    double *share, size_t *n, size_t *of, struct kaigi_error *err)
{
	struct store_tally t;
	*share = -1;
	if (n)
		*n = 0;
	if (of)
		*of = 0;
	enum kaigi_status s = store_tally_run(st, p, &t, err);
	if (s != KAIGI_OK)
		return s;
	size_t k = 0;
	for (size_t i = 0; i < t.n; i++)
		if (strcmp(t.v[i].key, key) == 0)
			k = t.v[i].cases;
	if (t.cases)
		*share = 100.0 * (double)k / (double)t.cases;
	if (n)
		*n = k;
	if (of)
		*of = t.cases;
	store_tally_free(&t);
	return KAIGI_OK;
}

enum kaigi_status store_tally_cases(struct store *st, const struct store_period *p, const char *key,
				    struct store_case_list *out, struct kaigi_error *err)
{
	static const char sql[] =
	    TALLY_CTE "SELECT DISTINCT h.id FROM allhit h JOIN case_review c ON c.id = h.id "
		      "JOIN meeting m ON m.id = c.meeting_id "
		      "WHERE h.kind = ?6 AND h.form = ?7 AND h.field = ?8 AND h.item = ?9 "
		      "ORDER BY m.date DESC, c.ord";
	memset(out, 0, sizeof *out);
	int kind;
	char *form, *field, *item;
	if (!key_parse(key, &kind, &form, &field, &item))
		return kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0, "no tally line '%s'",
				       key ? key : "");
	static const struct store_spec_rollup line = {sql, tally_form, tally_fill, bind_period};
	struct store_spec_query sq;
	enum kaigi_status s =
	    store_spec_open(st, &line, p, NULL, &sq, err) ? KAIGI_OK : err->status;
	struct store_strings ids = {0};
	if (s == KAIGI_OK) {
		sqlite3_bind_int(sq.q, 6, kind);
		sqlite3_bind_text(sq.q, 7, form, -1, SQLITE_STATIC);
		sqlite3_bind_text(sq.q, 8, field, -1, SQLITE_STATIC);
		sqlite3_bind_text(sq.q, 9, item, -1, SQLITE_STATIC);
		s = STORE_LIST(st, sq.q, &ids, store_row_text, "listing the cases behind a tally",
			       err);
		store_spec_close(&sq);
	}
	free(form);
	free(field);
	free(item);
	if (s == KAIGI_OK && ids.n) {
		out->v = xcalloc(ids.n, sizeof *out->v);
		for (size_t i = 0; i < ids.n && s == KAIGI_OK; i++) {
			s = store_case_get(st, ids.v[i], &out->v[i], err);
			out->n = i + 1;
		}
		if (s != KAIGI_OK)
			store_case_list_free(out);
	}
	store_strings_free(&ids);
	return s;
}

/* ---- labels ---------------------------------------------------------------------- */

const char *store_tally_label(const struct schema_set *forms, const struct store_tally_line *l,
			      const char *lang)
{
	if (l->kind == STORE_TALLY_RAISED)
		return l->item;
	if (l->kind == STORE_TALLY_CATEGORY) {
		for (size_t i = 0; forms && i < forms->nforms; i++) {
			const struct schema_field *list =
			    schema_field_find(forms->forms[i], KAIGI_FIELD_ISSUES);
			const struct schema_field *c =
			    list ? schema_subfield_find(list, KAIGI_FIELD_CATEGORY) : NULL;
			int k = c && c->choices ? schema_choice_find(c->choices, l->item) : -1;
			if (k >= 0)
				return schema_label_get(&c->choices->v[k].label, lang);
		}
		return l->item;
	}
	const struct schema_form *form = forms ? schema_form_find(forms, l->form) : NULL;
	const struct schema_field *f = form ? schema_field_find(form, l->field) : NULL;
	if (f && l->kind == STORE_TALLY_ROW) {
		const struct schema_grid_row *row = schema_row_find(f, l->item);
		if (row)
			return schema_label_get(&row->label, lang);
	}
	if (f && l->kind == STORE_TALLY_CODE && f->choices) {
		int k = schema_choice_find(f->choices, l->item);
		if (k >= 0)
			return schema_label_get(&f->choices->v[k].label, lang);
	}
	return l->item;
}

/* ---- merging wordings ------------------------------------------------------------ */

struct merge_arg {
	const char *wording, *into;
};

static void bind_merge(sqlite3_stmt *q, const void *arg)
{
	const struct merge_arg *a = arg;
	sqlite3_bind_text(q, 1, a->wording, -1, SQLITE_STATIC);
	store_bind_text_or_null(q, 2, a->into);
	sqlite3_bind_int64(q, 3, store_now_ms());
}

enum kaigi_status store_wording_merge(struct store *st, const char *wording, const char *into,
				      struct kaigi_error *err)
{
	static const char ins[] =
	    "INSERT INTO wording_merge (statement, into_statement, created, updated) "
	    "SELECT ?1, coalesce((SELECT into_statement FROM wording_merge WHERE statement = ?2), "
	    "?2), ?3, ?3 ON CONFLICT (statement) DO UPDATE SET into_statement = "
	    "excluded.into_statement, updated = excluded.updated";
	static const char del[] = "DELETE FROM wording_merge WHERE statement = ?1 AND ?2 IS NULL "
				  "AND ?3 IS NOT NULL";
	if (!wording || !*wording)
		return kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0, "which wording to merge?");
	if (into && strcmp(into, wording) == 0)
		return kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0,
				       "a wording cannot be merged into itself");
	struct merge_arg a = {wording, into && *into ? into : NULL};
	return store_write1(st, a.into ? ins : del, bind_merge, &a, "merging wordings", err);
}

enum kaigi_status store_wording_merged(struct store *st, const char *into,
				       struct store_strings *out, struct kaigi_error *err)
{
	static const char sql[] =
	    "SELECT statement FROM wording_merge WHERE into_statement = ?1 ORDER BY statement";
	memset(out, 0, sizeof *out);
	enum kaigi_status s =
	    STORE_LIST_ID(st, sql, into, out, store_row_text, "reading merged wordings", err);
	if (s != KAIGI_OK)
		store_strings_free(out);
	return s;
}

/* ---- similarity -------------------------------------------------------------------- */

/* The code points of s (at most max). */
static size_t codepoints(const char *s, unsigned *cp, size_t max)
{
	size_t n = 0;
	const unsigned char *p = (const unsigned char *)s;
	while (*p && n < max) {
		unsigned c = *p;
		size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
		unsigned v = len == 1 ? c : c & (0xFF >> (len + 1));
		size_t k = 1;
		for (; k < len && (p[k] & 0xC0) == 0x80; k++)
			v = (v << 6) | (p[k] & 0x3F);
		if (v != ' ' && v != 0x3000) /* spaces do not make a wording differ */
			cp[n++] = v;
		p += k;
	}
	return n;
}

double store_text_similarity(const char *a, const char *b)
{
	enum { MAX = 256 };
	unsigned ca[MAX], cb[MAX];
	size_t na = a ? codepoints(a, ca, MAX) : 0, nb = b ? codepoints(b, cb, MAX) : 0;
	if (na < 3 || nb < 3)
		return a && b && strcmp(a, b) == 0 ? 1.0 : 0.0;
	size_t ta = na - 2, tb = nb - 2, common = 0;
	bool *used = xcalloc(tb, sizeof *used);
	for (size_t i = 0; i < ta; i++)
		for (size_t j = 0; j < tb; j++)
			if (!used[j] && ca[i] == cb[j] && ca[i + 1] == cb[j + 1] &&
			    ca[i + 2] == cb[j + 2]) {
				used[j] = true;
				common++;
				break;
			}
	free(used);
	return 2.0 * (double)common / (double)(ta + tb);
}

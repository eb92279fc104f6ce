// SPDX-License-Identifier: MIT
/*
 * store_kpi.c — the care level followed per person (kaigi/tally.h): the
 * follow-up reviews of each year whose care level improved, stayed or
 * worsened against the review they follow, and Toyoake's one-year
 * deterioration rate (1年後の重度化率, seed 001 L2059–2064): of the people
 * first reviewed in a year, those reviewed again nine to fifteen months
 * later (the review nearest a year on), and how many of them had a heavier
 * care level then.
 *
 * The care level is the answer of a select field with the id `care_level`
 * (a convention, like the other ids of doc/followup.md); its weight is the
 * choice's position in the form's list, lightest first, as the forms list
 * them.  That order is handed to SQL as ",v1,v2,…," per form, so instr()
 * gives the rank.  Years are 年度 unless the caller asks for calendar years.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kaigi/field_ids.h"
#include "kaigi/fiscal.h"
#include "kaigi/strbuf.h"
#include "kaigi/tally.h"
#include "kaigi/xalloc.h"
#include "store_followup.h"
#include "store_spec.h"

static void kpi_clear(struct store_kpi *e)
{
	free(e->area);
}

void store_kpi_list_free(struct store_kpi_list *l)
{
	STORE_LIST_FREE(l, kpi_clear);
}

/* The entry [form, ",v1,v2,"] of the spec [entry, …] for a form with a
 * select `care_level`. */
static void level_form(struct store_spec_buf *s, const struct schema_form *form)
{
	const struct schema_field *f = schema_field_find(form, KAIGI_FIELD_CARE_LEVEL);
	if (!f || f->type != SCHEMA_SELECT_ONE || !f->choices)
		return;
	/* Choice values are single words (no spaces, checked by the
	 * loader); they carry no quotes in the shipped forms. */
	strbuf_appendf(&s->b, "%s[\"%s\",\",", store_spec_sep(s), form->id);
	for (size_t k = 0; k < f->choices->n; k++)
		if (!strpbrk(f->choices->v[k].value, "\"\\,"))
			strbuf_appendf(&s->b, "%s,", f->choices->v[k].value);
	strbuf_append(&s->b, "\"]");
}

/* The rank of a case's care level: a scalar subquery on case id X. */
#define LEVEL_OF(X)                                                                                \
	"(SELECT instr(s.ord, ',' || a.value || ',') FROM form_record r "                          \
	"  CROSS JOIN spec s ON s.form = r.form "                                                  \
	"  CROSS JOIN answer a ON a.record_id = r.id AND a.field = '" KAIGI_FIELD_CARE_LEVEL "' "  \
	"    AND a.item = '' AND a.col = '' "                                                      \
	"  WHERE r.case_id = " X " AND instr(s.ord, ',' || a.value || ',') > 0 LIMIT 1)"

#define YEAR_OF(D) STORE_YEAR_OF(D, "5", "6")

static struct store_kpi *kpi_at(struct store_kpi_list *out, size_t *cap, int year, const char *area)
{
	for (size_t i = 0; i < out->n; i++)
		if (out->v[i].year == year && strcmp(out->v[i].area, area) == 0)
			return &out->v[i];
	out->v = xgrow(out->v, out->n, cap, sizeof *out->v);
	struct store_kpi *k = &out->v[out->n++];
	memset(k, 0, sizeof *k);
	k->year = year;
	k->area = xstrdup(area);
	return k;
}

struct kpi_rows {
	struct store_kpi_list *out;
	size_t cap;
};

/* A row of the roll-up: kind (0 follow-ups, 1 a year on), year, area and
 * five counts, into the year and area's KPI. */
static void kpi_row(sqlite3_stmt *q, void *ctx)
{
	struct kpi_rows *r = ctx;
	const char *area = (const char *)sqlite3_column_text(q, 2);
	struct store_kpi *k = kpi_at(r->out, &r->cap, sqlite3_column_int(q, 1), area ? area : "");
	size_t c[5];
	for (int i = 0; i < 5; i++)
		c[i] = (size_t)sqlite3_column_int64(q, 3 + i);
	if (sqlite3_column_int(q, 0) == 0) {
		k->followups = c[0];
		k->improved = c[1];
		k->same = c[2];
		k->worse = c[3];
	} else {
		k->people = c[0];
		k->followed_1y = c[1];
		k->worse_1y = c[2];
		k->same_1y = c[3];
		k->better_1y = c[4];
	}
}

/* The period (?1 ?2 ?3), the spec (?4) and the kind of year (?5 ?6, arg
 * a bool: calendar years). */
static void kpi_bind(sqlite3_stmt *q, const struct store_period *p, const char *spec,
		     long long hash, const void *calendar)
{
	(void)hash;
	store_bind_period(q, p);
	sqlite3_bind_text(q, 4, spec, -1, SQLITE_STATIC);
	store_bind_year_kind(q, 5, *(const bool *)calendar);
}

static int kpi_cmp(const void *a, const void *b)
{
	const struct store_kpi *x = a, *y = b;
	if (x->year != y->year)
		return x->year - y->year;
	return strcmp(x->area, y->area);
}

/* Each review of the period with its level, and the level of the
 * review it follows; then, per person and year, the first review
 * and the level of the review nearest a year after it.  The
 * candidates for "a year after" are read once, by meeting date, for
 * the span every base review's 9–15 months fall in (win, later), and
 * joined by person — not looked up person by person (FY2023 of the
 * reference set: 139 → 94 ms, tests/bench/tally_bench).  fu, best
 * and one are MATERIALIZED so that each level is looked up once, not
 * once per aggregate that names it. */
/* clang-format off */
static const char kpi_sql[] =
    "WITH spec (form, ord) AS MATERIALIZED ("
    "  SELECT value ->> 0, value ->> 1 FROM json_each(?4)), "
    "cs AS MATERIALIZED ("
    "  SELECT c.id, c.person_id, c.follows, m.date, ifnull(p.area, '') AS area, "
    "  " YEAR_OF("m.date") " AS yr, " LEVEL_OF("c.id") " AS lv "
    "  FROM meeting m CROSS JOIN case_review c ON c.meeting_id = m.id "
    "  JOIN person p ON p.id = c.person_id "
    "  WHERE m.date BETWEEN ifnull(?1, '') AND ifnull(?2, '9999') "
    "  AND (?3 IS NULL OR p.area = ?3)), "
    "fu AS MATERIALIZED (SELECT yr, area, lv, " LEVEL_OF("cs.follows") " AS pv FROM cs "
    "  WHERE follows IS NOT NULL AND lv IS NOT NULL), "
    "base AS MATERIALIZED (SELECT * FROM (SELECT cs.*, row_number() OVER (PARTITION BY "
    "  person_id, yr ORDER BY date, id) AS k FROM cs WHERE lv IS NOT NULL) WHERE k = 1), "
    "win (lo, hi) AS (SELECT min(date(date, '+9 months')), max(date(date, '+15 months')) "
    "  FROM base), "
    "later AS MATERIALIZED (SELECT c2.id, c2.person_id, m2.date FROM win "
    "  CROSS JOIN meeting m2 CROSS JOIN case_review c2 ON c2.meeting_id = m2.id "
    "  WHERE m2.date BETWEEN win.lo AND win.hi), "
    "cand AS (SELECT b.id AS bid, l.id AS nid, abs(julianday(l.date) - "
    "  julianday(b.date, '+1 year')) AS dist FROM base b "
    "  JOIN later l ON l.person_id = b.person_id "
    "  WHERE l.date BETWEEN date(b.date, '+9 months') AND date(b.date, '+15 months')), "
    "best AS MATERIALIZED (SELECT bid, " LEVEL_OF("nid") " AS nv FROM (SELECT bid, nid, "
    "  row_number() OVER (PARTITION BY bid ORDER BY dist, nid) AS k FROM cand) WHERE k = 1), "
    "one AS MATERIALIZED (SELECT b.yr, b.area, b.lv, best.nv FROM base b "
    "  LEFT JOIN best ON best.bid = b.id) "
    "SELECT 0, yr, area, count(*), count(*) FILTER (WHERE lv < pv), "
    "  count(*) FILTER (WHERE lv = pv), count(*) FILTER (WHERE lv > pv), 0 "
    "  FROM fu WHERE pv IS NOT NULL GROUP BY yr, area "
    "UNION ALL SELECT 1, yr, area, count(*), count(nv), count(*) FILTER (WHERE nv > lv), "
    "  count(*) FILTER (WHERE nv = lv), count(*) FILTER (WHERE nv < lv) "
    "  FROM one GROUP BY yr, area";
/* clang-format on */
static const struct store_spec_rollup kpi_rollup = {kpi_sql, level_form, NULL, kpi_bind};

enum kaigi_status store_kpi_rollup(struct store *st, const struct store_period *p, bool calendar,
				   struct store_kpi_list *out, struct kaigi_error *err)
{
	memset(out, 0, sizeof *out);
	struct kpi_rows rows = {out, 0};
	enum kaigi_status s = store_spec_each(st, &kpi_rollup, p, &calendar, kpi_row, &rows,
					      "following care levels", err);
	if (s != KAIGI_OK) {
		store_kpi_list_free(out);
		return s;
	}
	if (out->n)
		qsort(out->v, out->n, sizeof *out->v, kpi_cmp);
	return KAIGI_OK;
}

// SPDX-License-Identifier: MIT
/*
 * report_summary.c — the meeting summary put together: the header, the
 * town's vision, the meeting's purpose and outcome, attendance, the
 * meeting's own sheets (report_policy.c), then each case (report_case.c)
 * and the meeting's regional issues together.  It calls the builders; the
 * primitives they share (report_model.c) never call back up into it.
 *
 * Participants are reduced to profession, organisation and a head count
 * unless names are asked for.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kaigi/meeting.h"
#include "kaigi/utf8.h"
#include "kaigi/xalloc.h"
#include "report_build.h"
#include "report_policy.h"

/* ---- regional issues ------------------------------------------------------ */

static void regional_section(struct report_build *b)
{
	if (b->nregional == 0)
		return;
	struct report_section *s = report_section_add(b->doc, rs(RS_REGIONAL_ALL, b->lang), false);
	struct report_block *t = report_table_add(s, NULL, 3);
	report_col_set(t, 0, rs(RS_ISSUE, b->lang), 6, false, false);
	report_col_set(t, 1, rs(RS_POLICY, b->lang), 2, false, false);
	report_col_set(t, 2, rs(RS_CASES, b->lang), 1, true, false);
	for (size_t i = 0; i < b->nregional; i++) {
		size_t r = report_row_add(t);
		report_cell_set(t, r, 0, b->regional[i].title);
		report_cell_set(t, r, 1, b->regional[i].policy);
		report_cell_set(t, r, 2, strbuf_str(&b->regional[i].cases));
	}
}

static void regional_free(struct report_build *b)
{
	for (size_t i = 0; i < b->nregional; i++) {
		free(b->regional[i].title);
		free(b->regional[i].policy);
		strbuf_free(&b->regional[i].cases);
	}
	free(b->regional);
	b->regional = NULL;
	b->nregional = 0;
}

/* ---- the meeting ----------------------------------------------------------- */

/* A profession as the town names it (config.h), else as the template
 * does, else the words typed for "other". */
static const char *profession_label(const struct report_build *b, const char *id)
{
	const char *l = config_profession_name(b->config, b->tmpl, id, b->lang);
	return l ? l : id ? id : "";
}

/* Order: the template's expected professions, then the town's list, then
 * the rest (typed) as they come. */
static size_t profession_rank(const struct report_build *b, const char *id)
{
	if (!id)
		return (size_t)-1;
	size_t base = 0;
	if (b->tmpl) {
		for (size_t i = 0; i < b->tmpl->nroles; i++)
			if (strcmp(b->tmpl->roles[i].id, id) == 0)
				return i;
		base = b->tmpl->nroles;
	}
	size_t n;
	const struct config_profession *v = config_professions(b->config, &n);
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i].id, id) == 0)
			return base + i;
	return (size_t)-2;
}

/* The role someone played, for a participant without a profession. */
static const char *role_label(const struct report_build *b, const char *role)
{
	if (role && strcmp(role, "facilitator") == 0)
		return rs(RS_FACILITATOR, b->lang);
	if (role && strcmp(role, "presenter") == 0)
		return rs(RS_PRESENTER, b->lang);
	return role ? role : "";
}

static const char *who_label(const struct report_build *b, const struct store_participant *p)
{
	return p->profession ? profession_label(b, p->profession) : role_label(b, p->role);
}

static bool same(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

/*
 * Attendance by profession: who was present, in the template's order of
 * professions.  Anonymised, people of one profession and organisation
 * become one row with a head count; with names, one row each.  Then the
 * count by profession, and the professions the template expects that
 * nobody present was of.
 */
static void attendance_add(struct report_build *b, struct report_section *s,
			   const struct store_participant_list *pl)
{
	size_t n = 0;
	const struct store_participant **v = xcalloc(pl->n ? pl->n : 1, sizeof *v);
	for (size_t i = 0; i < pl->n; i++) {
		if (!pl->v[i].present)
			continue;
		size_t at = n, rank = profession_rank(b, pl->v[i].profession);
		while (at > 0 && profession_rank(b, v[at - 1]->profession) > rank) {
			v[at] = v[at - 1];
			at--;
		}
		v[at] = &pl->v[i];
		n++;
	}
	char *title = xasprintf(rs(RS_ATTENDANCE_FMT, b->lang), n);
	struct report_block *t = report_table_add(s, title, 3);
	free(title);
	report_col_set(t, 0, rs(RS_PROFESSION, b->lang), 3, false, true);
	report_col_set(t, 1, rs(RS_ORGANISATION, b->lang), 4, false, false);
	report_col_set(t, 2, rs(b->names ? RS_NAME : RS_NUMBER, b->lang), b->names ? 2 : 1,
		       !b->names, false);
	for (size_t i = 0; i < n;) {
		size_t j = i + 1;
		if (!b->names)
			while (j < n && same(who_label(b, v[j]), who_label(b, v[i])) &&
			       same(v[j]->organisation, v[i]->organisation))
				j++;
		size_t r = report_row_add(t);
		report_cell_set(t, r, 0, who_label(b, v[i]));
		report_cell_set(t, r, 1, v[i]->organisation);
		if (b->names) {
			report_cell_set(t, r, 2, v[i]->name);
		} else {
			char count[32];
			snprintf(count, sizeof count, rs(RS_PERSONS_FMT, b->lang), j - i);
			report_cell_set(t, r, 2, count);
		}
		i = j;
	}
	/* By profession: 医師 2名、歯科医師 1名… (people are counted, never named). */
	struct strbuf by = STRBUF_INIT;
	for (size_t i = 0; i < n;) {
		const char *w = profession_label(b, v[i]->profession);
		size_t count = 0;
		for (size_t j = i; j < n; j++)
			count += same(profession_label(b, v[j]->profession), w);
		if (v[i]->profession) {
			bool seen = false;
			for (size_t k = 0; k < i; k++)
				seen |= same(profession_label(b, v[k]->profession), w);
			if (!seen) {
				char c[32];
				snprintf(c, sizeof c, rs(RS_PERSONS_FMT, b->lang), count);
				strbuf_appendf(&by, "%s%s %s",
					       by.len ? rs(RS_LIST_SEP, b->lang) : "", w, c);
			}
		}
		i++;
	}
	struct strbuf absent = STRBUF_INIT;
	for (size_t r = 0; b->tmpl && r < b->tmpl->nroles; r++) {
		bool here = false;
		for (size_t i = 0; i < n; i++)
			here |= same(v[i]->profession, b->tmpl->roles[r].id);
		if (!here)
			strbuf_appendf(&absent, "%s%s", absent.len ? rs(RS_LIST_SEP, b->lang) : "",
				       profession_label(b, b->tmpl->roles[r].id));
	}
	struct report_block *f = report_facts_add(s, NULL);
	report_fact_add(f, rs(RS_BY_PROFESSION, b->lang), by.len ? strbuf_str(&by) : NULL);
	report_fact_add(f, rs(RS_ABSENT, b->lang), absent.len ? strbuf_str(&absent) : NULL);
	strbuf_free(&by);
	strbuf_free(&absent);
	free(v);
}

/* The facilitator: organisation (or the role) anonymised, else the name. */
static char *facilitator(const struct report_build *b, const struct store_participant_list *pl)
{
	struct strbuf out = STRBUF_INIT;
	for (size_t i = 0; i < pl->n; i++) {
		const struct store_participant *p = &pl->v[i];
		if (!p->role || strcmp(p->role, "facilitator") != 0 || !p->present)
			continue;
		if (out.len)
			strbuf_append(&out, rs(RS_LIST_SEP, b->lang));
		const char *org = p->organisation && *p->organisation ? p->organisation : NULL;
		if (b->names && org)
			strbuf_appendf(&out, "%s（%s）", p->name, org);
		else if (b->names)
			strbuf_append(&out, p->name);
		else
			strbuf_append(&out, org ? org : who_label(b, p));
	}
	return strbuf_take(&out);
}

/* Width of the character at s (bytes in *n), measured as utf8_width does. */
static size_t char_cols(const char *s, size_t *n)
{
	size_t len = 1;
	while (len < 4 && ((unsigned char)s[len] & 0xC0) == 0x80)
		len++;
	char one[5] = {0};
	memcpy(one, s, len);
	*n = len;
	return utf8_width(one);
}

/*
 * The vision as the town wrote it, less the spaces YAML's folded style
 * (`>`) puts where a line was broken between two Japanese characters:
 * Japanese has no spaces between words, so「町。 支援」should read「町。支援」.
 */
static char *join_folded(const char *text)
{
	struct strbuf out = STRBUF_INIT;
	size_t prev_cols = 0;
	for (const char *p = text; *p;) {
		size_t n;
		if (*p == ' ' && prev_cols == 2 && p[1] && p[1] != ' ' &&
		    char_cols(p + 1, &n) == 2) {
			p++;
			continue;
		}
		prev_cols = char_cols(p, &n);
		strbuf_appendn(&out, p, n);
		p += n;
	}
	return strbuf_take(&out);
}

static void header_add(struct report_build *b, const struct store_meeting *m,
		       const struct store_participant_list *pl, const struct report_options *opt)
{
	struct report_doc *doc = b->doc;
	/* The vision kept with the meeting when it was held (meeting.h); a
	 * meeting of an older kaigi has none and shows today's. */
	const char *vision = opt ? opt->vision : NULL;
	char *kept = NULL;
	struct kaigi_error verr;
	if ((!opt || !opt->vision_override) &&
	    store_meeting_vision_get(b->st, m->id, &kept, &verr) == KAIGI_OK && kept)
		vision = kept;
	if (opt && opt->town && *opt->town)
		doc->issuer = xstrdup(opt->town);
	const char *kind = b->tmpl ? schema_label_get(&b->tmpl->title, b->lang) : m->kind;
	const char *title = m->f[STORE_MEETING_TITLE];
	doc->title = xstrdup(title && *title ? title : kind ? kind : "");
	doc->subtitle = xstrdup(rs(RS_SUMMARY, b->lang));
	doc->date = rs_date(m->f[STORE_MEETING_DATE], b->lang);
	if (b->names)
		doc->banner = xstrdup(rs(RS_BANNER_NAMES, b->lang));
	doc->footer = xstrdup(rs(b->names ? RS_FOOTER_NAMES : RS_FOOTER_ANON, b->lang));

	struct report_section *s = report_section_add(doc, rs(RS_MEETING, b->lang), false);
	struct report_block *f = report_facts_add(s, NULL);
	report_fact_add(f, rs(RS_KIND, b->lang), kind);
	struct strbuf when = STRBUF_INIT;
	strbuf_append(&when, doc->date);
	const char *start = m->f[STORE_MEETING_START_TIME], *end = m->f[STORE_MEETING_END_TIME];
	bool en = strcmp(b->lang, "en") == 0;
	if (start || end)
		strbuf_appendf(&when, "%s%s%s%s", en ? ", " : "　", start ? start : "",
			       en ? "–" : "〜", end ? end : "");
	report_fact_add(f, rs(RS_DATE, b->lang), strbuf_str(&when));
	strbuf_free(&when);
	report_fact_add(f, rs(RS_PLACE, b->lang), m->f[STORE_MEETING_PLACE]);
	char *fac = facilitator(b, pl);
	report_fact_add(f, rs(RS_FACILITATOR, b->lang), fac);
	free(fac);

	char *v = vision ? join_folded(vision) : NULL;
	report_paragraph_add(s, rs(RS_VISION, b->lang), v);
	free(v);
	free(kept);

	f = report_facts_add(s, NULL);
	report_fact_add(f, rs(RS_PURPOSE, b->lang), m->f[STORE_MEETING_PURPOSE]);
	report_fact_add(f, rs(RS_TARGET, b->lang), m->f[STORE_MEETING_TARGET]);
	report_fact_add(f, rs(RS_REACHED, b->lang), m->f[STORE_MEETING_REACHED]);
	report_fact_add(f, rs(RS_LEFT, b->lang), m->f[STORE_MEETING_NEXT_TIME]);

	attendance_add(b, s, pl);
	report_section_prune(s);
}

enum kaigi_status report_doc_build(struct store *st, const struct schema_set *forms,
				   const char *meeting_id, const struct report_options *opt,
				   struct report_doc *doc, struct kaigi_error *err)
{
	struct report_build b;
	struct report_build_meeting bm;
	enum kaigi_status s =
	    report_build_start(&b, st, forms, meeting_id, opt, false, doc, &bm, err);
	const struct store_meeting *m = &bm.m;
	if (s == KAIGI_OK && opt && opt->sheet) {
		/* One sheet as its own summary: its form's title over the
		 * meeting's, no case and no person. */
		const struct schema_form *sf = schema_form_find(forms, opt->sheet);
		if (!sf)
			s = kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0, "no form %s installed",
					    opt->sheet);
		if (s == KAIGI_OK) {
			if (opt->town && *opt->town)
				doc->issuer = xstrdup(opt->town);
			doc->title = xstrdup(schema_label_get(&sf->title, b.lang));
			doc->subtitle =
			    xstrdup(m->f[STORE_MEETING_TITLE] ? m->f[STORE_MEETING_TITLE] : "");
			doc->date = rs_date(m->f[STORE_MEETING_DATE], b.lang);
			doc->footer = xstrdup(rs(RS_FOOTER_ANON, b.lang));
			s = report_build_sheet_add(&b, meeting_id, opt->sheet, err);
		}
		store_case_list_free(&bm.cl); /* no case sections */
	} else if (s == KAIGI_OK) {
		report_build_meeting_known(&b, &bm);
		header_add(&b, m, &bm.pl, opt);
		s = report_build_meeting_extra_add(&b, meeting_id, err);
	}
	if (s == KAIGI_OK)
		s = report_build_each_case(&b, &bm, report_build_case_section, err);
	if (s == KAIGI_OK)
		regional_section(&b);
	if (s == KAIGI_OK && !b.names)
		s = report_build_doc_scrub_meeting(&b, meeting_id, err);
	regional_free(&b);
	return report_build_finish(&b, &bm, s);
}

// SPDX-License-Identifier: MIT
/*
 * report_packet.c — the case packet (事例資料): what the room reads before
 * the meeting (Toyoake shares it 2–3 days ahead, seed 001 L1986) — for
 * every case on the agenda, its case sheet and its ADL/IADL grids, always
 * anonymised, marked to be collected back at the end (資料回収, seed 003
 * L4757).
 *
 * It is built on the summary's path: the cases are read by report_build_case_load,
 * every answer goes through report_build_answer_text (sensitive fields left out) and
 * so through report_text_for_handout(), the one door of handout text
 * (report_handout.c).  What is in the packet is what the room brings to
 * the meeting: the sections of the case's forms that belong to the
 * template's `presentation` phase or to no phase; what the meeting itself
 * writes (issues, goals, advice, actions) is not.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kaigi/xalloc.h"
#include "report_build.h"

static bool brought(const struct schema_section *sec, const struct schema_field *f)
{
	const char *ph = f && f->phase ? f->phase : sec->phase;
	return !ph || strcmp(ph, "presentation") == 0;
}

/* A list field as a table of its item fields (the monitoring entries). */
static void list_add(struct report_build *b, const struct store_record *r,
		     const struct schema_form *form, const struct schema_field *f,
		     struct report_section *s)
{
	const char **ids;
	size_t n = report_build_items(r, f->id, &ids);
	if (n == 0) {
		free(ids);
		return;
	}
	size_t nc = 0;
	const struct schema_field *cols[16];
	for (size_t i = 0; i < f->nfields && nc < 16; i++)
		if (!f->fields[i].sensitive && f->fields[i].type != SCHEMA_LIST)
			cols[nc++] = &f->fields[i];
	struct report_block *t = report_table_add(s, schema_label_get(&f->label, b->lang), nc);
	for (size_t c = 0; c < nc; c++)
		report_col_set(t, c, schema_label_get(&cols[c]->label, b->lang),
			       cols[c]->type == SCHEMA_LONGTEXT ? 6 : 2, false, false);
	for (size_t i = 0; i < n; i++) {
		size_t row = report_row_add(t);
		for (size_t c = 0; c < nc; c++) {
			char *v = report_build_answer_text(b, r, form, f, ids[i], cols[c]->id);
			report_cell_set(t, row, c, v);
			free(v);
		}
	}
	free(ids);
}

static void sheet_add(struct report_build *b, struct report_build_case *rc,
		      struct report_section *s)
{
	for (size_t i = 0; i < rc->nrecs; i++) {
		const struct schema_form *form = rc->forms[i];
		const struct store_record *r = &rc->recs[i];
		for (size_t si = 0; si < form->nsections; si++) {
			const struct schema_section *sec = &form->sections[si];
			struct report_block *facts = NULL;
			for (size_t fi = 0; fi < sec->nfields; fi++) {
				const struct schema_field *f = &sec->fields[fi];
				if (!brought(sec, f) || f->type == SCHEMA_GRID)
					continue; /* grids: report_build_grids_add below */
				if (f->type == SCHEMA_LIST) {
					list_add(b, r, form, f, s);
					facts = NULL;
					continue;
				}
				char *v = report_build_answer_text(b, r, form, f, NULL, NULL);
				if (v && !facts) {
					char *title = xasprintf(
					    "%s — %s", schema_label_get(&form->title, b->lang),
					    schema_label_get(&sec->title, b->lang));
					facts = report_facts_add(s, title);
					free(title);
				}
				if (v)
					report_fact_add(facts, schema_label_get(&f->label, b->lang),
							v);
				free(v);
			}
		}
	}
}

static enum kaigi_status case_add(struct report_build *b, struct report_build_case *rc,
				  struct kaigi_error *err)
{
	char *title =
	    xasprintf(rs(RS_CASE_FMT, b->lang), rc->number, rc->person.code ? rc->person.code : "");
	struct report_section *s = report_section_add(b->doc, title, true);
	free(title);
	const struct store_person *p = &rc->person;
	struct report_block *f = report_facts_add(s, NULL);
	report_fact_add(f, rs(RS_CASE_CODE, b->lang), p->code);
	report_fact_add(f, rs(RS_INITIALS, b->lang), p->initials);
	report_fact_add(f, rs(RS_AGE_BAND, b->lang), p->age_band);
	report_fact_add(f, rs(RS_AREA, b->lang), p->area);
	sheet_add(b, rc, s);
	if (s->nblocks <= 1) /* only the person's facts: nothing filled in yet */
		report_paragraph_add(s, NULL, rs(RS_PACKET_EMPTY, b->lang));
	return report_build_grids_add(b, rc, s, err);
}

enum kaigi_status report_packet_build(struct store *st, const struct schema_set *forms,
				      const char *meeting_id, const struct report_options *opt,
				      struct report_doc *doc, struct kaigi_error *err)
{
	struct report_build b; /* a packet is always anonymised */
	struct report_build_meeting bm;
	enum kaigi_status s =
	    report_build_start(&b, st, forms, meeting_id, opt, true, doc, &bm, err);
	const struct store_meeting *m = &bm.m;
	if (s == KAIGI_OK) {
		report_build_meeting_known(&b, &bm);
		if (opt && opt->town && *opt->town)
			doc->issuer = xstrdup(opt->town);
		const char *kind = b.tmpl ? schema_label_get(&b.tmpl->title, b.lang) : m->kind;
		const char *title = m->f[STORE_MEETING_TITLE];
		doc->title = xstrdup(title && *title ? title : kind ? kind : "");
		doc->subtitle = xstrdup(rs(RS_PACKET, b.lang));
		doc->date = rs_date(m->f[STORE_MEETING_DATE], b.lang);
		doc->banner = xstrdup(rs(RS_PACKET_BANNER, b.lang));
		doc->footer = xstrdup(rs(RS_FOOTER_ANON, b.lang));
		struct report_section *sec = report_section_add(doc, rs(RS_MEETING, b.lang), false);
		struct report_block *f = report_facts_add(sec, NULL);
		report_fact_add(f, rs(RS_KIND, b.lang), kind);
		report_fact_add(f, rs(RS_DATE, b.lang), doc->date);
		report_fact_add(f, rs(RS_PLACE, b.lang), m->f[STORE_MEETING_PLACE]);
		report_fact_add(f, rs(RS_PURPOSE, b.lang), m->f[STORE_MEETING_PURPOSE]);
		report_fact_add(f, rs(RS_TARGET, b.lang), m->f[STORE_MEETING_TARGET]);
		char count[32];
		snprintf(count, sizeof count, "%zu", bm.cl.n);
		report_fact_add(f, rs(RS_CASES, b.lang), count);
	}
	if (s == KAIGI_OK)
		s = report_build_each_case(&b, &bm, case_add, err);
	if (s == KAIGI_OK)
		s = report_build_doc_scrub_meeting(&b, meeting_id, err);
	return report_build_finish(&b, &bm, s);
}

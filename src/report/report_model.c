// SPDX-License-Identifier: MIT
/*
 * report_model.c — what every report builder (report_summary.c,
 * report_packet.c, report_case.c, report_policy.c …) stands on: an answer
 * shown as text, a case and its records read from the store, a regional
 * issue noted, and a meeting's reading started, walked case by case and
 * finished.  It calls none of the builders.
 *
 * Anonymisation is decided here and in report_build_answer_text():
 * sensitive fields are never read into the document.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kaigi/period.h"
#include "kaigi/xalloc.h"
#include "report_build.h"
#include "report_policy.h"

/* ---- answers ------------------------------------------------------------ */

static const char *label(const struct schema_label *l, const char *lang)
{
	return schema_label_get(l, lang);
}

/* One choice value shown as its label; choices taken from another field
 * are shown as a circled item number or the grid row's label. */
static void choice_display(const struct report_build *b, const struct schema_form *form,
			   const struct schema_field *sf, const struct schema_choice_list *choices,
			   const char *value, struct strbuf *out)
{
	if (sf->choices_from) {
		const struct schema_choices_from *cf = sf->choices_from;
		const struct schema_form *src =
		    cf->form ? schema_form_find(b->forms, cf->form) : form;
		const struct schema_field *from = src ? schema_field_find(src, cf->field) : NULL;
		if (from && from->type == SCHEMA_GRID) {
			const struct schema_grid_row *row = schema_row_find(from, value);
			strbuf_append(out, row ? label(&row->label, b->lang) : value);
			return;
		}
		char *end = NULL;
		long n = strtol(value, &end, 10);
		if (end && !*end && n > 0) {
			char buf[16];
			rs_circled((int)n, buf, sizeof buf);
			strbuf_append(out, buf);
			return;
		}
		strbuf_append(out, value);
		return;
	}
	int i = choices ? schema_choice_find(choices, value) : -1;
	strbuf_append(out, i >= 0 ? label(&choices->v[i].label, b->lang) : value);
}

/* in_table: a grid cell or list item, where dates go without weekday. */
static char *value_display(const struct report_build *b, const struct schema_form *form,
			   const struct schema_field *sf, const struct schema_choice_list *choices,
			   const struct kaigi_value *v, bool in_table)
{
	char *text = kaigi_value_to_text(v);
	struct strbuf out = STRBUF_INIT;
	switch (sf->type) {
	case SCHEMA_SELECT_ONE:
	case SCHEMA_SCALE:
		choice_display(b, form, sf, choices, text, &out);
		break;
	case SCHEMA_SELECT_MULTIPLE: {
		/* Circled numbers read as one code (①③); labels need commas. */
		bool numbers = sf->choices_from && !sf->choices_from->form;
		const struct schema_form *src =
		    sf->choices_from && sf->choices_from->form
			? schema_form_find(b->forms, sf->choices_from->form)
			: form;
		const struct schema_field *from =
		    sf->choices_from && src ? schema_field_find(src, sf->choices_from->field)
					    : NULL;
		if (from && from->type == SCHEMA_LIST)
			numbers = true;
		else if (from)
			numbers = false;
		char *save = NULL;
		bool first = true;
		for (char *tok = strtok_r(text, " ", &save); tok;
		     tok = strtok_r(NULL, " ", &save)) {
			if (!first && !numbers)
				strbuf_append(&out, rs(RS_LIST_SEP, b->lang));
			choice_display(b, form, sf, choices, tok, &out);
			first = false;
		}
		break;
	}
	case SCHEMA_DATE: {
		char *d = in_table ? rs_date_short(text, b->lang) : rs_date(text, b->lang);
		strbuf_append(&out, d);
		free(d);
		break;
	}
	case SCHEMA_BOOLEAN:
		strbuf_append(&out, rs(kaigi_value_truthy(v) ? RS_YES : RS_NO_ANSWER, b->lang));
		break;
	case SCHEMA_PERIOD: {
		char *p = period_display(text, b->lang);
		strbuf_append(&out, p);
		free(p);
		break;
	}
	case SCHEMA_INTEGER:
	case SCHEMA_DECIMAL: {
		const char *unit = label(&sf->unit, b->lang);
		bool en = strcmp(b->lang, "en") == 0;
		strbuf_appendf(&out, "%s%s%s", text, *unit && en ? " " : "", unit);
		break;
	}
	default:
		strbuf_append(&out, text);
		break;
	}
	free(text);
	return strbuf_take(&out);
}

static int column_index(const struct schema_field *grid, const char *col)
{
	for (size_t i = 0; i < grid->ncolumns; i++)
		if (strcmp(grid->columns[i].id, col) == 0)
			return (int)i;
	return -1;
}

char *report_build_answer_text(const struct report_build *b, const struct store_record *r,
			       const struct schema_form *form, const struct schema_field *f,
			       const char *item, const char *col)
{
	if (f->sensitive && !b->names)
		return NULL;
	const struct schema_field *sf = f;
	const struct schema_choice_list *choices = f->choices;
	if (f->type == SCHEMA_GRID) {
		int ci = col ? column_index(f, col) : -1;
		if (ci < 0)
			return NULL;
		sf = &f->columns[ci];
		const struct schema_grid_row *row = schema_row_find(f, item);
		choices = row ? schema_cell_choices(f, row, (size_t)ci) : sf->choices;
	} else if (f->type == SCHEMA_LIST) {
		sf = col ? schema_subfield_find(f, col) : NULL;
		if (!sf)
			return NULL;
		choices = sf->choices;
	}
	if (sf->sensitive && !b->names)
		return NULL;
	struct store_path path = {f->id, item, col};
	const struct kaigi_value *v = store_record_value(r, &path);
	if (!v || v->type == KAIGI_NULL)
		return NULL;
	char *s = report_text_for_handout(b, value_display(b, form, sf, choices, v, sf != f));
	if (!*s) {
		free(s);
		return NULL;
	}
	return s;
}

size_t report_build_items(const struct store_record *r, const char *field, const char ***ids)
{
	size_t n = 0, cap = 0;
	*ids = NULL;
	for (size_t i = 0; i < r->nitems; i++) {
		if (strcmp(r->items[i].field, field) != 0)
			continue;
		*ids = xgrow(*ids, n, &cap, sizeof **ids);
		(*ids)[n++] = r->items[i].id;
	}
	return n;
}

/* ---- cases --------------------------------------------------------------- */

static size_t form_rank(const struct report_build *b, const char *form)
{
	if (b->tmpl)
		for (size_t i = 0; i < b->tmpl->nforms; i++)
			if (strcmp(b->tmpl->forms[i], form) == 0)
				return i;
	return (size_t)-1;
}

enum kaigi_status report_build_case_load(struct report_build *b, const struct store_case *c,
					 size_t number, struct report_build_case *out,
					 struct kaigi_error *err)
{
	memset(out, 0, sizeof *out);
	out->c = c;
	out->number = number;
	enum kaigi_status s = store_person_get(b->st, c->person_id, NULL, &out->person, err);
	if (s != KAIGI_OK)
		return s;
	struct store_record_list refs;
	s = store_record_list(b->st, c->meeting_id, c->id, &refs, err);
	if (s != KAIGI_OK)
		return s;
	out->recs = xcalloc(refs.n ? refs.n : 1, sizeof *out->recs);
	out->forms = xcalloc(refs.n ? refs.n : 1, sizeof *out->forms);
	for (size_t i = 0; i < refs.n && s == KAIGI_OK; i++) {
		const struct schema_form *form = schema_form_find(b->forms, refs.v[i].form);
		if (!form)
			continue; /* not installed: nothing to label it with */
		/* Insertion sort by the template's form order, then by id. */
		size_t at = out->nrecs;
		size_t rank = form_rank(b, form->id);
		while (at > 0) {
			const struct schema_form *prev = out->forms[at - 1];
			size_t prank = form_rank(b, prev->id);
			if (prank < rank || (prank == rank && strcmp(prev->id, form->id) <= 0))
				break;
			out->recs[at] = out->recs[at - 1];
			out->forms[at] = out->forms[at - 1];
			at--;
		}
		s = store_record_get(b->st, refs.v[i].id, &out->recs[at], err);
		if (s != KAIGI_OK) {
			/* Close the gap again so that clearing stays simple. */
			memmove(&out->recs[at], &out->recs[at + 1],
				(out->nrecs - at) * sizeof *out->recs);
			memmove(&out->forms[at], &out->forms[at + 1],
				(out->nrecs - at) * sizeof *out->forms);
			break;
		}
		out->forms[at] = form;
		out->nrecs++;
	}
	store_record_list_free(&refs);
	/* What identifies this case, for the handout's door; the meeting's
	 * own (participants) stay. */
	report_build_secrets_clear(b, b->nsecrets_meeting);
	if (s == KAIGI_OK)
		report_build_secrets_case(b, out);
	return s;
}

void report_build_case_clear(struct report_build_case *rc)
{
	store_person_clear(&rc->person);
	for (size_t i = 0; i < rc->nrecs; i++)
		store_record_clear(&rc->recs[i]);
	free(rc->recs);
	free(rc->forms);
	memset(rc, 0, sizeof *rc);
}

const struct schema_field *report_build_case_field_next(const struct report_build_case *rc,
							struct report_case_at *at)
{
	at->field += at->started;
	at->started = true;
	for (; at->rec < rc->nrecs; at->rec++, at->sec = 0)
		for (; at->sec < rc->forms[at->rec]->nsections; at->sec++, at->field = 0)
			if (at->field < rc->forms[at->rec]->sections[at->sec].nfields)
				return &rc->forms[at->rec]->sections[at->sec].fields[at->field];
	return NULL;
}

const struct schema_field *report_build_find(const struct report_build_case *rc, const char *ids,
					     const struct store_record **rec)
{
	/* ids: alternatives separated by '|', the first found wins. */
	while (*ids) {
		size_t n = strcspn(ids, "|");
		char id[64];
		snprintf(id, sizeof id, "%.*s", (int)(n < sizeof id ? n : sizeof id - 1), ids);
		for (size_t i = 0; i < rc->nrecs; i++) {
			const struct schema_field *f = schema_field_find(rc->forms[i], id);
			if (f) {
				*rec = &rc->recs[i];
				return f;
			}
		}
		ids += n + (ids[n] == '|');
	}
	*rec = NULL;
	return NULL;
}

/* ---- regional issues ------------------------------------------------------ */

void report_build_regional_note(struct report_build *b, const char *title, const char *policy,
				size_t number)
{
	struct report_build_regional *g = NULL;
	for (size_t i = 0; i < b->nregional && !g; i++)
		if (strcmp(b->regional[i].title, title) == 0)
			g = &b->regional[i];
	if (!g) {
		b->regional = xreallocarray(b->regional, b->nregional + 1, sizeof *b->regional);
		g = &b->regional[b->nregional++];
		memset(g, 0, sizeof *g);
		g->title = xstrdup(title);
	}
	if (!g->policy && policy && *policy)
		g->policy = xstrdup(policy);
	char num[24];
	snprintf(num, sizeof num, "%zu", number);
	/* A case that raised the issue twice is listed once. */
	const char *sep = rs(RS_LIST_SEP, b->lang);
	struct strbuf probe = STRBUF_INIT;
	strbuf_appendf(&probe, "%s%s%s", sep, strbuf_str(&g->cases), sep);
	struct strbuf needle = STRBUF_INIT;
	strbuf_appendf(&needle, "%s%s%s", sep, num, sep);
	if (!strstr(strbuf_str(&probe), strbuf_str(&needle)))
		strbuf_appendf(&g->cases, "%s%s", g->cases.len ? sep : "", num);
	strbuf_free(&probe);
	strbuf_free(&needle);
}

enum kaigi_status report_build_start(struct report_build *b, struct store *st,
				     const struct schema_set *forms, const char *meeting_id,
				     const struct report_options *opt, bool packet,
				     struct report_doc *doc, struct report_build_meeting *bm,
				     struct kaigi_error *err)
{
	memset(doc, 0, sizeof *doc);
	memset(bm, 0, sizeof *bm);
	*b = (struct report_build){
	    .st = st,
	    .forms = forms,
	    .lang = opt && opt->lang && strcmp(opt->lang, "en") == 0 ? "en" : "ja",
	    .names = !packet && opt && opt->names,
	    .packet = packet,
	    .doc = doc,
	    .config = opt ? opt->config : NULL,
	};
	doc->lang = b->lang;
	doc->names = b->names;
	enum kaigi_status s = store_meeting_get(st, meeting_id, &bm->m, err);
	if (s == KAIGI_OK)
		s = store_participant_list(st, meeting_id, &bm->pl, err);
	if (s == KAIGI_OK)
		s = store_case_list(st, meeting_id, &bm->cl, err);
	return s;
}

void report_build_meeting_known(struct report_build *b, const struct report_build_meeting *bm)
{
	b->tmpl = bm->m.template_id ? schema_meeting_find(b->forms, bm->m.template_id) : NULL;
	for (size_t i = 0; i < bm->pl.n; i++)
		report_build_secret_add_name(b, bm->pl.v[i].name);
	b->nsecrets_meeting = b->nsecrets;
}

enum kaigi_status report_build_finish(struct report_build *b, struct report_build_meeting *bm,
				      enum kaigi_status s)
{
	report_build_secrets_clear(b, 0);
	store_case_list_free(&bm->cl);
	store_participant_list_free(&bm->pl);
	store_meeting_clear(&bm->m);
	if (s != KAIGI_OK)
		report_doc_free(b->doc);
	return s;
}

enum kaigi_status report_build_each_case(struct report_build *b, struct report_build_meeting *bm,
					 enum kaigi_status (*add)(struct report_build *b,
								  struct report_build_case *rc,
								  struct kaigi_error *err),
					 struct kaigi_error *err)
{
	enum kaigi_status s = KAIGI_OK;
	for (size_t i = 0; i < bm->cl.n && s == KAIGI_OK; i++) {
		struct report_build_case rc;
		s = report_build_case_load(b, &bm->cl.v[i], i + 1, &rc, err);
		if (s == KAIGI_OK)
			s = add(b, &rc, err);
		report_build_case_clear(&rc);
	}
	return s;
}

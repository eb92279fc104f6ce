// SPDX-License-Identifier: MIT
/* ui_readback.c — the wrap-up read-back of a case (see ui_readback.h). */
#define NCURSES_WIDECHAR 1
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kaigi/strbuf.h"
#include "kaigi/xalloc.h"
#include "ui_draw.h"
#include "ui_field.h"
#include "ui_readback.h"

static int phase_index(const struct schema_meeting *tpl, const char *phase)
{
	if (!tpl || !phase)
		return -1;
	for (size_t i = 0; i < tpl->nphases; i++)
		if (strcmp(tpl->phases[i].id, phase) == 0)
			return (int)i;
	return -1;
}

static bool wanted(const struct schema_meeting *tpl, const struct schema_section *s, bool last)
{
	int i = phase_index(tpl, s->phase);
	if (i < 0)
		return false;
	return last ? (size_t)i + 1 == tpl->nphases : i >= 2;
}

/* "label: value / label: value" of an item's answers but skip1, skip2. */
static char *details(struct ui *ui, struct ui_rec *rec, const struct schema_field *list,
		     const char *item, const struct schema_field *skip1,
		     const struct schema_field *skip2)
{
	struct strbuf b = STRBUF_INIT;
	for (size_t i = 0; i < list->nfields; i++) {
		const struct schema_field *f = &list->fields[i];
		if (f == skip1 || f == skip2)
			continue;
		struct kaigi_value v = {0};
		ui_rec_eval(rec, list, f, item, &v);
		char *s = ui_field_show(ui, rec, list, f, NULL, 0, &v);
		kaigi_value_clear(&v);
		if (*s)
			strbuf_appendf(&b, "%s%s: %s", b.len ? " / " : "",
				       schema_label_get(&f->label, ui->lang), s);
		free(s);
	}
	return b.s ? strbuf_take(&b) : NULL;
}

static void list_lines(struct ui *ui, struct ui_rec *rec, const struct schema_field *list, int w,
		       struct ui_lines *out)
{
	const struct store_item *items;
	size_t n = ui_rec_items(rec, list->id, &items);
	ui_lines_addf(out, (int)A_BOLD, "%s (%zu)", schema_label_get(&list->label, ui->lang), n);
	if (n == 0) {
		ui_lines_addf(out, (int)A_DIM, "  %s", _("(none)"));
		return;
	}
	const struct schema_field *name =
	    list->item_label ? schema_subfield_find(list, list->item_label) : NULL;
	/* Group by a leading required choice (advice by profession). */
	const struct schema_field *group = NULL;
	if (list->nfields && list->fields[0].required &&
	    list->fields[0].type == SCHEMA_SELECT_ONE && &list->fields[0] != name)
		group = &list->fields[0];
	size_t ngroups = group && group->choices ? group->choices->n + 1 : 1;
	for (size_t g = 0; g < ngroups; g++) {
		bool heading = false;
		for (size_t i = 0; i < n; i++) {
			const char *id = items[i].id;
			if (group) {
				const struct kaigi_value *v =
				    ui_rec_value(rec, list->id, id, group->id);
				char *t = v ? kaigi_value_to_text(v) : NULL;
				int k = t ? schema_choice_find(group->choices, t) : -1;
				free(t);
				size_t gi = k < 0 ? ngroups - 1 : (size_t)k;
				if (gi != g)
					continue;
				if (!heading) {
					const char *gl =
					    k < 0 ? _("(not set)")
						  : schema_label_get(&group->choices->v[k].label,
								     ui->lang);
					ui_lines_addf(out, ui_attr(ui, UI_A_HEADING), "  【%s】",
						      gl);
					heading = true;
				}
			}
			char *label = NULL;
			if (name) {
				label = ui_field_show(ui, rec, list, name, NULL, 0,
						      ui_rec_value(rec, list->id, id, name->id));
			}
			char *head = xasprintf("%zu. %s", i + 1, label && *label ? label : "…");
			ui_lines_wrap(out, head, w, 2, (int)A_NORMAL);
			free(head);
			free(label);
			char *d = details(ui, rec, list, id, name, group);
			if (d)
				ui_lines_wrap(out, d, w, 5, ui_attr(ui, UI_A_DIM));
			free(d);
		}
	}
}

static void field_lines(struct ui *ui, struct ui_rec *rec, const struct schema_field *f, int w,
			struct ui_lines *out)
{
	struct kaigi_value v = {0};
	ui_rec_eval(rec, NULL, f, NULL, &v);
	char *s = ui_field_show(ui, rec, NULL, f, NULL, 0, &v);
	kaigi_value_clear(&v);
	if (*s) {
		char *line = xasprintf("%s: %s", schema_label_get(&f->label, ui->lang), s);
		ui_lines_wrap(out, line, w, 0, (int)A_NORMAL);
		free(line);
	}
	free(s);
}

void ui_readback_build(struct ui *ui, const struct schema_meeting *tpl, struct ui_rec *recs,
		       size_t nrecs, bool last_phase_only, int w, struct ui_lines *out)
{
	size_t before = out->n;
	for (size_t r = 0; r < nrecs; r++) {
		struct ui_rec *rec = &recs[r];
		if (!rec->form)
			continue;
		for (size_t s = 0; s < rec->form->nsections; s++) {
			const struct schema_section *sec = &rec->form->sections[s];
			if (!wanted(tpl, sec, last_phase_only))
				continue;
			ui_lines_addf(out, ui_attr(ui, UI_A_HEADING), "■ %s",
				      schema_label_get(&sec->title, ui->lang));
			for (size_t i = 0; i < sec->nfields; i++) {
				const struct schema_field *f = &sec->fields[i];
				if (!ui_rec_relevant(rec, NULL, f, NULL) || f->type == SCHEMA_GRID)
					continue;
				if (f->type == SCHEMA_LIST)
					list_lines(ui, rec, f, w, out);
				else
					field_lines(ui, rec, f, w, out);
			}
			ui_lines_add(out, "", (int)A_NORMAL);
		}
	}
	if (out->n == before)
		ui_lines_add(out, _("Nothing recorded yet."), ui_attr(ui, UI_A_DIM));
}

size_t ui_readback_load(struct ui *ui, const char *meeting_id, const char *case_id,
			struct ui_rec *recs, size_t max)
{
	struct store_record_list l;
	struct kaigi_error err;
	if (store_record_list(ui->st, meeting_id, case_id, &l, &err) != KAIGI_OK) {
		ui_msg_error(ui, &err);
		return 0;
	}
	size_t n = 0;
	for (size_t i = 0; i < l.n && n < max; i++) {
		const struct schema_form *form = schema_form_find(ui->forms, l.v[i].form);
		if (!form)
			continue;
		if (ui_rec_load(&recs[n], ui->st, l.v[i].id, form, &err) == KAIGI_OK)
			n++;
	}
	store_record_list_free(&l);
	return n;
}

// SPDX-License-Identifier: MIT
/* ui_field.c — showing answers and listing their choices. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kaigi/period.h"
#include "kaigi/strbuf.h"
#include "kaigi/xalloc.h"
#include "ui_field.h"

void ui_choices_free(struct ui_choices *c)
{
	for (size_t i = 0; i < c->n; i++) {
		free(c->v[i].value);
		free(c->v[i].label);
	}
	free(c->v);
	c->v = NULL;
	c->n = 0;
}

static void add(struct ui_choices *c, const char *value, const char *label)
{
	c->v = xreallocarray(c->v, c->n + 1, sizeof *c->v);
	c->v[c->n++] = (struct ui_choice){xstrdup(value), xstrdup(label)};
}

bool ui_field_is_choice(const struct schema_field *f)
{
	switch (f->type) {
	case SCHEMA_BOOLEAN:
	case SCHEMA_SELECT_ONE:
	case SCHEMA_SELECT_MULTIPLE:
	case SCHEMA_SCALE:
		return true;
	default:
		return false;
	}
}

/* The label of item i (0-based) of a list of this record: "n. label". */
static char *list_label(const struct ui *ui, const struct ui_rec *rec,
			const struct schema_choices_from *cf, const struct schema_field *list,
			const struct store_item *items, size_t i)
{
	const struct schema_field *lf =
	    cf->label_field ? schema_subfield_find(list, cf->label_field) : NULL;
	char *text = NULL;
	if (lf)
		text = ui_field_show(ui, rec, list, lf, NULL, 0,
				     ui_rec_value(rec, list->id, items[i].id, lf->id));
	char *label = xasprintf("%zu. %s", i + 1, text && *text ? text : "…");
	free(text);
	return label;
}

/* Items of a list of this record: "n. label". */
static void from_list(const struct ui *ui, const struct ui_rec *rec,
		      const struct schema_choices_from *cf, struct ui_choices *out)
{
	if (!rec)
		return;
	const struct schema_field *list = schema_field_find(rec->form, cf->field);
	if (!list)
		return;
	const struct store_item *items;
	size_t n = ui_rec_items(rec, cf->field, &items);
	for (size_t i = 0; i < n; i++) {
		char value[24];
		snprintf(value, sizeof value, "%zu", i + 1);
		char *label = list_label(ui, rec, cf, list, items, i);
		add(out, value, label);
		free(label);
	}
}

/*
 * A chosen item of a list of this record shown by its label, computed for
 * that item only, so a page of N items costs N labels, not N² (building
 * every item's label for each item shown took 852 ms a key at 1,000).  The value
 * is the item's number; NULL when it is not one (shown raw).
 */
static char *list_choice_show(const struct ui *ui, const struct ui_rec *rec,
			      const struct schema_choices_from *cf, const char *value)
{
	const struct schema_field *list = rec ? schema_field_find(rec->form, cf->field) : NULL;
	char *end = NULL;
	long k = strtol(value, &end, 10);
	if (!list || !end || *end || k < 1)
		return NULL;
	const struct store_item *items;
	size_t n = ui_rec_items(rec, cf->field, &items);
	return (size_t)k <= n ? list_label(ui, rec, cf, list, items, (size_t)k - 1) : NULL;
}

/* Rows of a grid of another form: value = row id. */
static void from_grid(const struct ui *ui, const struct schema_choices_from *cf,
		      struct ui_choices *out)
{
	const struct schema_form *form = schema_form_find(ui->forms, cf->form);
	const struct schema_field *grid = form ? schema_field_find(form, cf->field) : NULL;
	if (!grid || grid->type != SCHEMA_GRID)
		return;
	for (size_t i = 0; i < grid->nrows; i++) {
		const struct schema_grid_row *r = &grid->rows[i];
		const char *group = schema_label_get(&r->group, ui->lang);
		char *label = *group
				  ? xasprintf("%s %s", group, schema_label_get(&r->label, ui->lang))
				  : xstrdup(schema_label_get(&r->label, ui->lang));
		add(out, r->id, label);
		free(label);
	}
}

void ui_field_choices(const struct ui *ui, const struct ui_rec *rec, const struct schema_field *top,
		      const struct schema_field *f, const struct schema_grid_row *row, size_t col,
		      struct ui_choices *out)
{
	memset(out, 0, sizeof *out);
	if (f->type == SCHEMA_BOOLEAN) {
		add(out, "1", _("yes"));
		add(out, "0", _("no"));
		return;
	}
	const struct schema_choice_list *cl = f->choices;
	if (top && top->type == SCHEMA_GRID && row)
		cl = schema_cell_choices(top, row, col);
	if (cl) {
		for (size_t i = 0; i < cl->n; i++)
			add(out, cl->v[i].value, schema_label_get(&cl->v[i].label, ui->lang));
		return;
	}
	if (f->choices_from) {
		if (f->choices_from->form)
			from_grid(ui, f->choices_from, out);
		else
			from_list(ui, rec, f->choices_from, out);
	}
}

char *ui_field_show(const struct ui *ui, const struct ui_rec *rec, const struct schema_field *top,
		    const struct schema_field *f, const struct schema_grid_row *row, size_t col,
		    const struct kaigi_value *v)
{
	if (!v || v->type == KAIGI_NULL)
		return xstrdup("");
	char *raw = kaigi_value_to_text(v);
	if (f->type == SCHEMA_BOOLEAN) {
		bool yes = kaigi_value_truthy(v);
		free(raw);
		return xstrdup(yes ? _("yes") : _("no"));
	}
	if (ui_field_is_choice(f) && f->choices_from && !f->choices_from->form && !f->choices &&
	    !(top && top->type == SCHEMA_GRID)) {
		struct strbuf b = STRBUF_INIT;
		const char *sep = strcmp(ui->lang, "ja") == 0 ? "、" : ", ";
		char *save = NULL;
		for (char *tok = strtok_r(raw, " ", &save); tok; tok = strtok_r(NULL, " ", &save)) {
			char *label = list_choice_show(ui, rec, f->choices_from, tok);
			if (b.len)
				strbuf_append(&b, sep);
			strbuf_append(&b, label ? label : tok);
			free(label);
		}
		free(raw);
		return b.s ? strbuf_take(&b) : xstrdup("");
	}
	if (ui_field_is_choice(f)) {
		struct ui_choices c;
		ui_field_choices(ui, rec, top, f, row, col, &c);
		struct strbuf b = STRBUF_INIT;
		const char *sep = strcmp(ui->lang, "ja") == 0 ? "、" : ", ";
		char *save = NULL;
		for (char *tok = strtok_r(raw, " ", &save); tok; tok = strtok_r(NULL, " ", &save)) {
			const char *label = tok;
			for (size_t i = 0; i < c.n; i++)
				if (strcmp(c.v[i].value, tok) == 0)
					label = c.v[i].label;
			if (b.len)
				strbuf_append(&b, sep);
			strbuf_append(&b, label);
		}
		ui_choices_free(&c);
		free(raw);
		return b.s ? strbuf_take(&b) : xstrdup("");
	}
	if (f->type == SCHEMA_PERIOD) { /* 2026-11〜2027-05（6か月） */
		char *p = period_display(raw, ui->lang);
		free(raw);
		return p;
	}
	const char *unit = schema_label_get(&f->unit, ui->lang);
	if (*unit && (f->type == SCHEMA_INTEGER || f->type == SCHEMA_DECIMAL ||
		      f->type == SCHEMA_CALCULATE)) {
		char *s = xasprintf("%s %s", raw, unit);
		free(raw);
		return s;
	}
	return raw;
}

const char *ui_field_label(const struct ui *ui, const struct schema_field *f)
{
	static char buf[512];
	const char *l = schema_label_get(&f->label, ui->lang);
	snprintf(buf, sizeof buf, "%s%s", l, f->required ? " *" : "");
	return buf;
}

const char *ui_sex_label(const char *sex)
{
	if (!sex)
		return "";
	if (strcmp(sex, "F") == 0)
		return _("F");
	if (strcmp(sex, "M") == 0)
		return _("M");
	return "";
}

// SPDX-License-Identifier: MIT
/*
 * cmd_forms_show.c — `kaigi forms show ID`: a form or meeting template as a
 * readable outline, so town staff can see what a YAML file turned into.
 */
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "kaigi/strbuf.h"
#include "kaigi/utf8.h"

static void field_flags(struct strbuf *b, const struct schema_field *f)
{
	if (f->required)
		strbuf_append(b, " *");
	if (f->sensitive)
		strbuf_append(b, " [sensitive]");
	if (f->relevant)
		strbuf_appendf(b, " [if %s]", expr_source(f->relevant));
	if (f->calculate)
		strbuf_appendf(b, " = %s", expr_source(f->calculate));
}

static void show_field(struct strbuf *b, const struct schema_field *f, const char *lang, int indent)
{
	char type[48];
	if (f->type == SCHEMA_GRID)
		snprintf(type, sizeof type, "grid %zu×%zu", f->nrows, f->ncolumns);
	else if (f->type == SCHEMA_LIST && f->max_items)
		snprintf(type, sizeof type, "list ≤%zu", f->max_items);
	else
		snprintf(type, sizeof type, "%s", schema_type_name(f->type));
	strbuf_appendf(b, "%*s", indent, "");
	utf8_pad(b, f->id, (size_t)(24 - indent > 8 ? 24 - indent : 8));
	strbuf_append(b, " ");
	utf8_pad(b, type, 16);
	strbuf_appendf(b, " %s", schema_label_get(&f->label, lang));
	const char *unit = schema_label_get(&f->unit, lang);
	if (*unit)
		strbuf_appendf(b, " (%s)", unit);
	field_flags(b, f);
	strbuf_append(b, "\n");
	if (f->choices && f->type != SCHEMA_GRID) {
		strbuf_appendf(b, "%*s  choices:", indent + 2, "");
		for (size_t i = 0; i < f->choices->n; i++)
			strbuf_appendf(b, " %s=%s", f->choices->v[i].value,
				       schema_label_get(&f->choices->v[i].label, lang));
		strbuf_append(b, "\n");
	}
	if (f->choices_from)
		strbuf_appendf(b, "%*s  choices from %s%s%s\n", indent + 2, "",
			       f->choices_from->form ? f->choices_from->form : "",
			       f->choices_from->form ? "." : "", f->choices_from->field);
	for (size_t i = 0; i < f->ncolumns; i++)
		show_field(b, &f->columns[i], lang, indent + 4);
	if (f->nrows) {
		strbuf_appendf(b, "%*srows:", indent + 4, "");
		for (size_t i = 0; i < f->nrows; i++)
			strbuf_appendf(b, " %s", schema_label_get(&f->rows[i].label, lang));
		strbuf_append(b, "\n");
	}
	for (size_t i = 0; i < f->nfields; i++)
		show_field(b, &f->fields[i], lang, indent + 4);
}

static void form_outline(struct strbuf *b, const struct schema_form *form, const char *lang)
{
	strbuf_appendf(b, "%s v%d — %s\n  (%s)\n", form->id, form->version,
		       schema_label_get(&form->title, lang), form->source);
	for (size_t s = 0; s < form->nsections; s++) {
		const struct schema_section *sec = &form->sections[s];
		strbuf_appendf(b, "  [%s] %s%s%s\n", sec->id, schema_label_get(&sec->title, lang),
			       sec->phase ? "  · phase " : "", sec->phase ? sec->phase : "");
		for (size_t i = 0; i < sec->nfields; i++)
			show_field(b, &sec->fields[i], lang, 4);
	}
}

static void meeting_outline(struct strbuf *b, const struct schema_meeting *m, const char *lang)
{
	strbuf_appendf(b, "%s v%d — %s [%s]\n  (%s)\n", m->id, m->version,
		       schema_label_get(&m->title, lang), m->kind, m->source);
	if (m->minutes)
		strbuf_appendf(b, "  %d min", m->minutes);
	if (m->cases_max)
		strbuf_appendf(b, ", %d–%d cases", m->cases_min, m->cases_max);
	strbuf_append(b, "\n  forms:");
	for (size_t i = 0; i < m->nforms; i++)
		strbuf_appendf(b, " %s", m->forms[i]);
	strbuf_append(b, "\n");
	for (size_t i = 0; i < m->nphases; i++) {
		const struct schema_phase *p = &m->phases[i];
		strbuf_appendf(b, "  %2zu. %-12s %3d min  %s\n", i + 1, p->id, p->minutes,
			       schema_label_get(&p->title, lang));
		for (size_t j = 0; j < p->nprompts; j++)
			strbuf_appendf(b, "        · %s\n", schema_label_get(&p->prompts[j], lang));
	}
}

int cmd_forms_show_run(const struct cmd_opts *opts, int argc, char **argv)
{
	struct schema_set set;
	struct kaigi_diags diags = {0};
	int status = cmd_forms_sub_open(opts, argc, 2, 2, "show", &set, &diags);
	if (status)
		return status;
	const struct schema_form *form = schema_form_find(&set, argv[1]);
	const struct schema_meeting *m = schema_meeting_find(&set, argv[1]);
	struct strbuf b = STRBUF_INIT;
	if (form)
		form_outline(&b, form, opts->lang);
	else if (m)
		meeting_outline(&b, m, opts->lang);
	else {
		fprintf(stderr, "kaigi: no form or meeting template '%s' (see kaigi forms list)\n",
			argv[1]);
		status = KAIGI_EDATA;
	}
	utf8_show_controls(&b, 0);
	fputs(strbuf_str(&b), stdout);
	strbuf_free(&b);
	kaigi_diags_free(&diags);
	schema_set_free(&set);
	return status;
}

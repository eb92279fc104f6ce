// SPDX-License-Identifier: MIT
/* ui_synth.c — run-time fields, and the page source of form records. */
#include <stdlib.h>
#include <string.h>

#include "kaigi/xalloc.h"
#include "ui_synth.h"

struct schema_field *ui_synth_add(struct ui_synth *s, const char *id, enum schema_type type,
				  const char *label, const char *hint)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 8;
		s->fields = xreallocarray(s->fields, s->cap, sizeof *s->fields);
	}
	struct schema_field *f = &s->fields[s->n++];
	memset(f, 0, sizeof *f);
	f->id = xstrdup(id);
	f->type = type;
	f->label.ja = xstrdup(label);
	f->label.en = xstrdup(label);
	if (hint && *hint) {
		f->hint.ja = xstrdup(hint);
		f->hint.en = xstrdup(hint);
	}
	return f;
}

void ui_synth_choice(struct ui_synth *s, const char *value, const char *label)
{
	if (!s->n)
		return;
	struct schema_field *f = &s->fields[s->n - 1];
	struct schema_choice_list *cl = (struct schema_choice_list *)f->choices;
	if (!cl) {
		cl = xcalloc(1, sizeof *cl);
		s->lists = xreallocarray(s->lists, s->nlists + 1, sizeof *s->lists);
		s->lists[s->nlists++] = cl;
		f->choices = cl;
	}
	cl->v = xreallocarray(cl->v, cl->n + 1, sizeof *cl->v);
	struct schema_choice *c = &cl->v[cl->n++];
	memset(c, 0, sizeof *c);
	c->value = xstrdup(value);
	c->label.ja = xstrdup(label);
	c->label.en = xstrdup(label);
}

void ui_synth_free(struct ui_synth *s)
{
	for (size_t i = 0; i < s->n; i++) {
		free(s->fields[i].id);
		free(s->fields[i].label.ja);
		free(s->fields[i].label.en);
		free(s->fields[i].hint.ja);
		free(s->fields[i].hint.en);
	}
	free(s->fields);
	for (size_t i = 0; i < s->nlists; i++) {
		for (size_t j = 0; j < s->lists[i]->n; j++) {
			free(s->lists[i]->v[j].value);
			free(s->lists[i]->v[j].label.ja);
			free(s->lists[i]->v[j].label.en);
		}
		free(s->lists[i]->v);
		free(s->lists[i]);
	}
	free(s->lists);
	memset(s, 0, sizeof *s);
}

/* ---- records ------------------------------------------------------------ */

static const struct kaigi_value *rec_value(void *ctx, const char *field, const char *item,
					   const char *col)
{
	struct ui_rec *rec = ctx;
	return ui_rec_value(rec, field, item, col);
}

static enum kaigi_status rec_save(void *ctx, const char *field, const char *item, const char *col,
				  const char *text, struct kaigi_error *err)
{
	struct ui_rec *rec = ctx;
	if (!rec->id[0])
		return kaigi_error_set(err, KAIGI_EENV, NULL, 0, 0, "%s",
				       _("This form has no record here (read-only)."));
	struct store_path p = {field, item, col};
	enum kaigi_status s = store_answer_save(rec->st, rec->id, &p, text, err);
	if (s == KAIGI_OK)
		s = ui_rec_reload(rec, rec->st, err);
	return s;
}

struct ui_src ui_src_record(struct ui_rec *rec)
{
	return (struct ui_src){.ctx = rec,
			       .rec = rec,
			       .value = rec_value,
			       .save = rec_save,
			       .scope = rec->id[0] ? rec->id : NULL,
			       .record_id = rec->id[0] ? rec->id : NULL};
}

int ui_synth_index(const char *const *ids, int n, const char *id)
{
	for (int i = 0; i < n; i++)
		if (strcmp(ids[i], id) == 0)
			return i;
	return -1;
}

void ui_synth_values_clear(struct kaigi_value *v, int n)
{
	for (int i = 0; i < n; i++)
		kaigi_value_clear(&v[i]);
}

void ui_synth_page_free(struct ui_form *fm, struct ui_synth *s)
{
	ui_form_free(fm);
	ui_synth_free(s);
}

void ui_synth_value_set(struct kaigi_value *v, const char *text)
{
	kaigi_value_clear(v);
	if (text && *text)
		kaigi_value_set_text(v, text);
}

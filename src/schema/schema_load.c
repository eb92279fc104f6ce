// SPDX-License-Identifier: MIT
/*
 * schema_load.c — reading form and template files, and a form's top level.
 *
 * A file is read whole (forms are small; the size is capped), parsed into a
 * libyaml document, and walked.  The walk never stops at the first problem:
 * a town's staff fixing a file wants the whole list.  Only a file without
 * any error is added to the set.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "kaigi/file.h"
#include "kaigi/xalloc.h"
#include "schema_internal.h"

static const char *const form_keys[] = {"form",    "version",  "title", "description",
					"choices", "sections", NULL};
static const char *const section_keys[] = {"id", "title", "phase", "fields", NULL};

static void parse_section(struct loader *l, yaml_node_t *n, struct schema_section *s)
{
	struct ydoc *y = l->y;
	const char *id, *phase = NULL;
	yaml_node_t *idn, *pn = NULL;
	if (!schema_item_start(l, n, "a section", section_keys, "section id", &s->pos, &id, &idn))
		return;
	if (id) {
		for (struct schema_section *o = l->form->sections; o < s; o++)
			if (o->id && strcmp(o->id, id) == 0)
				ydoc_error(y, idn, "duplicate section id '%s' (first at line %d)",
					   id, o->pos.line);
		s->id = xstrdup(id);
	}
	schema_parse_label(l, n, "title", true, &s->title);
	if (ydoc_get_str(y, n, "phase", false, &phase, &pn) && phase &&
	    schema_check_id(l, pn, phase, "phase id"))
		s->phase = xstrdup(phase);
	yaml_node_t *fields = ydoc_map_get(y, n, "fields");
	if (fields == NULL)
		ydoc_error(y, n, "a section needs 'fields'");
	else
		schema_parse_fields(l, fields, &s->fields, &s->nfields, NULL, s->phase);
}

/* Section i of the form (schema_parse_items). */
static void section_item(struct loader *l, yaml_node_t *n, void *v, size_t i)
{
	l->form->sections = v;
	l->form->nsections = i + 1;
	parse_section(l, n, &l->form->sections[i]);
}

static struct schema_form *parse_form(struct loader *l, yaml_node_t *root)
{
	struct ydoc *y = l->y;
	struct schema_form *form = xcalloc(1, sizeof *form);
	l->form = form;
	form->pos = (struct schema_pos){ydoc_line(root), ydoc_col(root)};
	ydoc_map_check(y, root, "a form", form_keys);
	schema_parse_head(l, root, "form", "form id", &form->id, &form->version);
	schema_parse_label(l, root, "title", true, &form->title);
	schema_parse_label(l, root, "description", false, &form->description);
	yaml_node_t *choices = ydoc_map_get(y, root, "choices");
	if (choices)
		schema_parse_choice_lists(l, choices);
	schema_parse_items(l, root, "sections", "section", sizeof *form->sections, section_item);
	if (!y->stop)
		schema_check_expressions(l);
	return form;
}

/* Same-form choices_from: the field must be a list (with a label) or a grid. */
static void check_choices_from(struct loader *l, const struct schema_field *f)
{
	const struct schema_choices_from *cf = f->choices_from;
	if (cf && cf->form == NULL) {
		const struct schema_field *src = schema_field_find(l->form, cf->field);
		if (src == NULL || (src->type != SCHEMA_LIST && src->type != SCHEMA_GRID))
			ydoc_error_at(l->y, cf->pos.line, cf->pos.col,
				      "choices_from: no list or grid field '%s' in this form",
				      cf->field);
		else if (src->type == SCHEMA_LIST &&
			 (cf->label_field == NULL || !schema_subfield_find(src, cf->label_field)))
			ydoc_error_at(l->y, cf->pos.line, cf->pos.col,
				      "choices_from: 'label' must name a field of list '%s'%s%s%s",
				      cf->field, cf->label_field ? ", not '" : "",
				      cf->label_field ? cf->label_field : "",
				      cf->label_field ? "'" : "");
	}
	for (size_t i = 0; i < f->ncolumns; i++)
		check_choices_from(l, &f->columns[i]);
	for (size_t i = 0; i < f->nfields; i++)
		check_choices_from(l, &f->fields[i]);
}

/* Two files of one layer defining the same id: report at the id. */
static void check_same_layer(struct ydoc *y, const struct schema_set *set, yaml_node_t *root,
			     const char *form_id, const char *meeting_id)
{
	const char *other = NULL;
	yaml_node_t *at = NULL;
	if (form_id) {
		const struct schema_form *f = schema_form_find(set, form_id);
		if (f && f->layer == set->layer)
			other = f->source;
		at = ydoc_map_get(y, root, "form");
	} else if (meeting_id) {
		const struct schema_meeting *m = schema_meeting_find(set, meeting_id);
		if (m && m->layer == set->layer)
			other = m->source;
		at = ydoc_map_get(y, root, "meeting");
	}
	if (other)
		ydoc_error(
		    y, at,
		    "id '%s' is also used by %s: files in one folder, or checked together, need "
		    "different ids (to replace a shipped form, put yours in your town's folder)",
		    form_id ? form_id : meeting_id, other);
}

enum kaigi_status schema_load_buffer(struct schema_set *set, const char *name, const char *buf,
				     size_t len, struct kaigi_diags *diags)
{
	struct ydoc y;
	if (ydoc_load(&y, name, buf, len, diags) != KAIGI_OK) {
		ydoc_free(&y);
		return KAIGI_EDATA;
	}
	struct loader l = {.y = &y, .eng = set->eng};
	yaml_node_t *root = ydoc_root(&y);
	struct schema_form *form = NULL;
	struct schema_meeting *meeting = NULL;
	if (root->type != YAML_MAPPING_NODE) {
		ydoc_error(&y, root,
			   "expected a form or meeting template (a mapping starting with "
			   "`form: ID` or `meeting: ID`), found %s",
			   ydoc_kind(root));
	} else if (ydoc_map_get(&y, root, "form")) {
		form = parse_form(&l, root);
		for (size_t s = 0; s < form->nsections && !y.stop; s++)
			for (size_t i = 0; i < form->sections[s].nfields; i++)
				check_choices_from(&l, &form->sections[s].fields[i]);
	} else if (ydoc_map_get(&y, root, "meeting")) {
		meeting = schema_parse_meeting(&l, root);
	} else {
		ydoc_error(&y, root, "expected `form: ID` or `meeting: ID` at the top of the file");
	}
	if (y.nerrors == 0)
		check_same_layer(&y, set, root, form ? form->id : NULL,
				 meeting ? meeting->id : NULL);
	bool ok = y.nerrors == 0;
	if (form) {
		form->layer = set->layer;
		form->source = xstrdup(name);
		if (ok)
			schema_set_add_form(set, form);
		else
			schema_form_free(form);
	}
	if (meeting) {
		meeting->layer = set->layer;
		meeting->source = xstrdup(name);
		if (ok)
			schema_set_add_meeting(set, meeting);
		else
			schema_meeting_free(meeting);
	}
	free(l.pend);
	ydoc_free(&y);
	return ok ? KAIGI_OK : KAIGI_EDATA;
}

enum kaigi_status schema_file_parse(const char *path, size_t max, const char *what,
				    schema_parse_fn *parse, void *into, struct kaigi_diags *diags)
{
	char *buf;
	size_t len;
	struct kaigi_error err;
	if (kaigi_file_read(path, max, what, &buf, &len, &err) != KAIGI_OK) {
		kaigi_diags_add_error(diags, &err);
		return err.status;
	}
	enum kaigi_status st = parse(into, path, buf, len, diags);
	free(buf);
	return st;
}

static enum kaigi_status set_parse(void *set, const char *name, const char *buf, size_t len,
				   struct kaigi_diags *diags)
{
	return schema_load_buffer(set, name, buf, len, diags);
}

enum kaigi_status schema_load_file(struct schema_set *set, const char *path,
				   struct kaigi_diags *diags)
{
	return schema_file_parse(path, YDOC_MAX_BYTES, "a form file", set_parse, set, diags);
}

static int has_yaml_ext(const char *name)
{
	size_t n = strlen(name);
	return name[0] != '.' && ((n > 5 && strcmp(name + n - 5, ".yaml") == 0) ||
				  (n > 4 && strcmp(name + n - 4, ".yml") == 0));
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

enum kaigi_status schema_load_dir(struct schema_set *set, const char *dir,
				  struct kaigi_diags *diags)
{
	schema_set_next_layer(set);
	DIR *d = opendir(dir);
	if (d == NULL) {
		if (errno == ENOENT)
			return KAIGI_OK;
		kaigi_diags_add(diags, KAIGI_EENV, dir, 0, 0, "cannot read directory: %s",
				strerror(errno));
		return KAIGI_EENV;
	}
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (!has_yaml_ext(e->d_name))
			continue;
		names = xgrow(names, n, &cap, sizeof *names);
		names[n++] = xstrdup(e->d_name);
	}
	closedir(d);
	if (n > 1)
		qsort(names, n, sizeof *names, cmp_str);
	enum kaigi_status worst = KAIGI_OK;
	for (size_t i = 0; i < n; i++) {
		char *path = xasprintf("%s/%s", dir, names[i]);
		enum kaigi_status s = schema_load_file(set, path, diags);
		if (s > worst)
			worst = s;
		free(path);
		free(names[i]);
	}
	free(names);
	return worst;
}

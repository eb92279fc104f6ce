// SPDX-License-Identifier: MIT
/*
 * schema_exprcheck.c — what an expression reads must exist, and calculated
 * fields must not depend on themselves.
 *
 * SQLite tells us which named parameters a compiled expression uses, so the
 * references are exact, not guessed from the text.  A name resolves first
 * among the siblings of a grid column or list item field, then among the
 * form's top-level fields.
 */
#include <stdlib.h>
#include <string.h>

#include "kaigi/strbuf.h"
#include "kaigi/xalloc.h"
#include "schema_internal.h"

/* Position of ":name" inside the expression's scalar, or its start. */
static void param_pos(struct loader *l, const struct pending_expr *p, const char *name, int *line,
		      int *col)
{
	const char *src = ydoc_scalar(p->node);
	int off = -1;
	size_t nlen = strlen(name);
	for (const char *s = src ? strchr(src, ':') : NULL; s; s = strchr(s + 1, ':')) {
		if (strncmp(s + 1, name, nlen) == 0) {
			char c = s[1 + nlen];
			if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			      (c >= '0' && c <= '9') || c == '_')) {
				off = (int)(s - src);
				break;
			}
		}
	}
	ydoc_scalar_pos(l->y, p->node, off, line, col);
}

static const struct schema_field *resolve(const struct schema_form *form,
					  const struct schema_field *parent, const char *name)
{
	if (parent) {
		const struct schema_field *f = schema_subfield_find(parent, name);
		if (f)
			return f;
	}
	return schema_field_find(form, name);
}

/* Depth-first search for a cycle through calculate fields; path records it. */
static bool cycle_from(const struct schema_form *form, const struct schema_field *parent,
		       const struct schema_field *f, const struct schema_field **path, size_t depth,
		       size_t max)
{
	if (depth > 0 && path[0] == f) {
		path[depth] = f;
		return true;
	}
	for (size_t i = 1; i < depth; i++)
		if (path[i] == f)
			return false; /* a cycle not through the start: its own report */
	if (depth + 1 >= max || f->calculate == NULL)
		return false;
	path[depth] = f;
	for (size_t i = 0; i < expr_param_count(f->calculate); i++) {
		const struct schema_field *g =
		    resolve(form, parent, expr_param_name(f->calculate, i));
		if (g && g->type == SCHEMA_CALCULATE) {
			/* A top-level field never sees a grid's columns. */
			const struct schema_field *gp =
			    parent && schema_subfield_find(parent, g->id) == g ? parent : NULL;
			if (cycle_from(form, gp, g, path, depth + 1, max))
				return true;
		}
	}
	return false;
}

void schema_check_expressions(struct loader *l)
{
	for (size_t i = 0; i < l->npend; i++) {
		const struct pending_expr *p = &l->pend[i];
		for (size_t k = 0; k < expr_param_count(p->e); k++) {
			const char *name = expr_param_name(p->e, k);
			if (resolve(l->form, p->parent, name))
				continue;
			int line, col;
			param_pos(l, p, name, &line, &col);
			ydoc_error_at(l->y, line, col, "%s: no field '%s' %s", p->key, name,
				      p->parent ? "in this row/item or in the form"
						: "in this form");
		}
		if (p->e != p->field->calculate)
			continue;
		enum { MAX_PATH = 64 };
		const struct schema_field *path[MAX_PATH + 1];
		if (!cycle_from(l->form, p->parent, p->field, path, 0, MAX_PATH))
			continue;
		size_t n = 1;
		while (n < MAX_PATH && path[n] != path[0])
			n++;
		/* Report each cycle once, at its field that comes first in the file. */
		bool first = true;
		for (size_t j = 1; j < n; j++)
			if (path[j]->pos.line < p->field->pos.line ||
			    (path[j]->pos.line == p->field->pos.line &&
			     path[j]->pos.col < p->field->pos.col))
				first = false;
		if (!first)
			continue;
		struct strbuf sb = STRBUF_INIT;
		for (size_t j = 0; j <= n && j <= MAX_PATH; j++)
			strbuf_appendf(&sb, "%s%s", j ? " → " : "",
				       path[j]->id ? path[j]->id : "?");
		ydoc_error(l->y, p->node, "calculate: calculated fields form a cycle: %s",
			   strbuf_str(&sb));
		strbuf_free(&sb);
	}
}

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

/* The calculated field a name of calc node k's expression reads, as a node
 * index, or -1 (not calculated, or unknown: reported elsewhere). */
static long calc_target(const struct loader *l, const struct pending_expr *p, size_t i)
{
	const struct schema_field *g =
	    resolve(l->form, p->parent, expr_param_name(p->field->calculate, i));
	return g && g->calc_slot ? (long)g->calc_slot - 1 : -1;
}

static bool field_before(const struct schema_field *a, const struct schema_field *b)
{
	return a->pos.line < b->pos.line || (a->pos.line == b->pos.line && a->pos.col < b->pos.col);
}

/* Report the cycle path[0] → … → path[n-1] → path[0], from its field that
 * comes first in the file. */
static void report_cycle(struct loader *l, const struct pending_expr *const *nodes,
			 const size_t *path, size_t n)
{
	size_t first = 0;
	for (size_t j = 1; j < n; j++)
		if (field_before(nodes[path[j]]->field, nodes[path[first]]->field))
			first = j;
	struct strbuf sb = STRBUF_INIT;
	for (size_t j = 0; j <= n; j++) {
		const struct schema_field *f = nodes[path[(first + j) % n]]->field;
		strbuf_appendf(&sb, "%s%s", j ? " → " : "", f->id ? f->id : "?");
	}
	ydoc_error(l->y, nodes[path[first]]->node, "calculate: calculated fields form a cycle: %s",
		   strbuf_str(&sb));
	strbuf_free(&sb);
}

/*
 * Calculated fields and what they read form a graph; one depth-first walk
 * (iterative, each node and edge once) finds every cycle's closing edge, so
 * the check is linear in fields plus references however the fields are
 * layered or however long a cycle is.
 */
static void check_calc_cycles(struct loader *l)
{
	size_t n = 0;
	for (size_t i = 0; i < l->npend; i++)
		if (l->pend[i].e == l->pend[i].field->calculate)
			n++;
	l->form->ncalc = n;
	if (n == 0)
		return;
	const struct pending_expr **nodes = xcalloc(n, sizeof *nodes);
	n = 0;
	for (size_t i = 0; i < l->npend; i++)
		if (l->pend[i].e == l->pend[i].field->calculate) {
			nodes[n] = &l->pend[i];
			l->pend[i].field->calc_slot = (unsigned)++n;
		}
	enum { WHITE, GREY, BLACK };
	unsigned char *colour = xcalloc(n, 1);
	size_t *stack = xcalloc(n, sizeof *stack); /* nodes on the current path */
	size_t *next = xcalloc(n, sizeof *next);   /* the next reference to follow */
	for (size_t root = 0; root < n && !l->y->stop; root++) {
		if (colour[root] != WHITE)
			continue;
		size_t depth = 0;
		stack[depth++] = root;
		colour[root] = GREY;
		while (depth > 0) {
			size_t k = stack[depth - 1];
			const struct pending_expr *p = nodes[k];
			if (next[k] == expr_param_count(p->field->calculate)) {
				colour[k] = BLACK;
				depth--;
				continue;
			}
			long t = calc_target(l, p, next[k]++);
			if (t < 0 || colour[t] == BLACK)
				continue;
			if (colour[t] == WHITE) {
				colour[t] = GREY;
				stack[depth++] = (size_t)t;
				continue;
			}
			size_t from = depth - 1; /* grey: on the path, a cycle closes */
			while (stack[from] != (size_t)t)
				from--;
			report_cycle(l, nodes, stack + from, depth - from);
		}
	}
	free(next);
	free(stack);
	free(colour);
	free(nodes);
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
	}
	check_calc_cycles(l);
}

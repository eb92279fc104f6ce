// SPDX-License-Identifier: MIT
/*
 * schema_field.c — one field of a form, of any type, from its YAML mapping.
 *
 * Each attribute is accepted only on the types it means something for, so a
 * misplaced `choices:` or `calculate:` is reported rather than ignored.
 * Grid columns and list item fields are fields too, parsed by the same code
 * one level down; grids and lists do not nest.
 */
#include <stdlib.h>
#include <string.h>

#include "kaigi/xalloc.h"
#include "schema_internal.h"

static const char *const field_keys[] = {
    "id",
    "type",
    "label",
    "hint",
    "unit",
    "required",
    "sensitive",
    "phase",
    "relevant",
    "constraint",
    "constraint_message",
    "default",
    "min",
    "max",
    "choices",
    "choices_from",
    "calculate",
    "columns",
    "rows",
    "fields",
    "min_items",
    "max_items",
    "item_label",
    "formerly",
    "better",
    "tally",
    NULL,
};

static const char *const row_keys[] = {"id", "label", "group", "choices", "na", NULL};
static const char *const from_keys[] = {"form", "field", "label", NULL};

const struct schema_choice_list *schema_list_find(const struct schema_form *form, const char *id)
{
	for (size_t i = 0; i < form->nlists; i++)
		if (strcmp(form->lists[i].id, id) == 0)
			return &form->lists[i];
	return NULL;
}

/* Sets of field types, one bit per enum schema_type. */
#define TYPE_BIT(t) (1u << (t))
#define CHOICE_TYPES                                                                               \
	(TYPE_BIT(SCHEMA_SELECT_ONE) | TYPE_BIT(SCHEMA_SELECT_MULTIPLE) | TYPE_BIT(SCHEMA_SCALE))
#define SELECT_TYPES (TYPE_BIT(SCHEMA_SELECT_ONE) | TYPE_BIT(SCHEMA_SELECT_MULTIPLE))
#define RANGE_TYPES                                                                                \
	(TYPE_BIT(SCHEMA_INTEGER) | TYPE_BIT(SCHEMA_DECIMAL) | TYPE_BIT(SCHEMA_SCALE) |            \
	 TYPE_BIT(SCHEMA_DATE) | TYPE_BIT(SCHEMA_MONTH) | TYPE_BIT(SCHEMA_PERIOD))
/* Every type a person fills in: not a grid, a list or a calculation. */
#define FILLED_TYPES (~(TYPE_BIT(SCHEMA_GRID) | TYPE_BIT(SCHEMA_LIST) | TYPE_BIT(SCHEMA_CALCULATE)))

static bool type_in(enum schema_type t, unsigned types)
{
	return (TYPE_BIT(t) & types) != 0;
}

/*
 * The attributes a field takes on some types only: the key, the types it
 * applies to, and how the message names them.  A key on any other type is
 * reported, in this order.  (choices_from on a scale passes here and is
 * refused where choices are read: a scale needs its own ordered choices.)
 */
static const struct field_attr {
	const char *key;
	unsigned types;
	const char *which;
} field_attrs[] = {
    {"columns", TYPE_BIT(SCHEMA_GRID), "grid"},
    {"rows", TYPE_BIT(SCHEMA_GRID), "grid"},
    {"fields", TYPE_BIT(SCHEMA_LIST), "list"},
    {"min_items", TYPE_BIT(SCHEMA_LIST), "list"},
    {"max_items", TYPE_BIT(SCHEMA_LIST), "list"},
    {"item_label", TYPE_BIT(SCHEMA_LIST), "list"},
    {"choices", CHOICE_TYPES, "select_one, select_multiple and scale"},
    {"choices_from", CHOICE_TYPES, "select_one and select_multiple"},
    {"min", RANGE_TYPES, "integer, decimal, scale, date, month and period"},
    {"max", RANGE_TYPES, "integer, decimal, scale, date, month and period"},
    {"calculate", TYPE_BIT(SCHEMA_CALCULATE), "calculate"},
    {"better", TYPE_BIT(SCHEMA_SCALE), "scale"},
    {"tally", SELECT_TYPES, "select_one and select_multiple"},
    {"default", FILLED_TYPES, "fields a person fills in"},
    {"constraint", FILLED_TYPES, "fields a person fills in"},
};

/* Report key present on a type that does not take it. */
static void refuse_key(struct loader *l, yaml_node_t *map, const char *key, const char *type,
		       const char *which)
{
	yaml_node_t *k = ydoc_map_key(l->y, map, key);
	if (k)
		ydoc_error(l->y, k, "'%s' does not apply to %s %s field (only to %s)", key,
			   type[0] == 'i' ? "an" : "a", type, which);
}

static void compile_expr(struct loader *l, yaml_node_t *map, const char *key,
			 struct schema_field *f, struct schema_field *parent, struct expr **slot)
{
	const char *src = NULL;
	yaml_node_t *n = NULL;
	if (!ydoc_get_str(l->y, map, key, false, &src, &n) || src == NULL)
		return;
	struct kaigi_error err;
	int off = -1;
	if (expr_compile(l->eng, src, slot, &off, &err) != KAIGI_OK) {
		int line, col;
		ydoc_scalar_pos(l->y, n, off, &line, &col);
		ydoc_error_at(l->y, line, col, "%s: %s", key, err.msg);
		return;
	}
	if (l->npend == l->cappend) {
		l->cappend = l->cappend ? l->cappend * 2 : 16;
		l->pend = xreallocarray(l->pend, l->cappend, sizeof *l->pend);
	}
	l->pend[l->npend++] =
	    (struct pending_expr){.e = *slot, .node = n, .key = key, .field = f, .parent = parent};
}

/* min/max: numbers for numeric types, YYYY-MM-DD for dates, YYYY-MM for
 * months, a whole number of months for a period (its length). */
static void parse_bound(struct loader *l, yaml_node_t *map, const char *key, struct schema_field *f,
			bool *has, double *num, char **text)
{
	const char *s = NULL;
	yaml_node_t *n = NULL;
	if (!ydoc_get_str(l->y, map, key, false, &s, &n) || s == NULL)
		return;
	struct schema_field probe = *f;
	probe.has_min = probe.has_max = false;
	probe.choices = NULL;
	probe.choices_from = NULL;
	if (f->type == SCHEMA_PERIOD)
		probe.type = SCHEMA_INTEGER;
	struct kaigi_value v = {0};
	struct kaigi_error err;
	if (schema_value_parse(&probe, NULL, s, &v, &err) != KAIGI_OK || v.type == KAIGI_NULL) {
		ydoc_error(l->y, n, "'%s' of %s %s field must be %s, found '%s'", key,
			   f->type == SCHEMA_INTEGER ? "an" : "a", schema_type_name(f->type),
			   f->type == SCHEMA_DATE      ? "a date YYYY-MM-DD"
			   : f->type == SCHEMA_MONTH   ? "a month YYYY-MM"
			   : f->type == SCHEMA_PERIOD  ? "a whole number of months"
			   : f->type == SCHEMA_DECIMAL ? "a number"
						       : "a whole number",
			   s);
		kaigi_value_clear(&v);
		return;
	}
	*has = true;
	*num = v.type == KAIGI_INT ? (double)v.i : v.type == KAIGI_REAL ? v.r : 0;
	*text = kaigi_value_to_text(&v);
	kaigi_value_clear(&v);
}

static void parse_choices_from(struct loader *l, yaml_node_t *n, struct schema_field *f)
{
	struct ydoc *y = l->y;
	if (!ydoc_map_check(y, n, "'choices_from' ({field: …, label: …} or {form: …, field: …})",
			    from_keys))
		return;
	const char *form = NULL, *field = NULL, *label = NULL;
	yaml_node_t *fn = NULL, *formn = NULL, *ln = NULL;
	bool ok = ydoc_get_str(y, n, "form", false, &form, &formn);
	ok &= ydoc_get_str(y, n, "field", true, &field, &fn);
	ok &= ydoc_get_str(y, n, "label", false, &label, &ln);
	if (!ok)
		return;
	if (form && !schema_check_id(l, formn, form, "form id"))
		return;
	struct schema_choices_from *cf = xcalloc(1, sizeof *cf);
	cf->form = xstrdup_or_null(form);
	cf->field = xstrdup(field);
	cf->label_field = xstrdup_or_null(label);
	cf->pos = (struct schema_pos){ydoc_line(fn), ydoc_col(fn)};
	f->choices_from = cf;
}

static const struct schema_choice_list *parse_field_choices(struct loader *l, yaml_node_t *n,
							    struct schema_field *f);
static void free_choice_list(struct schema_choice_list *cl);

static bool scale_list_ok(struct loader *l, yaml_node_t *at, const struct schema_choice_list *c)
{
	for (size_t i = 0; i < c->n; i++) {
		char *end = NULL;
		strtol(c->v[i].value, &end, 10);
		if (*c->v[i].value == '\0' || *end != '\0') {
			ydoc_error(l->y, at,
				   "a scale's choices must have whole-number values in order; "
				   "'%s' (line %d) is not",
				   c->v[i].value, c->v[i].pos.line);
			return false;
		}
	}
	return true;
}

static void parse_row(struct loader *l, yaml_node_t *n, struct schema_field *grid,
		      struct schema_grid_row *row)
{
	struct ydoc *y = l->y;
	row->overrides = xcalloc(grid->ncolumns + 1, sizeof *row->overrides);
	row->na = xcalloc(grid->ncolumns + 1, sizeof *row->na);
	const char *id;
	yaml_node_t *idn;
	if (!schema_item_start(l, n, "a grid row", row_keys, "row id", &row->pos, &id, &idn))
		return;
	if (id) {
		for (size_t i = 0; i < grid->nrows && &grid->rows[i] != row; i++)
			if (grid->rows[i].id && strcmp(grid->rows[i].id, id) == 0)
				ydoc_error(y, idn, "duplicate row id '%s' (first at line %d)", id,
					   grid->rows[i].pos.line);
		row->id = xstrdup(id);
	}
	schema_parse_label(l, n, "label", true, &row->label);
	schema_parse_label(l, n, "group", false, &row->group);
	yaml_node_t *ch = ydoc_map_get(y, n, "choices");
	if (ch && ch->type != YAML_MAPPING_NODE) {
		ydoc_error(y, ch,
			   "a row's 'choices' maps a column id to a choice list id, "
			   "e.g. {now: scale_support}; found %s",
			   ydoc_kind(ch));
	} else if (ch) {
		for (yaml_node_pair_t *p = ch->data.mapping.pairs.start;
		     p < ch->data.mapping.pairs.top && !y->stop; p++) {
			yaml_node_t *k = ydoc_node(y, p->key), *v = ydoc_node(y, p->value);
			const char *col = ydoc_scalar(k), *list = ydoc_scalar(v);
			if (col == NULL || list == NULL) {
				ydoc_error(
				    y, k ? k : ch,
				    "a row's 'choices' maps a column id to a choice list id");
				continue;
			}
			size_t c = 0;
			while (c < grid->ncolumns &&
			       strcmp(grid->columns[c].id ? grid->columns[c].id : "", col) != 0)
				c++;
			if (c == grid->ncolumns) {
				ydoc_error(y, k, "row choices: no column '%s' in grid '%s'", col,
					   grid->id ? grid->id : "?");
				continue;
			}
			if (!type_in(grid->columns[c].type, CHOICE_TYPES) ||
			    grid->columns[c].choices_from) {
				ydoc_error(y, k,
					   "row choices: column '%s' is not a select_one, "
					   "select_multiple or scale with its own choices",
					   col);
				continue;
			}
			const struct schema_choice_list *cl = schema_list_find(l->form, list);
			if (cl == NULL) {
				ydoc_error(y, v,
					   "no choice list named '%s' (define it under 'choices:' "
					   "at the top of the form)",
					   list);
				continue;
			}
			if (grid->columns[c].type == SCHEMA_SCALE && !scale_list_ok(l, v, cl))
				continue;
			row->overrides[c] = cl;
		}
	}
	yaml_node_t *na = ydoc_map_get(y, n, "na");
	bool all;
	if (na && ydoc_scalar(na) && ydoc_parse_bool(ydoc_scalar(na), &all)) {
		for (size_t c = 0; c < grid->ncolumns; c++)
			row->na[c] = all;
	} else if (na && na->type == YAML_SEQUENCE_NODE) {
		for (size_t i = 0; i < ydoc_seq_len(na); i++) {
			yaml_node_t *cn = ydoc_seq_at(y, na, i);
			const char *col = ydoc_scalar(cn);
			size_t c = 0;
			while (col && c < grid->ncolumns &&
			       strcmp(grid->columns[c].id ? grid->columns[c].id : "", col) != 0)
				c++;
			if (col == NULL || c == grid->ncolumns)
				ydoc_error(y, cn ? cn : na, "na: no column '%s' in grid '%s'",
					   col ? col : "?", grid->id ? grid->id : "?");
			else
				row->na[c] = true;
		}
	} else if (na) {
		ydoc_error(y, na, "'na' must be true, false or a list of column ids; found %s",
			   ydoc_kind(na));
	}
}

static void parse_grid(struct loader *l, yaml_node_t *n, struct schema_field *f)
{
	struct ydoc *y = l->y;
	yaml_node_t *cols = ydoc_map_get(y, n, "columns");
	yaml_node_t *rows = ydoc_map_get(y, n, "rows");
	if (cols == NULL)
		ydoc_error(y, n, "a grid needs 'columns'");
	else
		schema_parse_fields(l, cols, &f->columns, &f->ncolumns, f, NULL);
	if (rows == NULL) {
		ydoc_error(y, n, "a grid needs 'rows'");
		return;
	}
	if (!ydoc_seq_nonempty(y, rows, "rows", "row"))
		return;
	f->rows = xcalloc(ydoc_seq_len(rows), sizeof *f->rows);
	for (size_t i = 0; i < ydoc_seq_len(rows) && !y->stop; i++) {
		yaml_node_t *rn = ydoc_seq_at(y, rows, i);
		if (rn == NULL)
			break;
		f->nrows = i + 1;
		parse_row(l, rn, f, &f->rows[i]);
	}
}

static void parse_list(struct loader *l, yaml_node_t *n, struct schema_field *f)
{
	struct ydoc *y = l->y;
	yaml_node_t *fields = ydoc_map_get(y, n, "fields");
	if (fields == NULL)
		ydoc_error(y, n, "a list needs 'fields' (what one item holds)");
	else
		schema_parse_fields(l, fields, &f->fields, &f->nfields, f, NULL);
	long mn = 0, mx = 0;
	ydoc_get_int(y, n, "min_items", false, 0, 10000, &mn);
	ydoc_get_int(y, n, "max_items", false, 0, 10000, &mx);
	f->min_items = (size_t)mn;
	f->max_items = (size_t)mx;
	if (mx && mn > mx)
		ydoc_error(y, ydoc_map_get(y, n, "min_items"),
			   "'min_items' (%ld) is larger than 'max_items' (%ld)", mn, mx);
	const char *il = NULL;
	yaml_node_t *iln = NULL;
	if (ydoc_get_str(y, n, "item_label", false, &il, &iln) && il) {
		if (schema_subfield_find(f, il) == NULL)
			ydoc_error(y, iln, "item_label: no field '%s' in the list's fields", il);
		else
			f->item_label = xstrdup(il);
	}
}

static void check_subfield_dup(struct loader *l, yaml_node_t *idn, struct schema_field *fields,
			       size_t n, const char *id, struct schema_field *parent)
{
	for (size_t i = 0; i < n; i++)
		if (fields[i].id && strcmp(fields[i].id, id) == 0) {
			ydoc_error(l->y, idn, "duplicate %s id '%s' (first at line %d)",
				   parent->type == SCHEMA_GRID ? "column" : "item field", id,
				   fields[i].pos.line);
			return;
		}
}

static void check_toplevel_dup(struct loader *l, yaml_node_t *idn, const char *id,
			       const struct schema_field *self)
{
	const struct schema_form *form = l->form;
	for (size_t s = 0; s < form->nsections; s++)
		for (size_t i = 0; i < form->sections[s].nfields; i++) {
			const struct schema_field *o = &form->sections[s].fields[i];
			if (o == self)
				return;
			if (o->id && strcmp(o->id, id) == 0) {
				ydoc_error(l->y, idn, "duplicate field id '%s' (first at line %d)",
					   id, o->pos.line);
				return;
			}
		}
}

static void parse_field(struct loader *l, yaml_node_t *n, struct schema_field *f,
			struct schema_field *siblings, size_t index, struct schema_field *parent,
			const char *default_phase)
{
	struct ydoc *y = l->y;
	const char *id, *type = NULL;
	yaml_node_t *idn, *tn = NULL;
	if (!schema_item_start(l, n, "a field", field_keys, "field id", &f->pos, &id, &idn))
		return;
	if (id) {
		if (parent)
			check_subfield_dup(l, idn, siblings, index, id, parent);
		else
			check_toplevel_dup(l, idn, id, f);
		f->id = xstrdup(id);
	}
	if (!ydoc_get_str(y, n, "type", true, &type, &tn))
		return;
	int t = schema_type_from_name(type);
	if (t < 0) {
		ydoc_error(y, tn,
			   "unknown field type '%s' (expected text, longtext, integer, decimal, "
			   "date, month, period, boolean, select_one, select_multiple, scale, "
			   "grid, list or calculate)",
			   type);
		return;
	}
	f->type = (enum schema_type)t;
	if (parent && (t == SCHEMA_GRID || t == SCHEMA_LIST)) {
		ydoc_error(y, tn, "a %s cannot hold a %s: grids and lists do not nest",
			   schema_type_name(parent->type), type);
		return;
	}
	schema_parse_label(l, n, "label", true, &f->label);
	schema_parse_label(l, n, "hint", false, &f->hint);
	schema_parse_label(l, n, "unit", false, &f->unit);
	schema_parse_label(l, n, "constraint_message", false, &f->constraint_message);
	ydoc_get_bool(y, n, "required", &f->required);
	ydoc_get_bool(y, n, "sensitive", &f->sensitive);
	const char *phase = NULL;
	yaml_node_t *pn = NULL;
	if (ydoc_get_str(y, n, "phase", false, &phase, &pn) && phase &&
	    schema_check_id(l, pn, phase, "phase id"))
		f->phase = xstrdup(phase);
	else if (default_phase)
		f->phase = xstrdup(default_phase);

	const char *tname = schema_type_name(f->type);
	bool grid = t == SCHEMA_GRID, list = t == SCHEMA_LIST;
	for (size_t i = 0; i < sizeof field_attrs / sizeof field_attrs[0]; i++)
		if (!type_in(f->type, field_attrs[i].types))
			refuse_key(l, n, field_attrs[i].key, tname, field_attrs[i].which);
	const char *better = NULL;
	yaml_node_t *bn = NULL;
	if (t == SCHEMA_SCALE && ydoc_get_str(y, n, "better", false, &better, &bn) && better) {
		if (strcmp(better, "higher") == 0)
			f->higher_better = true;
		else if (strcmp(better, "lower") != 0)
			ydoc_error(y, bn, "'better' is higher or lower, not '%s'", better);
	}
	if (type_in(f->type, SELECT_TYPES))
		ydoc_get_bool(y, n, "tally", &f->tally);
	if (ydoc_map_get(y, n, "constraint_message") && !ydoc_map_get(y, n, "constraint"))
		ydoc_error(y, ydoc_map_key(y, n, "constraint_message"),
			   "'constraint_message' without a 'constraint'");

	if (type_in(f->type, CHOICE_TYPES)) {
		yaml_node_t *ch = ydoc_map_get(y, n, "choices");
		yaml_node_t *cf = ydoc_map_get(y, n, "choices_from");
		if (ch && cf)
			ydoc_error(y, ydoc_map_key(y, n, "choices_from"),
				   "use either 'choices' or 'choices_from', not both");
		else if (ch)
			f->choices = parse_field_choices(l, ch, f);
		else if (cf && t == SCHEMA_SCALE)
			ydoc_error(y, ydoc_map_key(y, n, "choices_from"),
				   "a scale needs its own ordered 'choices', not 'choices_from'");
		else if (cf)
			parse_choices_from(l, cf, f);
		else
			ydoc_error(y, n, "a %s field needs 'choices' (or 'choices_from')", tname);
	}
	if (type_in(f->type, RANGE_TYPES)) {
		parse_bound(l, n, "min", f, &f->has_min, &f->min, &f->min_text);
		parse_bound(l, n, "max", f, &f->has_max, &f->max, &f->max_text);
		if (f->has_min && f->has_max &&
		    (f->type == SCHEMA_DATE || f->type == SCHEMA_MONTH
			 ? strcmp(f->min_text, f->max_text) > 0
			 : f->min > f->max))
			ydoc_error(y, ydoc_map_get(y, n, "min"), "'min' is larger than 'max'");
	}
	if (grid)
		parse_grid(l, n, f);
	if (list)
		parse_list(l, n, f);
	compile_expr(l, n, "relevant", f, parent, &f->relevant);
	if (type_in(f->type, FILLED_TYPES))
		compile_expr(l, n, "constraint", f, parent, &f->constraint);
	if (t == SCHEMA_CALCULATE) {
		if (ydoc_map_get(y, n, "calculate") == NULL)
			ydoc_error(y, n, "a calculate field needs a 'calculate' expression");
		else
			compile_expr(l, n, "calculate", f, parent, &f->calculate);
	}
	const char *former = NULL;
	yaml_node_t *fn = NULL;
	if (ydoc_get_str(y, n, "formerly", false, &former, &fn) && former &&
	    schema_check_id(l, fn, former, "field id")) {
		if (f->id && strcmp(former, f->id) == 0)
			ydoc_error(y, fn, "'formerly' names the field's own id");
		else
			f->formerly = xstrdup(former);
	}
	const char *def = NULL;
	yaml_node_t *dn = NULL;
	if (type_in(f->type, FILLED_TYPES) && ydoc_get_str(y, n, "default", false, &def, &dn) &&
	    def) {
		struct kaigi_value v = {0};
		struct kaigi_error err;
		if (schema_value_parse(f, NULL, def, &v, &err) != KAIGI_OK)
			ydoc_error(y, dn, "default: %s", err.msg);
		else
			f->default_value = xstrdup(def);
		kaigi_value_clear(&v);
	}
}

/* Parse a choice list: a sequence of {value, label}.  Returns NULL on error. */
static bool parse_choice_seq(struct loader *l, yaml_node_t *seq, struct schema_choice_list *out)
{
	struct ydoc *y = l->y;
	static const char *const choice_keys[] = {"value", "label", "na", "problem", NULL};
	out->pos = (struct schema_pos){ydoc_line(seq), ydoc_col(seq)};
	if (seq->type != YAML_SEQUENCE_NODE || ydoc_seq_len(seq) == 0) {
		ydoc_error(y, seq, "a choice list must be a list of {value: …, label: …}, found %s",
			   ydoc_kind(seq));
		return false;
	}
	size_t n = ydoc_seq_len(seq);
	out->v = xcalloc(n, sizeof *out->v);
	bool ok = true;
	for (size_t i = 0; i < n && !y->stop; i++) {
		yaml_node_t *cn = ydoc_seq_at(y, seq, i);
		if (cn == NULL ||
		    !ydoc_map_check(y, cn, "a choice ({value: …, label: …})", choice_keys)) {
			ok = false;
			continue;
		}
		struct schema_choice *c = &out->v[out->n];
		const char *value = NULL;
		yaml_node_t *vn = NULL;
		if (!ydoc_get_str(y, cn, "value", true, &value, &vn)) {
			ok = false;
			continue;
		}
		if (strpbrk(value, " \t\r\n")) {
			ydoc_error(y, vn, "a choice value cannot contain spaces: '%s'", value);
			ok = false;
			continue;
		}
		bool dup = false;
		for (size_t j = 0; j < out->n; j++)
			if (strcmp(out->v[j].value, value) == 0) {
				ydoc_error(y, vn, "duplicate choice value '%s' (first at line %d)",
					   value, out->v[j].pos.line);
				dup = true;
			}
		if (dup) {
			ok = false;
			continue;
		}
		c->value = xstrdup(value);
		c->pos = (struct schema_pos){ydoc_line(vn), ydoc_col(vn)};
		out->n++;
		if (!schema_parse_label(l, cn, "label", true, &c->label))
			ok = false;
		if (!ydoc_get_bool(y, cn, "na", &c->na))
			ok = false;
		if (!ydoc_get_bool(y, cn, "problem", &c->problem))
			ok = false;
		if (c->na && c->problem) {
			ydoc_error(y, ydoc_map_get(y, cn, "problem"),
				   "a choice marked 'na' (not applicable) cannot be a 'problem'");
			ok = false;
		}
	}
	return ok;
}

/* Inline lists are kept with the form's named ones, under no id. */
static const struct schema_choice_list *parse_field_choices(struct loader *l, yaml_node_t *n,
							    struct schema_field *f)
{
	struct schema_form *form = l->form;
	const struct schema_choice_list *list = NULL;
	const char *name = ydoc_scalar(n);
	if (name) {
		list = schema_list_find(form, name);
		if (list == NULL) {
			ydoc_error(l->y, n,
				   "no choice list named '%s' (define it under 'choices:' at the "
				   "top of the form)",
				   name);
			return NULL;
		}
	} else {
		struct schema_choice_list tmp = {0};
		if (!parse_choice_seq(l, n, &tmp)) {
			for (size_t i = 0; i < tmp.n; i++) {
				free(tmp.v[i].value);
				schema_label_free(&tmp.v[i].label);
			}
			free(tmp.v);
			return NULL;
		}
		/* Inline lists live in a side array so named lookups skip them. */
		struct schema_choice_list *owned = xcalloc(1, sizeof *owned);
		*owned = tmp;
		list = owned;
	}
	if (f->type == SCHEMA_SCALE && !scale_list_ok(l, n, list)) {
		if (list->id == NULL) {
			free_choice_list((struct schema_choice_list *)list);
			free((void *)list);
		}
		return NULL;
	}
	return list;
}

bool schema_parse_choice_lists(struct loader *l, yaml_node_t *map)
{
	struct ydoc *y = l->y;
	if (map->type != YAML_MAPPING_NODE) {
		ydoc_error(y, map,
			   "'choices' at the top of a form maps list ids to lists of "
			   "choices; found %s",
			   ydoc_kind(map));
		return false;
	}
	size_t n = (size_t)(map->data.mapping.pairs.top - map->data.mapping.pairs.start);
	l->form->lists = xcalloc(n + 1, sizeof *l->form->lists);
	for (size_t i = 0; i < n && !y->stop; i++) {
		yaml_node_pair_t *p = &map->data.mapping.pairs.start[i];
		yaml_node_t *k = ydoc_node(y, p->key), *v = ydoc_node(y, p->value);
		if (k == NULL || v == NULL)
			break;
		const char *id = ydoc_scalar(k);
		if (id == NULL) {
			ydoc_error(y, k, "a choice list id must be a plain word, found %s",
				   ydoc_kind(k));
			continue;
		}
		if (!schema_check_id(l, k, id, "choice list id"))
			continue;
		if (schema_list_find(l->form, id)) {
			ydoc_error(y, k, "duplicate choice list '%s'", id);
			continue;
		}
		/*
		 * A list with a mistake is kept under its name all the same (its
		 * errors are reported and keep the form out of the set), so that
		 * fields using it are not also told that no such list exists.
		 */
		struct schema_choice_list *cl = &l->form->lists[l->form->nlists++];
		parse_choice_seq(l, v, cl);
		cl->id = xstrdup(id);
		cl->pos = (struct schema_pos){ydoc_line(k), ydoc_col(k)};
	}
	return true;
}

void schema_parse_fields(struct loader *l, yaml_node_t *seq, struct schema_field **out,
			 size_t *nout, struct schema_field *parent, const char *default_phase)
{
	struct ydoc *y = l->y;
	const char *key = parent ? (parent->type == SCHEMA_GRID ? "columns" : "fields") : "fields";
	size_t n = ydoc_seq_nonempty(y, seq, key, "field");
	if (n == 0)
		return;
	*out = xcalloc(n, sizeof **out);
	for (size_t i = 0; i < n && !y->stop; i++) {
		yaml_node_t *fn = ydoc_seq_at(y, seq, i);
		if (fn == NULL)
			break;
		*nout = i + 1;
		parse_field(l, fn, &(*out)[i], *out, i, parent, default_phase);
	}
}

static void free_choice_list(struct schema_choice_list *cl)
{
	for (size_t i = 0; i < cl->n; i++) {
		free(cl->v[i].value);
		schema_label_free(&cl->v[i].label);
	}
	free(cl->v);
	free(cl->id);
}

void schema_field_free(struct schema_field *f)
{
	char *own[] = {f->id, f->phase, f->default_value, f->min_text, f->max_text};
	for (size_t i = 0; i < sizeof own / sizeof own[0]; i++)
		free(own[i]);
	struct schema_label *labels[] = {&f->label, &f->hint, &f->unit, &f->constraint_message};
	for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
		schema_label_free(labels[i]);
	struct expr *exprs[] = {f->relevant, f->constraint, f->calculate};
	for (size_t i = 0; i < sizeof exprs / sizeof exprs[0]; i++)
		expr_free(exprs[i]);
	/* An inline list has no id and is owned by the field. */
	if (f->choices && f->choices->id == NULL) {
		free_choice_list((struct schema_choice_list *)f->choices);
		free((void *)f->choices);
	}
	if (f->choices_from) {
		free(f->choices_from->form);
		free(f->choices_from->field);
		free(f->choices_from->label_field);
		free(f->choices_from);
	}
	for (size_t i = 0; i < f->ncolumns; i++)
		schema_field_free(&f->columns[i]);
	free(f->columns);
	for (size_t i = 0; i < f->nrows; i++) {
		free(f->rows[i].id);
		schema_label_free(&f->rows[i].label);
		schema_label_free(&f->rows[i].group);
		free(f->rows[i].overrides);
		free(f->rows[i].na);
	}
	free(f->rows);
	for (size_t i = 0; i < f->nfields; i++)
		schema_field_free(&f->fields[i]);
	free(f->fields);
	free(f->item_label);
	free(f->formerly);
}

void schema_choice_list_free(struct schema_choice_list *cl)
{
	free_choice_list(cl);
}

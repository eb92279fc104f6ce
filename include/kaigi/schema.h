/* SPDX-License-Identifier: MIT */
/*
 * schema.h — forms and meeting templates, loaded from YAML and checked.
 *
 * A schema_set holds every form and meeting template found, later sources
 * overriding earlier ones by id (installed forms/, then
 * $XDG_CONFIG_HOME/kaigi/forms/, then each --forms DIR).  Everything in it is
 * owned by the set and lives until schema_set_free(); pointers into it stay
 * valid while the set lives.  The set also owns the expression engine that
 * compiled the forms' expressions.
 *
 * The YAML language is documented for form writers in doc/forms.md.
 */
#ifndef KAIGI_SCHEMA_H
#define KAIGI_SCHEMA_H

#include <stdbool.h>
#include <stddef.h>

#include "kaigi/error.h"
#include "kaigi/expr.h"
#include "kaigi/value.h"

/* A label in Japanese and English.  A plain string in YAML sets both. */
struct schema_label {
	char *ja; /* NULL when absent */
	char *en; /* NULL when absent */
};

/* The label in lang ("ja" or "en"), falling back to the other; "" if none. */
const char *schema_label_get(const struct schema_label *l, const char *lang);

/* A word kaigi itself says for a stored id (a status, a policy kind, a
 * field of the meeting), in Japanese and English: a row of a table. */
struct schema_word {
	const char *id, *ja, *en;
};
/* The row of id in w[0..n), or NULL (id NULL too). */
const struct schema_word *schema_word_find(const struct schema_word *w, size_t n, const char *id);
#define SCHEMA_WORD_FIND(table, id) schema_word_find(table, sizeof table / sizeof table[0], id)

struct schema_pos {
	int line, col; /* 1-based position in the source file */
};

enum schema_type {
	SCHEMA_TEXT,
	SCHEMA_LONGTEXT,
	SCHEMA_INTEGER,
	SCHEMA_DECIMAL,
	SCHEMA_DATE,
	SCHEMA_BOOLEAN,
	SCHEMA_SELECT_ONE,
	SCHEMA_SELECT_MULTIPLE,
	SCHEMA_SCALE,
	SCHEMA_GRID,
	SCHEMA_LIST,
	SCHEMA_CALCULATE,
	SCHEMA_MONTH,  /* "YYYY-MM" (period.h) */
	SCHEMA_PERIOD, /* "YYYY-MM/YYYY-MM": a start and an end month (period.h) */
};

/* "text", "grid", …; NULL for an unknown value. */
const char *schema_type_name(enum schema_type t);
/* SCHEMA_TEXT … or -1 when name is not a type. */
int schema_type_from_name(const char *name);

struct schema_choice {
	char *value; /* stored value; for a scale, an integer in text form */
	struct schema_label label;
	bool na; /* `na: true`: "not applicable", not a rating (never compared) */
	/* `problem: true`: a rating that counts as a problem in the regional
	 * tallies (e.g. Toyoake's △ and ×); declared by the form, never by code */
	bool problem;
	struct schema_pos pos;
};

/* A named choice list, or a field's inline list (id NULL). */
struct schema_choice_list {
	char *id;
	struct schema_choice *v;
	size_t n;
	struct schema_pos pos;
};

/* Index of value in list, or -1. */
int schema_choice_find(const struct schema_choice_list *list, const char *value);

/*
 * Choices taken from another field's values: the items of a list field (the
 * choice value is the item's number, 1-based; the label is the item's
 * label_field) or the rows of a grid field (value = row id).  form is NULL
 * for the same form.
 */
struct schema_choices_from {
	char *form;        /* NULL: same form */
	char *field;       /* a list or grid field */
	char *label_field; /* for a list: the item field shown as the label */
	struct schema_pos pos;
};

struct schema_field;

/* One row of a grid.  overrides[c] replaces column c's choices (or NULL);
 * na[c] marks cell c as not applicable. */
struct schema_grid_row {
	char *id;
	struct schema_label label;
	struct schema_label group; /* e.g. ADL / IADL; may be empty */
	const struct schema_choice_list **overrides;
	bool *na;
	struct schema_pos pos;
};

struct schema_field {
	char *id;
	enum schema_type type;
	struct schema_label label, hint, unit, constraint_message;
	bool required;
	bool sensitive; /* identifying: masked in anonymised output */
	/* A scale: `better: higher` when a larger value is the better state
	 * (the outcome sheet's 1–5); the default is lower (ADL ratings). */
	bool higher_better;
	/* A select: `tally: true` counts its choices in the regional tallies
	 * (Toyoake's key problems 要となる問題点). */
	bool tally;
	char *phase; /* meeting phase that shows it first, or NULL */
	struct expr *relevant, *constraint, *calculate; /* each may be NULL */
	char *default_value;                            /* as text, or NULL */
	bool has_min, has_max;
	double min, max;           /* numbers, scale, a period's months; dates and months
				      compare as text */
	char *min_text, *max_text; /* the YAML text of min/max (dates) */
	const struct schema_choice_list *choices; /* select_*, scale; or NULL */
	struct schema_choices_from *choices_from; /* or NULL */
	/* grid */
	struct schema_field *columns;
	size_t ncolumns;
	struct schema_grid_row *rows;
	size_t nrows;
	/* list */
	struct schema_field *fields; /* item fields */
	size_t nfields;
	size_t min_items, max_items; /* max 0 = unlimited */
	char *item_label;            /* item field that names an item, or NULL */
	char *formerly;              /* the id this field had in an older version, or NULL */
	struct schema_pos pos;
	/* A calculated field's place among its form's (1..form->ncalc), for
	 * evaluating each once (calc.h); 0 for other fields. */
	unsigned calc_slot;
};

struct schema_section {
	char *id;
	struct schema_label title;
	char *phase;
	struct schema_field *fields;
	size_t nfields;
	struct schema_pos pos;
};

struct schema_form {
	char *id;
	int version;
	struct schema_label title, description;
	char *source;   /* file it was loaded from */
	unsigned layer; /* the schema_set_next_layer() it was loaded in */
	struct schema_choice_list *lists;
	size_t nlists;
	struct schema_section *sections;
	size_t nsections;
	struct schema_pos pos;
	size_t ncalc; /* calculated fields, grid columns and list items included */
};

struct schema_phase {
	char *id;
	struct schema_label title;
	int minutes;
	struct schema_label *prompts;
	size_t nprompts;
	struct schema_pos pos;
};

struct schema_role {
	char *id;
	struct schema_label label;
};

struct schema_meeting {
	char *id;
	int version;
	char *kind; /* e.g. individual, difficult, planning */
	struct schema_label title, description;
	char *source;
	unsigned layer;
	int minutes;         /* whole meeting */
	int case_minutes;    /* the per-case budget (a slot's most), or 0 */
	int reserve_minutes; /* the meeting's own opening and closing, outside the cases */
	int cases_min, cases_max;
	struct schema_phase *phases; /* per case */
	size_t nphases;
	struct schema_role *roles; /* expected in the room */
	size_t nroles;
	char **forms; /* ids of the forms each case uses, in order */
	struct schema_pos *forms_pos;
	size_t nforms;
	/* ids of the forms filled for the meeting itself (a planning meeting's
	 * process and outcome sheets, a policy meeting's minutes), in order */
	char **meeting_forms;
	struct schema_pos *meeting_forms_pos;
	size_t nmeeting_forms;
	struct schema_pos pos;
};

struct schema_set {
	struct expr_engine *eng;
	struct schema_form **forms;
	size_t nforms;
	struct schema_meeting **meetings;
	size_t nmeetings;
	unsigned layer; /* current layer: a folder, or the files of one check */
};

/* An empty set with its own expression engine. */
enum kaigi_status schema_set_init(struct schema_set *set, struct kaigi_error *err);
void schema_set_free(struct schema_set *set);

/*
 * Load one file (a form or a meeting template) into set.  Every problem found
 * is added to diags as FILE:LINE:COL; nothing is added to the set unless the
 * file is free of errors.  A form or template whose id is already in the set
 * replaces it.  References to other forms are checked by schema_set_check().
 */
enum kaigi_status schema_load_file(struct schema_set *set, const char *path,
				   struct kaigi_diags *diags);
/* The same from memory; name is used in messages (fuzzing, tests). */
enum kaigi_status schema_load_buffer(struct schema_set *set, const char *name, const char *buf,
				     size_t len, struct kaigi_diags *diags);

/*
 * Start a new layer.  A file may replace a form or template of an earlier
 * layer (a town's folder overriding the installed one); two files of the same
 * layer with the same id are an error, since one would silently hide the
 * other.  schema_load_dir() starts a layer of its own.
 */
void schema_set_next_layer(struct schema_set *set);

/* Load every *.yaml / *.yml file of dir, in name order, as a new layer.  A
 * missing dir is not an error. */
enum kaigi_status schema_load_dir(struct schema_set *set, const char *dir,
				  struct kaigi_diags *diags);

/*
 * Check what spans files: meeting templates name installed forms, phases
 * named by fields exist in a template that uses the form, choices_from of
 * another form names a list or grid there.  Problems go to diags.
 */
enum kaigi_status schema_set_check(const struct schema_set *set, struct kaigi_diags *diags);

const struct schema_form *schema_form_find(const struct schema_set *set, const char *id);
const struct schema_meeting *schema_meeting_find(const struct schema_set *set, const char *id);

/* A field by id: top-level fields in every section, not grid columns or
 * list items.  NULL when absent. */
const struct schema_field *schema_field_find(const struct schema_form *form, const char *id);
/* A grid column or list item field of parent by id. */
const struct schema_field *schema_subfield_find(const struct schema_field *parent, const char *id);
/* The field (top-level, or of parent when not NULL) that was called id in an
 * older version of the form (`formerly: id`), or NULL.  Record files written
 * before the rename import through it. */
const struct schema_field *schema_field_find_former(const struct schema_form *form,
						    const struct schema_field *parent,
						    const char *id);
const struct schema_grid_row *schema_row_find(const struct schema_field *grid, const char *id);

/* The choices that apply to column col of grid row row (the row's override,
 * else the column's own).  NULL for a column without choices. */
const struct schema_choice_list *schema_cell_choices(const struct schema_field *grid,
						     const struct schema_grid_row *row, size_t col);

/* A cell's value v as its short code in lang: the choice's label, where an
 * English label that starts with the Japanese one ("〇1 independent, easy")
 * reads as the Japanese code (〇1), as in a narrow column; the value as
 * typed when it is not a choice; NULL for no value.  Caller frees.  The
 * screens and the reports both show ratings this way. */
char *schema_cell_code(const struct schema_field *grid, const struct schema_grid_row *row,
		       size_t col, const struct kaigi_value *v, const char *lang);

/*
 * Parse and check one answer typed as text against field f (a top-level
 * field, a grid column or a list item field).  choices, when not NULL,
 * replaces f's own (use schema_cell_choices for grid cells).  Checks the
 * type, min/max, and choice membership; choices_from fields are only
 * checked for form (a positive item number or a row id) because their
 * members live in the record.  An empty text gives a NULL value.  On
 * success *out holds the normalised value (caller clears it).  The
 * constraint expression is not evaluated here: see schema_constraint_check.
 */
enum kaigi_status schema_value_parse(const struct schema_field *f,
				     const struct schema_choice_list *choices, const char *text,
				     struct kaigi_value *out, struct kaigi_error *err);

/*
 * schema_value_parse for an answer given on a day: start ("YYYY-MM-DD" or
 * "YYYY-MM", normally the meeting's date; NULL when unknown) is where a
 * period typed as a length (6か月) or an end alone (〜2027-05) begins.
 */
enum kaigi_status schema_value_parse_at(const struct schema_field *f,
					const struct schema_choice_list *choices, const char *text,
					const char *start, struct kaigi_value *out,
					struct kaigi_error *err);

/*
 * Evaluate f's constraint with values from lookup (the field's own value is
 * `:id` like any other).  Fails with f's constraint message in lang ("ja" or
 * "en") when the result is false; a NULL result passes (an unanswered field
 * is the business of `required`, not of its constraint).
 */
enum kaigi_status schema_constraint_check(const struct schema_field *f, expr_lookup_fn lookup,
					  void *ctx, const char *lang, struct kaigi_error *err);

#endif

/* SPDX-License-Identifier: MIT */
/*
 * schema_internal.h — shared between the schema module's files only.
 *
 * Loading a file builds a form or meeting template in a struct loader while
 * reporting every problem to the ydoc's diagnostics; expressions are
 * compiled as they are met and their field references checked once every
 * field of the form is known.
 */
#ifndef KAIGI_SCHEMA_INTERNAL_H
#define KAIGI_SCHEMA_INTERNAL_H

#include "kaigi/schema.h"
#include "kaigi/yaml_doc.h"

#define SCHEMA_ID_MAX 64

/* An expression waiting for its field references to be checked. */
struct pending_expr {
	struct expr *e;
	yaml_node_t *node;           /* the expression's scalar */
	const char *key;             /* relevant, constraint, calculate */
	struct schema_field *field;  /* the field that holds it */
	struct schema_field *parent; /* its grid or list, or NULL */
};

struct loader {
	struct ydoc *y;
	struct expr_engine *eng;
	struct schema_form *form;
	struct schema_meeting *meeting; /* the template being read */
	struct pending_expr *pend;
	size_t npend, cappend;
};

/* schema_label.c */
bool schema_parse_label(struct loader *l, yaml_node_t *map, const char *key, bool required,
			struct schema_label *out);
void schema_label_free(struct schema_label *lab);
/* Check an id's spelling; reports at n and returns false when wrong. */
bool schema_check_id(struct loader *l, yaml_node_t *n, const char *id, const char *what);
/* A form's or template's id (under key, checked as id_kind) and version:
 * into *id (new) and *version when right, else reported. */
void schema_parse_head(struct loader *l, yaml_node_t *root, const char *key, const char *id_kind,
		       char **id, int *version);
/* The required, non-empty list under key of map (item: "section" in
 * messages): a zeroed array of size-byte elements, passed to each with
 * every item's node and index i in turn while the file is read on; each
 * keeps v (its first call takes it over) and the count, i + 1. */
void schema_parse_items(struct loader *l, yaml_node_t *map, const char *key, const char *item,
			size_t size,
			void (*each)(struct loader *l, yaml_node_t *n, void *v, size_t i));
/* schema_load.c: read path whole (at most max bytes; what names it in the
 * message when it is larger) and parse it into into; a file that cannot
 * be read goes to diags.  Returns the read's status or parse's. */
typedef enum kaigi_status schema_parse_fn(void *into, const char *name, const char *buf, size_t len,
					  struct kaigi_diags *diags);
enum kaigi_status schema_file_parse(const char *path, size_t max, const char *what,
				    schema_parse_fn *parse, void *into, struct kaigi_diags *diags);
/* The start of an item of a list (what: "a field"): false when n is not a
 * mapping of keys (reported); else its position into *pos and its id,
 * checked as id_kind ("field id"), into *id with its node in *idn; *id is
 * NULL when the id is missing or wrong (reported). */
bool schema_item_start(struct loader *l, yaml_node_t *n, const char *what, const char *const *keys,
		       const char *id_kind, struct schema_pos *pos, const char **id,
		       yaml_node_t **idn);

/* An item of a list of {id, label} (the town's professions, a meeting's
 * roles). */
struct schema_id_label {
	char *id;
	struct schema_label label;
};
/*
 * The items of seq, a sequence of {id, label} mappings (item: "a role",
 * id_kind: "role id" in messages): ids checked and unique, the label
 * required; a bad item is reported and left out.  *out is a new array
 * (room for every item) the caller frees, its strings taken over.
 * Returns the count.
 */
size_t schema_parse_id_labels(struct loader *l, yaml_node_t *seq, const char *item,
			      const char *id_kind, struct schema_id_label **out);

/* schema_field.c */
void schema_parse_fields(struct loader *l, yaml_node_t *seq, struct schema_field **out,
			 size_t *nout, struct schema_field *parent, const char *default_phase);
void schema_field_free(struct schema_field *f);
/* The form's named lists, under the top-level 'choices:' mapping. */
bool schema_parse_choice_lists(struct loader *l, yaml_node_t *map);
void schema_choice_list_free(struct schema_choice_list *cl);
const struct schema_choice_list *schema_list_find(const struct schema_form *form, const char *id);

/* schema_exprcheck.c */
void schema_check_expressions(struct loader *l);

/* schema_meeting.c */
struct schema_meeting *schema_parse_meeting(struct loader *l, yaml_node_t *root);
void schema_meeting_free(struct schema_meeting *m);

/* schema_set.c: a form freed; the add functions take ownership, replacing
 * an entry with the same id. */
void schema_form_free(struct schema_form *form);
void schema_set_add_form(struct schema_set *set, struct schema_form *form);
void schema_set_add_meeting(struct schema_set *set, struct schema_meeting *m);

/* The settings' lists (schema_config_lists.c). */
struct kaigi_config;
void config_parse_professions(struct loader *l, yaml_node_t *n, struct kaigi_config *cfg);
void config_parse_region(struct loader *l, yaml_node_t *n, struct kaigi_config *cfg);
void config_lists_free(struct kaigi_config *cfg);

#endif

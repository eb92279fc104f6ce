/* SPDX-License-Identifier: MIT */
/*
 * ui_form.h — a page of fields: the fields of one section of a form, the
 * fields of one list item, or the editable facts of a meeting, a
 * participant or a case.  It moves the focus through them, opens the
 * right editor for each field type (one line, long text, pop-up list, grid
 * cell) and saves an answer the moment the field is left.
 *
 * Where answers come from and go to is a struct ui_src: a form record
 * (through store_answer_save) or a row of the store's own tables.  With a
 * record, `relevant` hides and shows fields live, calculated fields are
 * shown, and lists and choices taken from the record work.
 *
 * Design note: the page is a list of rows (a field, a grid, a list heading,
 * a list item, "add") rebuilt after every save, because a save can change
 * which fields are relevant and what a list holds.  The focus is kept on
 * the same field across a rebuild.
 */
#ifndef KAIGI_UI_FORM_H
#define KAIGI_UI_FORM_H

#include <stdbool.h>
#include <stddef.h>

#include "kaigi/draft.h"
#include "kaigi/schema.h"
#include "kaigi/store.h"
#include "ui_app.h"
#include "ui_draw.h"
#include "ui_host.h"
#include "ui_record.h"
#include "ui_select.h"
#include "ui_text.h"

/* Where a page's answers live. */
struct ui_src {
	void *ctx;
	/* The form record, for expressions, lists and choices_from; NULL for
	 * a page over the store's own rows. */
	struct ui_rec *rec;
	/* The stored value at field / item / col (borrowed), or NULL. */
	const struct kaigi_value *(*value)(void *ctx, const char *field, const char *item,
					   const char *col);
	/* Save text ("" clears); on success the source has re-read itself. */
	enum kaigi_status (*save)(void *ctx, const char *field, const char *item, const char *col,
				  const char *text, struct kaigi_error *err);
	/* Or, instead of value and save, for a page over made fields
	 * (ui_synth.h) that keeps its values in an array: the value of field
	 * is values[index(field)] (index -1: none), and put saves text as
	 * value i (ui_src_value and ui_src_save choose). */
	const struct kaigi_value *values;
	int (*index)(const char *field);
	enum kaigi_status (*put)(void *ctx, int i, const char *text, struct kaigi_error *err);
	/* Where the page's drafts are kept (kaigi/draft.h): a form record's
	 * id, or "<kind>:<id>"; NULL keeps them in memory only.  record_id is
	 * the form record, or NULL.  Both borrowed. */
	const char *scope;
	const char *record_id;
};

enum ui_form_mode {
	UI_FORM_NAV = 0, /* moving between fields */
	UI_FORM_LINE,    /* typing in a one-line field or grid cell */
	UI_FORM_AREA,    /* the long-text editor */
};

struct store_draft;

struct ui_form {
	struct ui_src src;
	const struct schema_field *fields;
	size_t nfields;
	const struct schema_field *list; /* an item page: its list */
	char item[STORE_ID_SIZE];        /* an item page: the item */
	char *title;

	struct ui_row *rows;
	size_t nrows;
	size_t cur; /* the focused row */
	int top;    /* first screen line shown */

	enum ui_form_mode mode;
	struct ui_text text;
	bool orig_draft;            /* the editor opened on a draft */
	struct store_draft *drafts; /* the page's drafts (of its scope) */
	size_t ndrafts;
	bool offered;              /* a draft left by a crash was offered back */
	struct ui_grid_state grid; /* the focused grid's cursor and scroll */
	/* Where the open editor writes: a field of the page (etop is the
	 * page's list or NULL) or a grid cell (etop the grid). */
	const struct schema_field *etop, *ef;
	const struct schema_grid_row *erow;
	size_t ecol;
	char err[1024];                  /* why the focused answer was refused */
	struct ui_list_state list_state; /* the lists' undo */
	char today[11];
};

/* A page over fields[0..n) (a section), titled title (copied). */
void ui_form_init(struct ui_form *fm, struct ui_src src, const struct schema_field *fields,
		  size_t n, const char *title);
/* A page over one item of list (its item fields). */
void ui_form_init_item(struct ui_form *fm, struct ui_src src, const struct schema_field *list,
		       const char *item_id, const char *title);
void ui_form_free(struct ui_form *fm);

/* Rebuild the rows after the data changed (keeps the focus). */
void ui_form_rebuild(struct ui *ui, struct ui_form *fm);
/* Focus the first or last row. */
void ui_form_focus_edge(struct ui_form *fm, bool last);
/* Focus the row of field id (a top-level field of the page); false when
 * it is not shown. */
bool ui_form_focus_field(struct ui_form *fm, const char *id);

unsigned ui_form_contexts(const struct ui_form *fm);
enum ui_form_out ui_form_key(struct ui *ui, struct ui_form *fm, const struct ui_key *k);
void ui_form_draw(struct ui *ui, struct ui_form *fm, struct ui_rect r, bool focused);
/* Save what is being typed, if anything (leaving, a signal).  Returns
 * false when the store refused it (the message is in fm->err). */
bool ui_form_flush(struct ui *ui, struct ui_form *fm);
bool ui_form_editing(const struct ui_form *fm);
/* The focused field's full label and hint, for the status line. */
void ui_form_hint(struct ui *ui, const struct ui_form *fm, char *buf, size_t size);
/* The item id of the focused UI_ROW_ITEM, or NULL. */
const char *ui_form_item_id(const struct ui_form *fm);
/* Start editing the focused field as if Enter was pressed. */
void ui_form_edit(struct ui *ui, struct ui_form *fm);
/* The draft of field f of the page (a plain field), or NULL. */
const struct store_draft *ui_form_draft_of(const struct ui_form *fm, const struct schema_field *f);

/* ---- parts in their own files, used by ui_form.c ------------------------ */

/* ui_form.c: the value shown for f (calculated ones computed); out is
 * cleared first, the caller clears it. */
void ui_form_value(const struct ui_form *fm, const struct schema_field *f, struct kaigi_value *out);
/* ui_form.c: the answer path of a plain field of the page. */
void ui_form_field_path(const struct ui_form *fm, const struct schema_field *f, const char **field,
			const char **item, const char **col);
/* ui_form.c: move the focus by rows (exits at either end). */
enum ui_form_out ui_form_focus_move(struct ui_form *fm, int by);

/* ui_form_edit.c: the editor and the drafts. */
/* The path the open editor (or pop-up) writes to. */
void ui_form_target_path(const struct ui_form *fm, const char **field, const char **item,
			 const char **col);
void ui_form_drafts_load(struct ui *ui, struct ui_form *fm);
const struct store_draft *ui_form_draft_at(const struct ui_form *fm, const char *field,
					   const char *item, const char *col);
/* Open the editor on f (a field of the page, top = its list or NULL; or a
 * grid cell: top the grid, row and col); initial is a typed character to
 * start with (NULL: the draft, else the answer). */
void ui_form_open_editor(struct ui *ui, struct ui_form *fm, const struct schema_field *top,
			 const struct schema_field *f, const struct schema_grid_row *row,
			 size_t col, const char *initial);
/* The editor that suits field f of the page (a pop-up for choices). */
void ui_form_begin_edit(struct ui *ui, struct ui_form *fm, const struct schema_field *f,
			const char *initial);
/* Keep what the editor holds: saved when valid; else, when leaving, kept
 * as a draft marked not valid.  True when the editor closed. */
bool ui_form_commit(struct ui *ui, struct ui_form *fm, bool leaving);
enum ui_form_out ui_form_key_editing(struct ui *ui, struct ui_form *fm, const struct ui_key *k);
/* Throw away the draft of field f of the page; false when it has none. */
bool ui_form_draft_forget(struct ui *ui, struct ui_form *fm, const struct schema_field *f);
/* Put the focus on a draft left by a crash, once per page, and say so. */
void ui_form_offer_drafts(struct ui *ui, struct ui_form *fm);

/* The stored value at field / item / col of the page's source (borrowed),
 * or NULL. */
const struct kaigi_value *ui_src_value(const struct ui_src *src, const char *field,
				       const char *item, const char *col);
/* Save text at field / item / col through the page's source. */
enum kaigi_status ui_src_save(const struct ui_src *src, const char *field, const char *item,
			      const char *col, const char *text, struct kaigi_error *err);

/* ui_form.c: the page as its widgets' host (ui_host.h). */
struct ui_host ui_form_host(struct ui_form *fm);

/* ui_form.c, for the parts: save text at a path, with the page's error
 * handling (message in fm->err).  True on success. */
bool ui_form_save(struct ui *ui, struct ui_form *fm, const char *field, const char *item,
		  const char *col, const char *text);
/* Open the pop-up of choices for f at a path (a screen stacked on the
 * page, ui_popup.h); initial is typed into its filter. */
void ui_form_open_select(struct ui *ui, struct ui_form *fm, const struct schema_field *top,
			 const struct schema_field *f, const struct schema_grid_row *row,
			 size_t col, const struct kaigi_value *cur, const char *initial);

#endif

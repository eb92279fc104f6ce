/* SPDX-License-Identifier: MIT */
/*
 * ui_host.h — what a widget may ask of the page that holds it, and what it
 * answers.  Every widget (ui_widget.h: a plain field's kind, a grid, a
 * list) is given a host, and through it its own state; it reads and saves
 * answers, and asks for a pop-up or an editor, through the host's
 * operations, and never includes the page (ui_form.h).  The page
 * implements the host (ui_form.c), so the page depends on its widgets and
 * not the other way round.
 */
#ifndef KAIGI_UI_HOST_H
#define KAIGI_UI_HOST_H

#include <stdbool.h>
#include <stddef.h>

#include "kaigi/schema.h"
#include "kaigi/store.h"
#include "kaigi/value.h"
#include "ui_app.h"
#include "ui_record.h"
#include "ui_text.h"

/* What happened to a key. */
enum ui_form_out {
	UI_FORM_HANDLED = 0,
	UI_FORM_UNHANDLED, /* not the page's key */
	UI_FORM_EXIT_UP,   /* moved up from the first row */
	UI_FORM_EXIT_DOWN, /* moved down from the last row */
	UI_FORM_EXIT_LEFT, /* ← to the section list */
	UI_FORM_OPEN_ITEM, /* open the focused (or just added) list item */
};

enum ui_row_kind {
	UI_ROW_FIELD,
	UI_ROW_GRID,
	UI_ROW_LIST, /* a list's heading */
	UI_ROW_ITEM, /* one item of the list above it */
	UI_ROW_ADD,  /* "add an item" after a list */
};

struct ui_row {
	enum ui_row_kind kind;
	const struct schema_field *f;
	size_t item; /* UI_ROW_ITEM: the item's index */
};

/* A deleted list item, kept so that `u` brings it back. */
struct ui_undo {
	bool have;
	char field[128];
	size_t pos;
	/* The item's answers (col and value of each; only answers and
	 * nanswers are set), freed by store_record_clear. */
	struct store_record kept;
};

/* A list's own state: the item deleted last. */
struct ui_list_state {
	struct ui_undo undo;
};

/* A grid's own state: the cell with the focus, the scroll, a rating
 * symbol typed before its digit (〇 △ ×). */
struct ui_grid_state {
	size_t gr, gc, gtop;
	char gprefix[8];
};

struct ui_host {
	void *page;
	/* The page's state of its row widgets: the focused grid's cursor, the
	 * lists' undo. */
	struct ui_grid_state *grid;
	struct ui_list_state *list;
	/* The form record, for expressions and choices taken from it; or
	 * NULL. */
	struct ui_rec *rec;
	/* The stored value at a path (borrowed), or NULL. */
	const struct kaigi_value *(*value)(const struct ui_host *h, const char *field,
					   const char *item, const char *col);
	/* The path (field, item, col) of a plain field f of the page. */
	void (*path)(const struct ui_host *h, const struct schema_field *f, const char **field,
		     const char **item, const char **col);
	/* Save text at a path ("" clears), saying so on the status line when it
	 * is refused; true when saved. */
	bool (*save)(struct ui *ui, const struct ui_host *h, const char *field, const char *item,
		     const char *col, const char *text);
	/* Open the page's pop-up of choices, or its editor (initial: a typed
	 * character to start with), for cell (row, col) of grid top. */
	void (*choose)(struct ui *ui, const struct ui_host *h, const struct schema_field *top,
		       const struct schema_field *f, const struct schema_grid_row *row, size_t col,
		       const struct kaigi_value *cur);
	void (*edit)(struct ui *ui, const struct ui_host *h, const struct schema_field *top,
		     const struct schema_field *f, const struct schema_grid_row *row, size_t col,
		     const char *initial);
	/* Start answering plain field f: its pop-up of choices or its editor,
	 * with initial (a typed character, or NULL) to start with. */
	void (*begin)(struct ui *ui, const struct ui_host *h, const struct schema_field *f,
		      const char *initial);
	/* The text being typed into cell (row, col) of top, or NULL when no
	 * editor is open there. */
	struct ui_text *(*typing)(const struct ui_host *h, const struct schema_field *top,
				  size_t row, size_t col);
	/* Read the record again and rebuild the page (after items changed);
	 * false when it could not be read (said on the status line). */
	bool (*reload)(struct ui *ui, const struct ui_host *h);
	/* Put the focus on item index of list (after a reload). */
	void (*focus_item)(const struct ui_host *h, const struct schema_field *list, size_t index);
};

#endif

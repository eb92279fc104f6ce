/* SPDX-License-Identifier: MIT */
/*
 * ui_widget.h — what each kind of field is on a form page: one const
 * descriptor per kind (text, longtext, integer, decimal, date, boolean,
 * select_one, select_multiple, scale, grid, list, calculate), looked up by
 * the field's type.
 *
 * The page (ui_form.c) asks the descriptor instead of switching on types,
 * and hands it the page as a host (ui_host.h), never itself:
 * how the field is edited (flags), how typed text is read (normalise), what
 * a refusal says is accepted (refusal), what a character typed on it does
 * (on_char), and — for the kinds that are rows of their own, grids and
 * lists — their height, drawing, keys and key contexts.  A kind a newer
 * forms language adds falls back to the text widget until it has its own.
 */
#ifndef KAIGI_UI_WIDGET_H
#define KAIGI_UI_WIDGET_H

#include <stdbool.h>

#include "kaigi/schema.h"
#include "ui_host.h"

enum ui_widget_flag {
	UI_W_TEXT = 1u << 0,      /* typed in an editor: every character is text */
	UI_W_REPLACE = 1u << 1,   /* a character typed on it replaces the answer */
	UI_W_MULTILINE = 1u << 2, /* the long-text editor; several lines shown */
	/* Answered from a pop-up list: ui_field_is_choice (ui_field.h), which
	 * the grid's cells ask too. */
	UI_W_MULTI = 1u << 4,    /* several choices at once */
	UI_W_COMPUTED = 1u << 5, /* calculated: shown, never entered */
};

struct ui_widget {
	const char *name; /* the forms language's type name */
	enum ui_row_kind row;
	unsigned flags;
	/* Typed text as the store reads it (a date's t, +90, R8.3.1), into
	 * out; false leaves the text as typed.  NULL: as typed. */
	bool (*normalise)(const char *text, const char today[11], char out[64]);
	/* What is accepted, with an example: a format (N_) with one %s for
	 * the text, for a value of the wrong kind.  NULL: the store's reason. */
	const char *refusal;
	/* A character typed on the field while it is not being edited. */
	enum ui_form_out (*on_char)(struct ui *ui, const struct ui_host *h,
				    const struct schema_field *f, const struct ui_key *k);
	/* Rows of their own (grid, list): NULL for a plain field.  row is the
	 * page's row the widget is drawn on or has the focus on. */
	int (*height)(const struct schema_field *f, int avail);
	void (*draw)(struct ui *ui, const struct ui_host *h, const struct ui_row *row,
		     struct ui_rect r, int attr, bool focused);
	enum ui_form_out (*key)(struct ui *ui, const struct ui_host *h, const struct ui_row *row,
				const struct ui_key *k);
	unsigned (*contexts)(const struct ui_host *h, const struct schema_field *f);
	/* What the status line says while it is typed (N_), or NULL. */
	const char *typing_hint;
};

/* The widget of field f (text for a type it does not know). */
const struct ui_widget *ui_widget_of(const struct schema_field *f);

#endif

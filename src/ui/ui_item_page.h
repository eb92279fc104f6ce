/* SPDX-License-Identifier: MIT */
/*
 * ui_item_page.h — one item of a list (a goal, an action, an issue) on a
 * page of its own: a screen stacked on the screen that opened it (its
 * owner), like the pop-ups of ui_popup.h.
 *
 * The item page holds the item's form (struct ui_form) and takes every key
 * while it is on top.  It draws its owner around itself — the owner draws
 * its frame (a header, timers, a side list) and gives back the pane the
 * item's fields go in — and it hands the owner the keys that are the
 * owner's commands (a phase timer's keys, say) through command().  When it
 * closes (Esc, ←, or its owner closing it) it saves what is being typed,
 * pops itself and tells the owner through closed(): which item, whether
 * anything was saved on it, so the owner can put its focus back on the
 * item's row.  The owner keeps no item state and routes no keys by hand.
 */
#ifndef KAIGI_UI_ITEM_PAGE_H
#define KAIGI_UI_ITEM_PAGE_H

#include <stdbool.h>
#include <stddef.h>

#include "kaigi/schema.h"
#include "kaigi/store.h"
#include "ui_app.h"
#include "ui_draw.h"
#include "ui_form.h"

/* What the owner is told when the item page has closed (it is on top
 * again). */
struct ui_item_closed {
	const struct schema_field *list; /* the item's list */
	char item[STORE_ID_SIZE];        /* the item's id */
	size_t index;                    /* its index when it was opened */
	bool saved;                      /* an answer was saved while it was open */
	size_t drafts;                   /* its fields' drafts left (typed, not kept) */
};

/* The owner's side of an item page. */
struct ui_item_owner {
	/* Contexts added to the item form's while it moves between fields,
	 * and while it types into a field that takes text (the owner's
	 * Alt-key commands). */
	unsigned ctx, ctx_typing;
	/* Draw the owner around the item page; set *pane to where the item's
	 * fields go.  False when there is no room for them (then only the
	 * status line is drawn over the owner). */
	bool (*frame)(struct ui *ui, void *owner, struct ui_rect *pane);
	/* A key the item form did not take: the owner's command?  False when
	 * it is not one either (the key is then said to do nothing). */
	bool (*command)(struct ui *ui, void *owner, const struct ui_key *k);
	/* The page has closed; may be NULL. */
	void (*closed)(struct ui *ui, void *owner, const struct ui_item_closed *c);
};

/* Where and how to open an item. */
struct ui_item_args {
	struct ui_src src;               /* the page's source (its record) */
	const struct schema_field *list; /* the list */
	const char *item_id;             /* the item */
	size_t index;                    /* its index, for the title (› N) */
	const char *focus;               /* an item field to focus, or NULL */
	bool edit;                       /* open the first field for typing */
};

/* Push the item page for owner (ops borrowed, must outlive it).  False
 * when it could not be opened. */
bool ui_item_page_open(struct ui *ui, const struct ui_item_owner *ops, void *owner,
		       const struct ui_item_args *a);
/* Whether an item page of owner is on the stack. */
bool ui_item_page_is_open(struct ui *ui, const void *owner);
/* Save what is typed on owner's item page, if one is open (it stays
 * open). */
void ui_item_page_flush(struct ui *ui, const void *owner);
/* Close owner's item page (on top): save what is typed, pop it, tell the
 * owner.  False when none is on top. */
bool ui_item_page_close(struct ui *ui, const void *owner);

#endif

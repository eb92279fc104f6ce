/* SPDX-License-Identifier: MIT */
/*
 * ui_select.h — the pop-up list of choices: one or several, narrowed by
 * typing.  The screen that opens it owns it, routes keys to it while it is
 * open and reads the result when it closes; it never saves by itself.
 */
#ifndef KAIGI_UI_SELECT_H
#define KAIGI_UI_SELECT_H

#include <stdbool.h>
#include <stddef.h>

#include "kaigi/strbuf.h"
#include "ui_app.h"

struct ui_select_opt {
	char *value;
	char *label;
	bool on; /* ticked (multiple) or the current answer (one) */
};

struct ui_select {
	bool open;
	bool multi;
	char *title;
	struct ui_select_opt *v;
	size_t n, cap;
	struct strbuf filter;
	size_t *vis; /* indexes of the options the filter keeps */
	size_t nvis;
	size_t cur, top; /* within vis */
	int tag;         /* for the owner: what the list is for */
};

enum ui_select_result {
	UI_SELECT_OPEN = 0,
	UI_SELECT_CHOSEN,
	UI_SELECT_CANCELLED,
};

/* Start a list (the previous one is freed). */
void ui_select_begin(struct ui_select *s, const char *title, bool multi, int tag);
void ui_select_add(struct ui_select *s, const char *value, const char *label, bool on);
/* Show it: the highlight starts on the first ticked option. */
void ui_select_show(struct ui_select *s);
enum ui_select_result ui_select_key(struct ui *ui, struct ui_select *s, const struct ui_key *k);
/* A pick a screen keeps open in itself: keys to s; once a choice is made
 * or the pick cancelled, s is closed.  The value chosen (caller frees),
 * else NULL. */
char *ui_select_pick(struct ui *ui, struct ui_select *s, const struct ui_key *k);
/* One: the chosen value; multiple: the ticked values joined by spaces, in
 * list order.  Caller frees. */
char *ui_select_value(const struct ui_select *s);
/* The highlighted option, or NULL. */
const struct ui_select_opt *ui_select_current(const struct ui_select *s);
void ui_select_close(struct ui_select *s);
void ui_select_draw(struct ui *ui, struct ui_select *s);

#endif

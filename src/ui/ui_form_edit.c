// SPDX-License-Identifier: MIT
/*
 * ui_form_edit.c — the open editor of a form page and the drafts of its
 * fields (see ui_form.h).
 *
 * The rule: typed text is never thrown away.  While it is typed it goes to
 * the drafts table (ui_draft.h).  Keeping it (Enter, Tab, ↑ ↓, leaving the
 * page) saves it as the answer when the form accepts it; when the form
 * refuses it, Enter leaves the editor open with the reason and an example,
 * and every way of leaving keeps the text as a draft marked not valid,
 * shown in place until it is repaired.  Only Esc throws changes away, and
 * it asks first.  The audit trail sees only what was finally saved.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kaigi/xalloc.h"
#include "ui_actions.h"
#include "ui_draft.h"
#include "ui_extedit.h"
#include "ui_field.h"
#include "ui_form.h"
#include "ui_popup.h"
#include "ui_widget.h"

/* ---- drafts ---------------------------------------------------------------- */

static bool eq(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

static struct store_draft_key draft_key(const struct ui_form *fm, const char *field,
					const char *item, const char *col)
{
	return (struct store_draft_key){fm->src.scope, fm->src.record_id, field, item, col};
}

void ui_form_drafts_load(struct ui *ui, struct ui_form *fm)
{
	if (!fm->src.scope || !*fm->src.scope || ui->read_only)
		return; /* drafts of a page without a scope live only in memory */
	store_drafts_free(fm->drafts, fm->ndrafts);
	fm->drafts = NULL;
	fm->ndrafts = 0;
	struct kaigi_error err;
	kaigi_error_clear(&err);
	if (store_draft_list(ui->st, fm->src.scope, &fm->drafts, &fm->ndrafts, &err) != KAIGI_OK)
		ui_msg_error(ui, &err);
}

const struct store_draft *ui_form_draft_at(const struct ui_form *fm, const char *field,
					   const char *item, const char *col)
{
	for (size_t i = 0; i < fm->ndrafts; i++) {
		const struct store_draft *d = &fm->drafts[i];
		if (eq(d->field, field) && eq(d->item, item) && eq(d->col, col))
			return d;
	}
	return NULL;
}

const struct store_draft *ui_form_draft_of(const struct ui_form *fm, const struct schema_field *f)
{
	const char *field, *item, *col;
	ui_form_field_path(fm, f, &field, &item, &col);
	return ui_form_draft_at(fm, field, item, col);
}

/* Keep text at a path as a draft (refused with reason, or being typed). */
static void draft_keep(struct ui *ui, struct ui_form *fm, const char *field, const char *item,
		       const char *col, const char *text, bool refused, const char *reason)
{
	struct store_draft_key k = draft_key(fm, field, item, col);
	ui_draft_forget(&k);
	struct store_draft *d = (struct store_draft *)ui_form_draft_at(fm, field, item, col);
	if (!d) {
		fm->drafts = xreallocarray(fm->drafts, fm->ndrafts + 1, sizeof *fm->drafts);
		d = &fm->drafts[fm->ndrafts++];
		memset(d, 0, sizeof *d);
		d->scope = xstrdup(fm->src.scope ? fm->src.scope : "");
		d->field = xstrdup(field);
		d->item = xstrdup(item ? item : "");
		d->col = xstrdup(col ? col : "");
	}
	free(d->text);
	free(d->reason);
	d->text = xstrdup(text);
	d->refused = refused;
	d->reason = reason ? xstrdup(reason) : NULL;
	d->updated = ui_now_ms();
	if (!fm->src.scope || !*fm->src.scope || ui->read_only)
		return;
	struct kaigi_error err;
	kaigi_error_clear(&err);
	if (store_draft_put(ui->st, &k, text, refused, reason, &err) != KAIGI_OK)
		ui_msg_error(ui, &err);
}

/* The answer at a path was saved or the draft thrown away: no draft. */
static void draft_drop(struct ui *ui, struct ui_form *fm, const char *field, const char *item,
		       const char *col)
{
	struct store_draft_key k = draft_key(fm, field, item, col);
	ui_draft_forget(&k);
	const struct store_draft *d = ui_form_draft_at(fm, field, item, col);
	if (d) {
		size_t i = (size_t)(d - fm->drafts);
		free(fm->drafts[i].scope);
		free(fm->drafts[i].field);
		free(fm->drafts[i].item);
		free(fm->drafts[i].col);
		free(fm->drafts[i].text);
		free(fm->drafts[i].reason);
		memmove(&fm->drafts[i], &fm->drafts[i + 1], (fm->ndrafts - i - 1) * sizeof *d);
		fm->ndrafts--;
	}
	if (!fm->src.scope || !*fm->src.scope || ui->read_only)
		return;
	struct kaigi_error err;
	kaigi_error_clear(&err);
	if (store_draft_delete(ui->st, &k, &err) != KAIGI_OK)
		ui_msg_error(ui, &err);
}

bool ui_form_draft_forget(struct ui *ui, struct ui_form *fm, const struct schema_field *f)
{
	const char *field, *item, *col;
	ui_form_field_path(fm, f, &field, &item, &col);
	if (!ui_form_draft_at(fm, field, item, col))
		return false;
	draft_drop(ui, fm, field, item, col);
	return true;
}

/* Whether the open editor is a grid's cell. */
static bool in_grid(const struct ui_form *fm)
{
	return fm->etop && ui_widget_of(fm->etop)->row == UI_ROW_GRID;
}

/* ---- refusals in the UI's language ------------------------------------------ */

static void bound_text(const struct schema_field *f, bool max, char out[64])
{
	const char *t = max ? f->max_text : f->min_text;
	if (t && *t)
		snprintf(out, 64, "%s", t);
	else
		snprintf(out, 64, "%g", max ? f->max : f->min);
}

/*
 * Check text for the open editor's field as the store will (type, range,
 * choices); false with why filled — a sentence in the UI's language that
 * says what is accepted, with an example — when it would be refused.
 */
static bool check_text(struct ui_form *fm, const char *text, char *why, size_t size)
{
	const struct schema_field *f = fm->ef;
	const struct ui_widget *w = ui_widget_of(f);
	const struct schema_choice_list *choices = NULL;
	if (in_grid(fm))
		choices = schema_cell_choices(fm->etop, fm->erow, fm->ecol);
	struct kaigi_value v = {0};
	struct kaigi_error err;
	kaigi_error_clear(&err);
	/* Only whether the text can be read is asked here: a period typed as
	 * a length reads from any start (today's will do); the store starts it
	 * in the meeting's month when it saves (schema_value_parse_at). */
	if (schema_value_parse_at(f, choices, text, fm->today, &v, &err) == KAIGI_OK) {
		kaigi_value_clear(&v);
		return true;
	}
	char lo[64], hi[64];
	bound_text(f, false, lo);
	bound_text(f, true, hi);
	/* Out of range, not unreadable: the same text is read by the field
	 * without its bounds.  (The message itself is in the user's language,
	 * so it is not what tells.) */
	struct schema_field unbounded = *f;
	unbounded.has_min = unbounded.has_max = false;
	bool range =
	    (f->has_min || f->has_max) &&
	    schema_value_parse_at(&unbounded, choices, text, fm->today, &v, &err) == KAIGI_OK;
	kaigi_value_clear(&v);
	if (range && f->has_min && f->has_max)
		snprintf(why, size, _("%s is out of range: type a value from %s to %s, e.g. %s"),
			 text, lo, hi, lo);
	else if (range && f->has_min)
		snprintf(why, size, _("%s is too small: the lowest accepted is %s"), text, lo);
	else if (range && f->has_max)
		snprintf(why, size, _("%s is too large: the highest accepted is %s"), text, hi);
	else if (w->refusal)
		snprintf(why, size, _(w->refusal), text);
	else
		snprintf(why, size, "%s", _(err.msg));
	return false;
}

/* ---- the editor ----------------------------------------------------------- */

void ui_form_target_path(const struct ui_form *fm, const char **field, const char **item,
			 const char **col)
{
	if (in_grid(fm)) {
		*field = fm->etop->id;
		*item = fm->erow->id;
		*col = fm->ef->id;
	} else {
		ui_form_field_path(fm, fm->ef, field, item, col);
	}
}

void ui_form_open_editor(struct ui *ui, struct ui_form *fm, const struct schema_field *top,
			 const struct schema_field *f, const struct schema_grid_row *row,
			 size_t col, const char *initial)
{
	if (!ui_writable(ui))
		return;
	fm->etop = top;
	fm->ef = f;
	fm->erow = row;
	fm->ecol = col;
	const char *field, *item, *c;
	ui_form_target_path(fm, &field, &item, &c);
	const struct store_draft *d = ui_form_draft_at(fm, field, item, c);
	char *base;
	if (d) {
		base = xstrdup(d->text);
	} else {
		const struct kaigi_value *v = ui_src_value(&fm->src, field, item, c);
		base = v ? kaigi_value_to_text(v) : xstrdup("");
	}
	const struct ui_widget *w = ui_widget_of(f);
	if (initial && (w->flags & UI_W_REPLACE)) {
		ui_text_set(&fm->text, initial); /* typed on a number or date: replaces it */
	} else {
		ui_text_set(&fm->text, base);
		if (initial) {
			strbuf_append(&fm->text.b, initial);
			fm->text.cur = fm->text.b.len;
		}
	}
	free(base);
	fm->orig_draft = d != NULL; /* Esc then asks even with no change */
	fm->err[0] = '\0';
	if (d && d->refused && d->reason)
		snprintf(fm->err, sizeof fm->err, "%s", d->reason);
	fm->mode = (w->flags & UI_W_MULTILINE) && !in_grid(fm) ? UI_FORM_AREA : UI_FORM_LINE;
	if (initial) {
		struct store_draft_key k = draft_key(fm, field, item, c);
		ui_draft_touch(ui, &k, ui_text_str(&fm->text));
	}
}

void ui_form_begin_edit(struct ui *ui, struct ui_form *fm, const struct schema_field *f,
			const char *initial)
{
	if (!ui_writable(ui))
		return;
	const struct ui_widget *w = ui_widget_of(f);
	if (w->flags & UI_W_COMPUTED) {
		ui_msg(ui, UI_MSG_INFO, "%s", _("This value is calculated from other answers."));
		return;
	}
	if (ui_field_is_choice(f)) {
		struct kaigi_value v = {0};
		ui_form_value(fm, f, &v);
		/* A character typed on a choice narrows the list. */
		ui_form_open_select(ui, fm, fm->list, f, NULL, 0, &v,
				    initial && *initial != ' ' ? initial : NULL);
		kaigi_value_clear(&v);
		return;
	}
	ui_form_open_editor(ui, fm, fm->list, f, NULL, 0, initial);
}

static void editor_close(struct ui_form *fm)
{
	fm->mode = UI_FORM_NAV;
}

bool ui_form_commit(struct ui *ui, struct ui_form *fm, bool leaving)
{
	const char *field, *item, *col;
	ui_form_target_path(fm, &field, &item, &col);
	const char *typed = ui_text_str(&fm->text);
	const char *text = typed;
	char norm[64];
	const struct ui_widget *w = ui_widget_of(fm->ef);
	if (w->normalise && w->normalise(text, fm->today, norm))
		text = norm;
	/* Unchanged text needs no write (and leaves no audit row). */
	const struct kaigi_value *stored = ui_src_value(&fm->src, field, item, col);
	char *now = stored ? kaigi_value_to_text(stored) : xstrdup("");
	bool same = strcmp(now, text) == 0;
	free(now);
	char why[1024] = "";
	bool ok = same;
	if (!ok && !ui_writable(ui)) {
		editor_close(fm); /* nothing can be kept: ui_writable said so */
		return true;
	}
	if (!ok && check_text(fm, text, why, sizeof why))
		ok = ui_form_save(ui, fm, field, item, col, text);
	else if (!ok)
		snprintf(fm->err, sizeof fm->err, "%s", why);
	if (ok) {
		draft_drop(ui, fm, field, item, col);
		fm->err[0] = '\0';
		editor_close(fm);
		return true;
	}
	if (!leaving) {
		ui_msg(ui, UI_MSG_WARN, "%s",
		       _("Not saved yet: correct it, or Tab keeps it as a draft to repair later."));
		return false;
	}
	char reason[1024];
	snprintf(reason, sizeof reason, "%s", fm->err);
	draft_keep(ui, fm, field, item, col, typed, true, reason);
	ui_msg(ui, UI_MSG_WARN, _("Kept as a draft, not valid yet: %s"), reason);
	fm->err[0] = '\0';
	editor_close(fm);
	return true;
}

/* Esc, answered yes: the text not saved in this field — what was typed
 * now and the draft it opened on — is thrown away; the answer stays. */
static void editor_discard(struct ui *ui, struct ui_form *fm)
{
	const char *field, *item, *col;
	ui_form_target_path(fm, &field, &item, &col);
	draft_drop(ui, fm, field, item, col);
	fm->err[0] = '\0';
	editor_close(fm);
}

/* Whether the editor holds anything the answer does not: a change, or the
 * draft it opened on. */
static bool unsaved(const struct ui_form *fm)
{
	if (fm->orig_draft)
		return true;
	const char *field, *item, *col;
	ui_form_target_path(fm, &field, &item, &col);
	const struct kaigi_value *v = ui_src_value(&fm->src, field, item, col);
	char *now = v ? kaigi_value_to_text(v) : xstrdup("");
	bool diff = strcmp(now, ui_text_str(&fm->text)) != 0;
	free(now);
	return diff;
}

/* Esc's question answered: y throws the changes away, n goes back. */
static void ask_done(struct ui *ui, void *owner, bool yes, const char *value)
{
	(void)value;
	if (yes)
		editor_discard(ui, owner);
}

bool ui_form_flush(struct ui *ui, struct ui_form *fm)
{
	if (fm->mode != UI_FORM_LINE && fm->mode != UI_FORM_AREA)
		return true;
	/* Leaving keeps the text: saved, or a draft when refused. */
	size_t before = fm->ndrafts;
	ui_form_commit(ui, fm, true);
	return fm->ndrafts <= before;
}

static void typed(struct ui *ui, struct ui_form *fm)
{
	const char *field, *item, *col;
	ui_form_target_path(fm, &field, &item, &col);
	struct store_draft_key k = draft_key(fm, field, item, col);
	ui_draft_touch(ui, &k, ui_text_str(&fm->text));
}

/* A key that leaves a grid cell's editor (Tab, the arrows) moves in the
 * grid: the grid's widget takes it. */
static enum ui_form_out grid_key(struct ui *ui, struct ui_form *fm, const struct ui_key *k)
{
	struct ui_host h = ui_form_host(fm);
	const struct ui_row row = {.kind = UI_ROW_GRID, .f = fm->etop};
	return ui_widget_of(fm->etop)->key(ui, &h, &row, k);
}

enum ui_form_out ui_form_key_editing(struct ui *ui, struct ui_form *fm, const struct ui_key *k)
{
	bool area = fm->mode == UI_FORM_AREA;
	bool grid = in_grid(fm);
	switch (k->act) {
	case UI_ACT_DONE:
		ui_form_commit(ui, fm, false);
		return UI_FORM_HANDLED;
	case UI_ACT_CANCEL:
		if (!unsaved(fm))
			editor_discard(ui, fm);
		else
			ui_popup_confirm(ui, _("Throw away what was typed here?"),
					 _("y: throw it away   n / Esc: back to the text"),
					 ask_done, fm);
		return UI_FORM_HANDLED;
	case UI_ACT_EXT_EDITOR:
		if (area) {
			struct kaigi_error err;
			if (!ui_extedit_run(ui, &fm->text.b, &err))
				ui_msg_error(ui, &err);
			fm->text.cur = fm->text.b.len;
			ui_form_commit(ui, fm, true);
			return UI_FORM_HANDLED;
		}
		break;
	case UI_ACT_NEXT:
	case UI_ACT_PREV:
		ui_form_commit(ui, fm, true);
		if (grid)
			return grid_key(ui, fm, k);
		return ui_form_focus_move(fm, k->act == UI_ACT_PREV ? -1 : 1);
	case UI_ACT_UP:
	case UI_ACT_DOWN:
		if (area)
			break; /* moves the cursor */
		ui_form_commit(ui, fm, true);
		if (grid)
			return grid_key(ui, fm, k);
		return ui_form_focus_move(fm, k->act == UI_ACT_UP ? -1 : 1);
	default:
		break;
	}
	int cols = 0;
	if (area) {
		struct ui_rect side, pane;
		ui_split(ui, 0, &side, &pane);
		cols = pane.w - 1;
	}
	size_t len = fm->text.b.len;
	char *copy = xstrdup(ui_text_str(&fm->text));
	if (ui_text_key(&fm->text, k, area, cols)) {
		if (fm->text.b.len != len || strcmp(copy, ui_text_str(&fm->text)) != 0)
			typed(ui, fm);
		free(copy);
		return UI_FORM_HANDLED;
	}
	free(copy);
	if (k->act == UI_ACT_CHAR || k->act == UI_ACT_NONE || k->act == UI_ACT_PGUP ||
	    k->act == UI_ACT_PGDN) {
		ui_msg(ui, UI_MSG_INFO, "%s", _("That key does nothing while typing here."));
		return UI_FORM_HANDLED;
	}
	return UI_FORM_UNHANDLED; /* a command of the screen (Alt-…) */
}

/* ---- drafts offered back ---------------------------------------------------- */

void ui_form_offer_drafts(struct ui *ui, struct ui_form *fm)
{
	if (fm->offered || ui->read_only)
		return;
	fm->offered = true;
	for (size_t i = 0; i < fm->nrows; i++) {
		const struct ui_row *r = &fm->rows[i];
		if (r->kind != UI_ROW_FIELD)
			continue;
		const struct store_draft *d = ui_form_draft_of(fm, r->f);
		/* Only what an earlier run left: a newer draft may be another
		 * kaigi's typing on the same file. */
		if (!d || d->refused || d->updated >= ui_draft_start_ms())
			continue;
		/* Typed but neither kept nor refused: kaigi stopped while it was
		 * being typed.  It shows in place, marked, with the focus on it. */
		fm->cur = i;
		ui_msg(ui, UI_MSG_WARN, "%s",
		       _("Draft restored here, not saved yet: Enter opens it (Tab then keeps it), "
			 "Del throws it away."));
		return;
	}
}

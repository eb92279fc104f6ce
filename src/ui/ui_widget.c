// SPDX-License-Identifier: MIT
/* ui_widget.c — the descriptor of each kind of field (see ui_widget.h). */
#include <string.h>

#include "ui_actions.h"
#include "ui_date.h"
#include "ui_grid.h"
#include "ui_list.h"
#include "ui_widget.h"

/* Text, numbers, dates, choices: a character typed on the field opens its
 * editor (or its list) with that character. */
static enum ui_form_out type_on(struct ui *ui, const struct ui_host *h,
				const struct schema_field *f, const struct ui_key *k)
{
	h->begin(ui, h, f, k->text);
	return UI_FORM_HANDLED;
}

/* Yes/no: Space switches, y / n (1 / 0) set; anything else says so. */
static enum ui_form_out bool_on(struct ui *ui, const struct ui_host *h,
				const struct schema_field *f, const struct ui_key *k)
{
	const char *field, *item, *col;
	h->path(h, f, &field, &item, &col);
	const char *set = NULL;
	char c = k->text[0];
	if (c && strchr("yY1", c))
		set = "1";
	else if (c && strchr("nN0", c))
		set = "0";
	if (c == ' ') {
		const struct kaigi_value *v = h->value(h, field, item, col);
		set = v && v->type != KAIGI_NULL && kaigi_value_truthy(v) ? "0" : "1";
	}
	if (!set) {
		ui_msg(ui, UI_MSG_INFO, "%s",
		       _("A yes/no field: Space switches it, y sets yes, n sets no."));
		return UI_FORM_HANDLED;
	}
	if (ui_writable(ui))
		h->save(ui, h, field, item, col, set);
	return UI_FORM_HANDLED;
}

/* ---- rows of their own ------------------------------------------------------ */

static void grid_draw(struct ui *ui, const struct ui_host *h, const struct ui_row *row,
		      struct ui_rect r, int attr, bool focused)
{
	(void)attr;
	ui_grid_draw(ui, h, h->grid, row->f, r, focused);
}

static enum ui_form_out grid_key(struct ui *ui, const struct ui_host *h, const struct ui_row *row,
				 const struct ui_key *k)
{
	return ui_grid_key(ui, h, h->grid, row->f, k);
}

static unsigned grid_contexts(const struct ui_host *h, const struct schema_field *f)
{
	return UI_CTX_GRID | ui_grid_contexts(h->grid, f);
}

static int list_height(const struct schema_field *f, int avail)
{
	(void)f;
	(void)avail;
	return 1;
}

static void list_draw(struct ui *ui, const struct ui_host *h, const struct ui_row *row,
		      struct ui_rect r, int attr, bool focused)
{
	(void)focused;
	ui_list_draw_row(ui, h, row, r.y, r.x, r.w, attr);
}

static enum ui_form_out list_key(struct ui *ui, const struct ui_host *h, const struct ui_row *row,
				 const struct ui_key *k)
{
	return ui_list_key(ui, h, h->list, row, k);
}

static unsigned list_contexts(const struct ui_host *h, const struct schema_field *f)
{
	(void)h;
	(void)f;
	return UI_CTX_LIST;
}

/* ---- the table ---------------------------------------------------------------- */

#define TEXTY   (UI_W_TEXT)
#define NUMERIC (UI_W_TEXT | UI_W_REPLACE)

static const struct ui_widget widgets[] = {
    [SCHEMA_TEXT] = {.name = "text", .row = UI_ROW_FIELD, .flags = TEXTY, .on_char = type_on},
    [SCHEMA_LONGTEXT] = {.name = "longtext",
			 .row = UI_ROW_FIELD,
			 .flags = TEXTY | UI_W_MULTILINE,
			 .on_char = type_on},
    [SCHEMA_INTEGER] = {.name = "integer",
			.row = UI_ROW_FIELD,
			.flags = NUMERIC,
			.refusal = N_("\"%s\" is not a whole number: type digits only, e.g. 12"),
			.on_char = type_on},
    [SCHEMA_DECIMAL] = {.name = "decimal",
			.row = UI_ROW_FIELD,
			.flags = NUMERIC,
			.refusal =
			    N_("\"%s\" is not a number: type digits with a point, e.g. 18.7"),
			.on_char = type_on},
    [SCHEMA_DATE] = {.name = "date",
		     .row = UI_ROW_FIELD,
		     .flags = NUMERIC,
		     .normalise = ui_date_normalise,
		     .refusal = N_("\"%s\" is not a date: type e.g. 2026-11-05, 11/5, R8.11.5, t "
				   "(today) or +90 (in 90 days)"),
		     .on_char = type_on,
		     .typing_hint = N_("YYYY-MM-DD, 3/12, R7.3.12, t = today, +14 = in two weeks")},
    [SCHEMA_BOOLEAN] = {.name = "boolean", .row = UI_ROW_FIELD, .on_char = bool_on},
    [SCHEMA_SELECT_ONE] = {.name = "select_one", .row = UI_ROW_FIELD, .on_char = type_on},
    [SCHEMA_SELECT_MULTIPLE] = {.name = "select_multiple",
				.row = UI_ROW_FIELD,
				.flags = UI_W_MULTI,
				.on_char = type_on},
    [SCHEMA_SCALE] = {.name = "scale", .row = UI_ROW_FIELD, .on_char = type_on},
    [SCHEMA_GRID] = {.name = "grid",
		     .row = UI_ROW_GRID,
		     .height = ui_grid_height,
		     .draw = grid_draw,
		     .key = grid_key,
		     .contexts = grid_contexts},
    [SCHEMA_LIST] = {.name = "list",
		     .row = UI_ROW_LIST,
		     .height = list_height,
		     .draw = list_draw,
		     .key = list_key,
		     .contexts = list_contexts},
    [SCHEMA_CALCULATE] = {.name = "calculate",
			  .row = UI_ROW_FIELD,
			  .flags = UI_W_COMPUTED,
			  .on_char = type_on},
};

const struct ui_widget *ui_widget_of(const struct schema_field *f)
{
	size_t t = (size_t)f->type;
	if (t < sizeof widgets / sizeof widgets[0] && widgets[t].name)
		return &widgets[t];
	return &widgets[SCHEMA_TEXT];
}

// SPDX-License-Identifier: MIT
/* ui_cursor.c — a list's highlighted row, or a page's scroll, moved by
 * key (see ui_cursor.h). */
#include "ui_cursor.h"
#include "ui_actions.h"
#include "ui_app.h"

/* Whether act is one of the keys a list with keys gives its cursor. */
static bool is_cursor_key(int act, struct ui_cursor_keys keys)
{
	switch (act) {
	case UI_ACT_UP:
	case UI_ACT_DOWN:
		return true;
	case UI_ACT_PREV:
	case UI_ACT_NEXT:
		return keys.tab;
	case UI_ACT_PGUP:
	case UI_ACT_PGDN:
		return keys.page != 0;
	case UI_ACT_HOME:
	case UI_ACT_END:
		return keys.ends;
	default:
		return false;
	}
}

bool ui_cursor_move(size_t *cur, size_t n, int act, struct ui_cursor_keys keys)
{
	if (!is_cursor_key(act, keys))
		return false;
	switch (act) {
	case UI_ACT_PREV:
	case UI_ACT_UP:
		if (*cur)
			(*cur)--;
		break;
	case UI_ACT_NEXT:
	case UI_ACT_DOWN:
		if (*cur + 1 < n)
			(*cur)++;
		break;
	case UI_ACT_PGUP:
		*cur = *cur > keys.page ? *cur - keys.page : 0;
		break;
	case UI_ACT_PGDN:
		if (n)
			*cur = *cur < n && keys.page < n - *cur ? *cur + keys.page : n - 1;
		break;
	case UI_ACT_HOME:
		*cur = 0;
		break;
	default: /* UI_ACT_END */
		*cur = n ? n - 1 : 0;
		break;
	}
	if (!n)
		*cur = 0;
	return true;
}

void ui_cursor_clamp(size_t *cur, size_t n)
{
	if (*cur >= n)
		*cur = n ? n - 1 : 0;
}

void ui_cursor_show(size_t cur, size_t *top, int rows)
{
	if (cur < *top)
		*top = cur;
	if (rows > 0 && cur >= *top + (size_t)rows)
		*top = cur - (size_t)rows + 1;
}

bool ui_scroll_move(int *top, int act, int page)
{
	switch (act) {
	case UI_ACT_UP:
		(*top)--;
		return true;
	case UI_ACT_DOWN:
		(*top)++;
		return true;
	case UI_ACT_PGUP:
		*top -= page;
		return true;
	case UI_ACT_PGDN:
		*top += page;
		return true;
	case UI_ACT_HOME:
		*top = 0;
		return true;
	default:
		return false;
	}
}

bool ui_side_key(struct ui *ui, size_t *at, size_t n, const struct ui_key *k,
		 struct ui_cursor_keys keys, bool *focus_side)
{
	if (ui_cursor_move(at, n, k->act, keys))
		return true;
	if (k->act == UI_ACT_OPEN || k->act == UI_ACT_RIGHT)
		*focus_side = false;
	else if (k->act == UI_ACT_BACK || k->act == UI_ACT_LEFT)
		ui_pop(ui);
	return false;
}

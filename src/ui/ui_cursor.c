// SPDX-License-Identifier: MIT
/* ui_cursor.c — a list's highlighted row, or a page's scroll, moved by
 * key (see ui_cursor.h). */
#include "ui_cursor.h"
#include "ui_actions.h"

bool ui_cursor_move(size_t *cur, size_t n, int act, struct ui_cursor_keys keys)
{
	switch (act) {
	case UI_ACT_PREV:
		if (!keys.tab)
			return false;
		/* fall through */
	case UI_ACT_UP:
		if (*cur)
			(*cur)--;
		break;
	case UI_ACT_NEXT:
		if (!keys.tab)
			return false;
		/* fall through */
	case UI_ACT_DOWN:
		if (*cur + 1 < n)
			(*cur)++;
		break;
	case UI_ACT_PGUP:
		if (!keys.page)
			return false;
		*cur = *cur > keys.page ? *cur - keys.page : 0;
		break;
	case UI_ACT_PGDN:
		if (!keys.page)
			return false;
		if (n)
			*cur = *cur < n && keys.page < n - *cur ? *cur + keys.page : n - 1;
		break;
	case UI_ACT_HOME:
		if (!keys.ends)
			return false;
		*cur = 0;
		break;
	case UI_ACT_END:
		if (!keys.ends)
			return false;
		*cur = n ? n - 1 : 0;
		break;
	default:
		return false;
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

// SPDX-License-Identifier: MIT
/* ui_draft.c — the pending draft and its write from the loop (see ui_draft.h). */
#include <stdlib.h>
#include <string.h>

#include "kaigi/xalloc.h"
#include "ui_draft.h"

static struct {
	bool dirty;
	char *scope, *record_id, *field, *item, *col, *text;
	long long first_ms; /* first change not yet written */
	long long last_ms;  /* last change */
} pend;

static long long started_ms;

void ui_draft_started(long long wall_ms)
{
	started_ms = wall_ms;
}

long long ui_draft_start_ms(void)
{
	return started_ms;
}

static char *dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

static void pend_clear(void)
{
	free(pend.scope);
	free(pend.record_id);
	free(pend.field);
	free(pend.item);
	free(pend.col);
	free(pend.text);
	memset(&pend, 0, sizeof pend);
}

static bool same(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

static bool is_pending(const struct store_draft_key *k)
{
	return pend.scope && same(pend.scope, k->scope) && same(pend.field, k->field) &&
	       same(pend.item, k->item) && same(pend.col, k->col);
}

void ui_draft_touch(struct ui *ui, const struct store_draft_key *key, const char *text)
{
	if (ui->read_only || !key->scope || !*key->scope)
		return;
	long long now = ui_mono_ms();
	if (pend.dirty && !is_pending(key))
		ui_draft_service(ui, true); /* another field's draft goes first */
	if (!is_pending(key)) {
		pend_clear();
		pend.scope = xstrdup(key->scope);
		pend.record_id = dup_or_null(key->record_id);
		pend.field = xstrdup(key->field);
		pend.item = dup_or_null(key->item);
		pend.col = dup_or_null(key->col);
	}
	free(pend.text);
	pend.text = xstrdup(text);
	if (!pend.dirty)
		pend.first_ms = now;
	pend.dirty = true;
	pend.last_ms = now;
}

void ui_draft_forget(const struct store_draft_key *key)
{
	if (is_pending(key))
		pend_clear();
}

long long ui_draft_due(void)
{
	if (!pend.dirty)
		return 0;
	long long a = pend.last_ms + UI_DRAFT_IDLE_MS, b = pend.first_ms + UI_DRAFT_MAX_MS;
	return a < b ? a : b;
}

void ui_draft_service(struct ui *ui, bool force)
{
	if (!pend.dirty || (!force && ui_mono_ms() < ui_draft_due()))
		return;
	struct store_draft_key k = {pend.scope, pend.record_id, pend.field, pend.item, pend.col};
	struct kaigi_error err;
	kaigi_error_clear(&err);
	pend.dirty = false;
	if (store_draft_put(ui->st, &k, pend.text, false, NULL, &err) != KAIGI_OK)
		ui_msg_error(ui, &err);
}

// SPDX-License-Identifier: MIT
/*
 * ui_privacy_hint.c — the status-line warning while typing (see
 * ui_privacy_hint.h).  The form page calls ui_privacy_hint() after each key
 * of an open editor; the rest is here so the page needs one line.
 */
#include "ui_privacy_hint.h"

#include <stdio.h>
#include <string.h>

#include "kaigi/identity.h"
#include "kaigi/scrub.h"

/* The person whose values the check knows: one case at a time. */
static struct {
	char case_id[STORE_ID_SIZE];
	struct scrub_ctx *ctx;
} cache;

void ui_privacy_hint_reset(void)
{
	scrub_ctx_free(cache.ctx);
	memset(&cache, 0, sizeof cache);
}

static const struct scrub_ctx *ctx_for(struct ui *ui, const struct ui_rec *rec)
{
	const char *case_id = rec && rec->r.case_id[0] ? rec->r.case_id : "";
	if (cache.ctx && strcmp(cache.case_id, case_id) == 0)
		return cache.ctx;
	ui_privacy_hint_reset();
	snprintf(cache.case_id, sizeof cache.case_id, "%s", case_id);
	struct kaigi_error err;
	struct store_case c = {0};
	const char *person = NULL;
	if (*case_id && store_case_get(ui->st, case_id, &c, &err) == KAIGI_OK)
		person = c.person_id;
	if (store_scrub_ctx_person(ui->st, person, &cache.ctx, &err) != KAIGI_OK)
		cache.ctx = scrub_ctx_new(); /* the patterns for anyone still apply */
	store_case_clear(&c);
	return cache.ctx;
}

static const char *reason(enum scrub_kind k)
{
	static const char *const why[SCRUB_KIND_COUNT] = {
	    [SCRUB_OWN_NAME] = N_("the person's name"),
	    [SCRUB_OWN_BIRTH] = N_("the person's birth date"),
	    [SCRUB_OWN_ADDRESS] = N_("the person's address"),
	    [SCRUB_OWN_PHONE] = N_("the person's phone number"),
	    [SCRUB_OWN_INSURED] = N_("the person's insured number"),
	    [SCRUB_PHONE] = N_("a phone number"),
	    [SCRUB_POSTAL] = N_("a postal code"),
	    [SCRUB_NUMBER] = N_("a 10-digit number (insured number)"),
	    [SCRUB_BIRTH] = N_("a date of birth"),
	    [SCRUB_ADDRESS] = N_("a street address"),
	};
	return k > SCRUB_NONE && k < SCRUB_KIND_COUNT ? _(why[k]) : "";
}

void ui_privacy_hint(struct ui *ui, const struct ui_rec *rec, const struct schema_field *f,
		     const char *text)
{
	if (!f || f->sensitive || !text || !*text)
		return;
	if (f->type != SCHEMA_TEXT && f->type != SCHEMA_LONGTEXT)
		return;
	enum scrub_kind k = scrub_text_check(ctx_for(ui, rec), text);
	if (k != SCRUB_NONE)
		ui_msg(ui, UI_MSG_WARN, _("Handouts will show 〔伏せ字〕 here: this looks like %s"),
		       reason(k));
}

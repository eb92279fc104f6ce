// SPDX-License-Identifier: MIT
/*
 * ui_screen_case.c — running one case: the phase stepper with the
 * template's prompts and a countdown for the phase and the meeting, the
 * sections of the case's forms in a side list (any of them at any time,
 * the timer keeps running), the pages of fields, and the read-back.
 *
 * The phase times are saved when the phase changes, when the timer is
 * paused, every PHASE_SAVE_MS while it runs, and when the case is left or
 * kaigi is signalled — so a killed kaigi loses at most that much timing,
 * and no answer (those are saved as each field is left).
 */
#define NCURSES_WIDECHAR 1
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kaigi/case_open.h"
#include "kaigi/strbuf.h"
#include "kaigi/utf8.h"
#include "kaigi/xalloc.h"
#include "ui_actions.h"
#include "ui_case.h"
#include "ui_cursor.h"
#include "ui_field.h"
#include "ui_item_page.h"
#include "ui_lines.h"
#include "ui_plan.h"
#include "ui_popup.h"
#include "ui_readback.h"
#include "ui_screens.h"
#include "ui_synth.h"

#define PHASE_SAVE_MS 15000

/* ---- the phase timer ------------------------------------------------------ */

static void timer_save(struct ui *ui, struct case_scr *cs, size_t i)
{
	if (ui->read_only || !cs->tpl || i >= cs->timer.n)
		return;
	struct kaigi_error err;
	if (store_phase_set(ui->st, cs->c.id, cs->tpl->phases[i].id, (int)i, cs->timer.planned[i],
			    ui_timer_actual(&cs->timer, i), &err) != KAIGI_OK)
		ui_msg_error(ui, &err);
	cs->timer.saved_at = ui_mono_ms();
}

static void side_open(struct ui *ui, struct case_scr *cs, size_t i);

static void phase_goto(struct ui *ui, struct case_scr *cs, size_t i)
{
	if (!cs->tpl || i >= cs->timer.n)
		return;
	size_t old = cs->timer.cur;
	ui_timer_goto(&cs->timer, i);
	timer_save(ui, cs, old);
	timer_save(ui, cs, i);
	/* Show the first section that belongs to the new phase. */
	for (size_t k = 0; k < cs->nside; k++)
		if (cs->side[k].phase && strcmp(cs->side[k].phase, cs->tpl->phases[i].id) == 0) {
			side_open(ui, cs, k);
			cs->focus_side = false;
			break;
		}
	ui_msg(ui, UI_MSG_INFO, _("Phase %zu/%zu: %s"), i + 1, cs->timer.n,
	       schema_label_get(&cs->tpl->phases[i].title, ui->lang));
}

/* ---- pages ------------------------------------------------------------------ */

static void side_open(struct ui *ui, struct case_scr *cs, size_t i)
{
	if (i >= cs->nside)
		return;
	ui_item_page_close(ui, cs);
	if (cs->have_page) {
		ui_form_flush(ui, &cs->page);
		ui_form_free(&cs->page);
		cs->have_page = false;
	}
	cs->scur = i;
	cs->read_top = 0;
	const struct case_side *s = &cs->side[i];
	if (s->kind != CS_SECTION)
		return;
	struct ui_rec *rec = &cs->recs[s->rec];
	const struct schema_section *sec = &rec->form->sections[s->sect];
	char title[512];
	snprintf(title, sizeof title, "%s — %s", schema_label_get(&rec->form->title, ui->lang),
		 schema_label_get(&sec->title, ui->lang));
	ui_form_init(&cs->page, ui_src_record(rec), sec->fields, sec->nfields, title);
	ui_form_rebuild(ui, &cs->page);
	cs->have_page = true;
}

static const struct ui_item_owner item_owner;

/* Open the focused list item of the page on its own page (stacked on the
 * case), on its item field focus (or NULL); edit: its first field open. */
static void item_open(struct ui *ui, struct case_scr *cs, const char *focus, bool edit)
{
	const char *id = cs->have_page ? ui_form_item_id(&cs->page) : NULL;
	if (!id || ui_item_page_is_open(ui, cs))
		return;
	const struct ui_row *row = &cs->page.rows[cs->page.cur];
	ui_item_page_open(ui, &item_owner, cs,
			  &(struct ui_item_args){.src = cs->page.src,
						 .list = row->f,
						 .item_id = id,
						 .index = row->item,
						 .focus = focus,
						 .edit = edit});
}

static void case_leave(struct ui *ui, struct case_scr *cs)
{
	ui_item_page_close(ui, cs);
	if (cs->have_page)
		ui_form_flush(ui, &cs->page);
	ui_timer_run(&cs->timer, false);
	timer_save(ui, cs, cs->timer.cur);
	ui_pop(ui);
}

/* ---- closing the case --------------------------------------------------------- */

/* Closed: marked in the meeting's case list as finished. */
static void close_case(struct ui *ui, struct case_scr *cs)
{
	struct kaigi_error err;
	if (!ui->read_only && store_case_close(ui->st, cs->c.id, &err) != KAIGI_OK) {
		ui_msg_error(ui, &err);
		case_leave(ui, cs);
		return;
	}
	ui_msg(ui, UI_MSG_INFO, "%s", _("Case closed; everything is saved."));
	case_leave(ui, cs);
}

/* The close check's answer: close (m NULL), or go to the missing answer m
 * (the check's list has gone; an item page may be on top). */
static void check_answered(struct ui *ui, struct case_scr *cs, const struct case_missing *m)
{
	if (!m) {
		close_case(ui, cs);
		return;
	}
	for (size_t i = 0; i < cs->nside; i++) {
		if (cs->side[i].kind != CS_SECTION || cs->side[i].rec != m->rec ||
		    cs->side[i].sect != m->sect)
			continue;
		side_open(ui, cs, i);
		cs->focus_side = false;
		if (!cs->have_page)
			return;
		if (!m->sub) {
			ui_form_focus_field(&cs->page, m->f->id);
			return;
		}
		for (size_t r = 0; r < cs->page.nrows; r++)
			if (cs->page.rows[r].kind == UI_ROW_ITEM && cs->page.rows[r].f == m->f &&
			    cs->page.rows[r].item == m->item)
				cs->page.cur = r;
		/* The item on its own page, on the field. */
		item_open(ui, cs, m->sub->id, false);
		return;
	}
}

/* Leaving the case asks the close check first (ui_case_check.c). */
static void close_ask(struct ui *ui, struct case_scr *cs)
{
	/* Save what is being typed first: it may be what was missing. */
	ui_item_page_flush(ui, cs);
	if (cs->have_page)
		ui_form_flush(ui, &cs->page);
	ui_case_check_open(ui, cs, check_answered);
}

/* ---- keys ------------------------------------------------------------------- */

/* The running case's own contexts, whatever has the focus. */
#define CASE_CTX (UI_CTX_CASE | UI_CTX_NAV | UI_CTX_CMD)

static unsigned case_contexts(struct ui *ui, void *state)
{
	(void)ui;
	struct case_scr *cs = state;
	unsigned base = CASE_CTX;
	if (cs->focus_side)
		return base | UI_CTX_SIDE;
	struct ui_form *pg = cs->have_page ? &cs->page : NULL;
	if (pg) {
		unsigned c = ui_form_contexts(pg);
		/* While typing, the case's commands still work by Alt-key. */
		if (ui_form_editing(pg))
			return c & UI_CTX_TYPEABLE ? c | UI_CTX_CASE : c;
		return c | base;
	}
	return base | UI_CTX_READ;
}

/* The section chosen from the go-to pop-up. */
static void goto_chosen(struct ui *ui, void *owner, bool chosen, const char *value)
{
	struct case_scr *cs = owner;
	if (!chosen || !value)
		return;
	side_open(ui, cs, (size_t)atol(value));
	cs->focus_side = false;
}

static void goto_open(struct ui *ui, struct case_scr *cs)
{
	struct ui_select sel = {0};
	ui_select_begin(&sel, _("Go to section"), false, 0);
	for (size_t i = 0; i < cs->nside; i++) {
		const struct case_side *s = &cs->side[i];
		char value[24];
		snprintf(value, sizeof value, "%zu", i);
		char *label;
		if (s->kind == CS_SECTION) {
			const struct schema_form *f = cs->recs[s->rec].form;
			label = xasprintf("%s — %s",
					  schema_label_get(&f->sections[s->sect].title, ui->lang),
					  schema_label_get(&f->title, ui->lang));
		} else {
			label = xstrdup(s->kind == CS_READBACK ? _("Read-back") : _("Last time"));
		}
		ui_select_add(&sel, value, label, i == cs->scur);
		free(label);
	}
	ui_select_show(&sel);
	ui_popup_select(ui, &sel, NULL, goto_chosen, cs);
}

static size_t side_index(struct case_scr *cs, enum case_side_kind kind)
{
	for (size_t i = 0; i < cs->nside; i++)
		if (cs->side[i].kind == kind)
			return i;
	return cs->scur;
}

/* The running-case keys, whatever has the focus. */
static bool case_command(struct ui *ui, struct case_scr *cs, int act)
{
	switch (act) {
	case UI_ACT_PHASE_NEXT:
		if (cs->timer.cur + 1 < cs->timer.n)
			phase_goto(ui, cs, cs->timer.cur + 1);
		else
			ui_msg(ui, UI_MSG_INFO, "%s",
			       _("This is the last phase: c closes the case."));
		return true;
	case UI_ACT_PHASE_PREV:
		if (cs->timer.cur > 0)
			phase_goto(ui, cs, cs->timer.cur - 1);
		return true;
	case UI_ACT_TIMER_PAUSE:
		ui_timer_run(&cs->timer, !cs->timer.running);
		timer_save(ui, cs, cs->timer.cur);
		ui_msg(ui, UI_MSG_INFO, "%s",
		       cs->timer.running ? _("Timer running.") : _("Timer paused."));
		return true;
	case UI_ACT_TIMER_PLUS:
	case UI_ACT_TIMER_MINUS:
		ui_timer_extend(&cs->timer, act == UI_ACT_TIMER_PLUS ? 60 : -60);
		timer_save(ui, cs, cs->timer.cur);
		return true;
	case UI_ACT_GOTO:
		goto_open(ui, cs);
		return true;
	case UI_ACT_READBACK:
		side_open(ui, cs, side_index(cs, CS_READBACK));
		cs->focus_side = false;
		return true;
	case UI_ACT_CLOSE_CASE:
		close_ask(ui, cs);
		return true;
	case UI_ACT_HISTORY:
		ui_history_open(ui, cs->c.person_id, cs->c.id);
		return true;
	default:
		return false;
	}
}

/* A key the focused part left: a running-case key, else it does nothing
 * here (and the status line says so). */
static void case_other_key(struct ui *ui, struct case_scr *cs, const struct ui_key *k)
{
	if (!case_command(ui, cs, k->act))
		ui_key_unused(ui, k);
}

static enum ui_result side_key(struct ui *ui, struct case_scr *cs, const struct ui_key *k)
{
	size_t to = cs->scur;
	if (ui_cursor_move(&to, cs->nside, k->act,
			   (struct ui_cursor_keys){.ends = true, .page = UI_CURSOR_PAGE_ENDS})) {
		/* ↑ ↓ at an end keep the page; Home, End, PgUp, PgDn open it
		 * (again). */
		if (to != cs->scur || (k->act != UI_ACT_UP && k->act != UI_ACT_DOWN))
			side_open(ui, cs, to);
		return UI_REDRAW;
	}
	switch (k->act) {
	case UI_ACT_OPEN:
	case UI_ACT_RIGHT:
	case UI_ACT_NEXT:
		cs->focus_side = false;
		break;
	case UI_ACT_BACK:
	case UI_ACT_LEFT:
		close_ask(ui, cs);
		break;
	default:
		case_other_key(ui, cs, k);
		break;
	}
	return UI_REDRAW;
}

/* The next (dir 1) or previous section page, for Tab flowing on. */
static void section_step(struct ui *ui, struct case_scr *cs, int dir)
{
	size_t i = cs->scur;
	while ((dir > 0 && i + 1 < cs->nside) || (dir < 0 && i > 0)) {
		i = dir > 0 ? i + 1 : i - 1;
		if (cs->side[i].kind != CS_SECTION)
			continue;
		side_open(ui, cs, i);
		if (cs->have_page)
			ui_form_focus_edge(&cs->page, dir < 0);
		return;
	}
}

static enum ui_result page_key(struct ui *ui, struct case_scr *cs, const struct ui_key *k)
{
	struct ui_form *pg = &cs->page;
	if (!ui_form_editing(pg) && k->act == UI_ACT_BACK) {
		cs->focus_side = true;
		return UI_REDRAW;
	}
	switch (ui_form_key(ui, pg, k)) {
	case UI_FORM_EXIT_LEFT:
		cs->focus_side = true;
		break;
	case UI_FORM_EXIT_DOWN:
		section_step(ui, cs, 1);
		break;
	case UI_FORM_EXIT_UP:
		section_step(ui, cs, -1);
		break;
	case UI_FORM_OPEN_ITEM:
		/* A new item starts with its first field open. */
		item_open(ui, cs, NULL, k->act == UI_ACT_ADD);
		break;
	case UI_FORM_UNHANDLED:
		case_other_key(ui, cs, k);
		break;
	default:
		break;
	}
	return UI_REDRAW;
}

static enum ui_result case_key(struct ui *ui, void *state, const struct ui_key *k)
{
	struct case_scr *cs = state;
	if (cs->focus_side)
		return side_key(ui, cs, k);
	if (cs->have_page)
		return page_key(ui, cs, k);
	/* A read page: the read-back or last time's. */
	if (ui_scroll_move(&cs->read_top, k->act, 10))
		return UI_REDRAW;
	switch (k->act) {
	case UI_ACT_BACK:
	case UI_ACT_LEFT:
		cs->focus_side = true;
		break;
	default:
		case_other_key(ui, cs, k);
		break;
	}
	return UI_REDRAW;
}

/* ---- drawing ------------------------------------------------------------------ */

static void stepper_draw(struct ui *ui, struct case_scr *cs, int y)
{
	ui_fill(y, 0, ui->cols, (int)A_NORMAL);
	if (!cs->tpl || cs->timer.n == 0)
		return;
	char left[16], plan[16];
	ui_timer_format(ui_timer_left(&cs->timer), left);
	ui_timer_format(cs->timer.planned[cs->timer.cur], plan);
	bool over = ui_timer_left(&cs->timer) < 0;
	const char *pause = cs->timer.running ? "" : "⏸ ";
	/* Every phase, the current one with its countdown; when that does
	 * not fit, the current phase alone. */
	int need = 0;
	for (size_t i = 0; i < cs->timer.n; i++)
		need += (int)utf8_width(schema_label_get(&cs->tpl->phases[i].title, ui->lang)) + 3;
	need += 16;
	int x = 0;
	for (size_t i = 0; i < cs->timer.n; i++) {
		const char *t = schema_label_get(&cs->tpl->phases[i].title, ui->lang);
		bool cur = i == cs->timer.cur;
		if (need > ui->cols && !cur)
			continue;
		char buf[256];
		if (cur)
			snprintf(buf, sizeof buf, " %s%zu/%zu %s %s/%s ", pause, i + 1, cs->timer.n,
				 t, left, plan);
		else
			snprintf(buf, sizeof buf, " %s ", t);
		int a = cur ? (over ? ui_attr(ui, UI_A_WARN) : ui_attr(ui, UI_A_CURSOR))
			: i < cs->timer.cur ? ui_attr(ui, UI_A_DIM)
					    : (int)A_NORMAL;
		x += ui_put(y, x, ui->cols - x, buf, a, false);
		if (i + 1 < cs->timer.n && need <= ui->cols)
			x += ui_put(y, x, ui->cols - x, "›", ui_attr(ui, UI_A_DIM), false);
	}
}

static void prompts_draw(struct ui *ui, struct case_scr *cs, int y, int h)
{
	const struct schema_phase *ph =
	    cs->tpl && cs->timer.cur < cs->tpl->nphases ? &cs->tpl->phases[cs->timer.cur] : NULL;
	ui_prompts_draw(ui, ph, y, h); /* ui_draw.c: paged when longer than h */
}

static void read_draw(struct ui *ui, struct case_scr *cs, struct ui_rect r)
{
	struct ui_lines l = {0};
	if (cs->side[cs->scur].kind == CS_READBACK) {
		ui_lines_addf(&l, ui_attr(ui, UI_A_HEADING), "%s — %s", _("Read-back"),
			      cs->c.person_code ? cs->c.person_code : "");
		ui_readback_build(ui, cs->tpl, cs->recs, cs->nrecs, false, r.w, &l);
	} else {
		ui_lines_addf(&l, ui_attr(ui, UI_A_HEADING), "%s", _("Agreed at the last review:"));
		ui_readback_build(ui, cs->tpl, cs->prev, cs->nprev, false, r.w, &l);
	}
	ui_lines_draw(&l, r, &cs->read_top);
	ui_lines_free(&l);
}

/* Everything but the pane and the status line: the header with the
 * meeting's clock, the phase stepper and prompts, the side list.  False
 * when the side list takes the whole width (no pane). */
static bool case_frame(struct ui *ui, struct case_scr *cs, struct ui_rect *pane_out)
{
	char title[512], right[64], used[16], total[16];
	snprintf(title, sizeof title, "%s %s %s %s — %s %zu/%zu",
		 cs->c.person_code ? cs->c.person_code : "", cs->p.initials ? cs->p.initials : "",
		 cs->p.age_band ? cs->p.age_band : "", ui_sex_label(cs->p.sex), _("case"),
		 cs->case_no, cs->ncases);
	/* The meeting counts down like the phase: what is left of its time. */
	long long left = (long long)cs->timer.meeting_planned - ui_timer_meeting_used(&cs->timer);
	ui_timer_format((int)left, used);
	ui_timer_format(cs->timer.meeting_planned, total);
	snprintf(right, sizeof right, "%s %s/%s", _("meeting"), used, total);
	/* Over the meeting's time: the figure turns to the warning colour. */
	ui_header_draw_warn(ui, title, right, cs->timer.meeting_planned && left < 0);
	int ph = ui->rows >= 20 ? 2 : 1;
	stepper_draw(ui, cs, 1);
	prompts_draw(ui, cs, 2, ph);
	struct ui_rect side, pane;
	ui_split(ui, 1 + ph, &side, &pane);
	const char **labels = xcalloc(cs->nside, sizeof *labels);
	char **owned = xcalloc(cs->nside, sizeof *owned);
	const char *cur_phase =
	    cs->tpl && cs->timer.cur < cs->tpl->nphases ? cs->tpl->phases[cs->timer.cur].id : "";
	for (size_t i = 0; i < cs->nside; i++) {
		const struct case_side *s = &cs->side[i];
		const char *t =
		    s->kind == CS_READBACK ? _("◆ Read-back")
		    : s->kind == CS_PREVIOUS
			? _("◆ Last time")
			: schema_label_get(&cs->recs[s->rec].form->sections[s->sect].title,
					   ui->lang);
		bool now = s->phase && strcmp(s->phase, cur_phase) == 0;
		owned[i] = xasprintf("%s%s", now ? "▶" : " ", t);
		labels[i] = owned[i];
	}
	bool narrow =
	    ui_side_draw(ui, side, pane, labels, cs->nside, cs->scur, &cs->stop, cs->focus_side);
	for (size_t i = 0; i < cs->nside; i++)
		free(owned[i]);
	free(owned);
	free(labels);
	*pane_out = pane;
	return !narrow; /* else the section list has the whole width */
}

static void case_draw(struct ui *ui, void *state)
{
	struct case_scr *cs = state;
	struct ui_rect pane;
	char hint[768] = "";
	if (!case_frame(ui, cs, &pane)) {
		/* The section list has the whole width. */
	} else if (cs->have_page) {
		ui_form_draw(ui, &cs->page, pane, !cs->focus_side);
		if (!cs->focus_side)
			ui_form_hint(ui, &cs->page, hint, sizeof hint);
	} else {
		read_draw(ui, cs, pane);
	}
	ui_status_draw(ui, hint);
}

/* ---- the item page's owner (ui_item_page.h) ------------------------------------ */

static bool item_frame(struct ui *ui, void *owner, struct ui_rect *pane)
{
	return case_frame(ui, owner, pane);
}

static bool item_command(struct ui *ui, void *owner, const struct ui_key *k)
{
	return case_command(ui, owner, k->act);
}

/* Back from an item: the list again, the focus on the item's row. */
static void item_closed(struct ui *ui, void *owner, const struct ui_item_closed *c)
{
	struct case_scr *cs = owner;
	if (!cs->have_page)
		return;
	ui_form_rebuild(ui, &cs->page);
	const struct store_item *items;
	size_t n = cs->page.src.rec ? ui_rec_items(cs->page.src.rec, c->list->id, &items) : 0;
	for (size_t r = 0; r < cs->page.nrows; r++) {
		const struct ui_row *row = &cs->page.rows[r];
		if (row->kind == UI_ROW_ITEM && row->f == c->list && row->item < n &&
		    strcmp(items[row->item].id, c->item) == 0)
			cs->page.cur = r;
	}
}

static const struct ui_item_owner item_owner = {
    .ctx = CASE_CTX,
    .ctx_typing = UI_CTX_CASE,
    .frame = item_frame,
    .command = item_command,
    .closed = item_closed,
};

static enum ui_result case_tick(struct ui *ui, void *state)
{
	struct case_scr *cs = state;
	if (cs->timer.running && ui_mono_ms() - cs->timer.saved_at >= PHASE_SAVE_MS)
		timer_save(ui, cs, cs->timer.cur);
	/* The clock shows on whatever screen is on top (ui_header_draw); the
	 * case's own prompts turn their pages while it is on top. */
	return cs->timer.running || ui_in_view(ui, state) ? UI_REDRAW : UI_CONTINUE;
}

static void case_flush(struct ui *ui, void *state)
{
	struct case_scr *cs = state;
	if (cs->have_page)
		ui_form_flush(ui, &cs->page);
	ui_timer_run(&cs->timer, false);
	timer_save(ui, cs, cs->timer.cur);
}

static void case_free(void *state)
{
	struct case_scr *cs = state;
	if (cs->have_page)
		ui_form_free(&cs->page);
	for (size_t i = 0; i < cs->nrecs; i++)
		ui_rec_free(&cs->recs[i]);
	for (size_t i = 0; i < cs->nprev; i++)
		ui_rec_free(&cs->prev[i]);
	free(cs->side);
	ui_timer_show(NULL);
	ui_timer_free(&cs->timer);
	ui_case_missing_free(cs);
	store_meeting_clear(&cs->m);
	store_case_clear(&cs->c);
	store_person_clear(&cs->p);
	free(cs);
}

static const struct ui_screen case_screen = {
    .name = "case",
    .contexts = case_contexts,
    .key = case_key,
    .draw = case_draw,
    .tick = case_tick,
    .flush = case_flush,
    .free = case_free,
};

/* ---- opening ------------------------------------------------------------------- */

static void add_side(struct case_scr *cs, struct case_side s)
{
	cs->side = xreallocarray(cs->side, cs->nside + 1, sizeof *cs->side);
	cs->side[cs->nside++] = s;
}

static bool load(struct ui *ui, struct case_scr *cs, const char *meeting_id, const char *case_id)
{
	struct kaigi_error err;
	struct kaigi_diags warnings = {0};
	struct store_case_open o;
	enum kaigi_status status = store_case_open(ui->st, meeting_id, case_id, ui->read_only,
						   CASE_FORMS_MAX, &o, &warnings, &err);
	for (size_t i = 0; i < warnings.n; i++)
		ui_msg_error(ui, &warnings.v[i]);
	kaigi_diags_free(&warnings);
	if (status != KAIGI_OK) {
		ui_msg_error(ui, &err);
		return false;
	}
	/* The screen keeps the meeting, the case and the person. */
	cs->m = o.m;
	cs->c = o.c;
	cs->p = o.p;
	memset(&o.m, 0, sizeof o.m);
	memset(&o.c, 0, sizeof o.c);
	memset(&o.p, 0, sizeof o.p);
	cs->tpl = o.tpl;
	if (!cs->tpl) {
		ui_msg(ui, UI_MSG_ERROR, _("The meeting template '%s' is not installed."),
		       cs->m.template_id);
		store_case_open_clear(&o);
		return false;
	}
	cs->case_no = o.case_no;
	cs->ncases = o.ncases;
	cs->prefilled = o.prefilled;
	for (size_t i = 0; i < o.nforms; i++) {
		const struct schema_form *form = o.forms[i].form;
		if (ui_rec_load(&cs->recs[cs->nrecs], ui->st, o.forms[i].record_id, form, &err) !=
		    KAIGI_OK) {
			ui_msg_error(ui, &err);
			ui_rec_load(&cs->recs[cs->nrecs], ui->st, "", form, &err);
		}
		cs->nrecs++;
	}
	for (size_t r = 0; r < cs->nrecs; r++)
		for (size_t s = 0; s < cs->recs[r].form->nsections; s++)
			add_side(cs, (struct case_side){CS_SECTION, r, s,
							cs->recs[r].form->sections[s].phase});
	add_side(cs, (struct case_side){CS_READBACK, 0, 0, NULL});
	if (cs->c.follows[0]) {
		if (o.prev.id[0])
			cs->nprev = ui_readback_load(ui, o.prev.meeting_id, o.prev.id, cs->prev,
						     CASE_FORMS_MAX);
		add_side(cs, (struct case_side){CS_PREVIOUS, 0, 0, NULL});
	}
	store_case_open_clear(&o);
	ui_timer_open(ui, &cs->timer, cs->tpl, meeting_id, case_id); /* ui_plan.h */
	return true;
}

void ui_case_open(struct ui *ui, const char *meeting_id, const char *case_id)
{
	struct case_scr *cs = xcalloc(1, sizeof *cs);
	cs->ui = ui;
	if (!load(ui, cs, meeting_id, case_id)) {
		case_free(cs);
		return;
	}
	/* The timer runs on the day of the meeting; an old case is only
	 * looked at. */
	char today[11];
	ui_today(today);
	bool live = !ui->read_only && cs->m.f[STORE_MEETING_DATE] &&
		    strcmp(cs->m.f[STORE_MEETING_DATE], today) == 0;
	ui_push(ui, &case_screen, cs);
	ui_timer_show(&cs->timer); /* its clock in every header over it */
	size_t first = 0;
	for (size_t k = 0; k < cs->nside; k++)
		if (cs->side[k].phase && cs->timer.cur < cs->tpl->nphases &&
		    strcmp(cs->side[k].phase, cs->tpl->phases[cs->timer.cur].id) == 0) {
			first = k;
			break;
		}
	side_open(ui, cs, first);
	cs->focus_side = false;
	if (live) {
		ui_timer_run(&cs->timer, true);
		timer_save(ui, cs, cs->timer.cur);
	} else {
		ui_msg(ui, UI_MSG_INFO, "%s",
		       _("Not today's meeting: the timer is paused (t starts it)."));
	}
	if (cs->prefilled.records)
		ui_msg(ui, UI_MSG_INFO,
		       _("Started from last time: %zu short-term goals to evaluate, %zu ratings "
			 "carried over (h: what changed)."),
		       cs->prefilled.goals, cs->prefilled.ratings);
}

/* The section of record form that holds field, as an index of cs->side. */
static size_t side_of_field(const struct case_scr *cs, const char *form, const char *field)
{
	for (size_t i = 0; i < cs->nside; i++) {
		const struct case_side *sd = &cs->side[i];
		if (sd->kind != CS_SECTION || strcmp(cs->recs[sd->rec].form->id, form) != 0)
			continue;
		const struct schema_section *sec = &cs->recs[sd->rec].form->sections[sd->sect];
		for (size_t f = 0; f < sec->nfields; f++)
			if (strcmp(sec->fields[f].id, field) == 0)
				return i;
	}
	return cs->nside;
}

void ui_case_open_at(struct ui *ui, const char *meeting_id, const char *case_id, const char *form,
		     const char *field, const char *item, const char *col)
{
	size_t depth = ui->depth;
	ui_case_open(ui, meeting_id, case_id);
	struct case_scr *cs = ui->depth > depth ? ui_top(ui)->state : NULL;
	if (!cs)
		return;
	size_t k = side_of_field(cs, form, field);
	if (k == cs->nside)
		return;
	side_open(ui, cs, k);
	cs->focus_side = false;
	if (!cs->have_page || !ui_form_focus_field(&cs->page, field) || !item || !*item || !col ||
	    !*col)
		return;
	/* A list item's field: open the item, on that field. */
	for (size_t r = 0; r < cs->page.nrows; r++) {
		cs->page.cur = r;
		const char *id =
		    cs->page.rows[r].kind == UI_ROW_ITEM ? ui_form_item_id(&cs->page) : NULL;
		if (id && strcmp(id, item) == 0) {
			item_open(ui, cs, col, false);
			return;
		}
	}
	ui_form_focus_field(&cs->page, field);
}

// SPDX-License-Identifier: MIT
/*
 * ui_screen_home.c — the first screen: upcoming and past meetings, the
 * search over earlier cases and the text of every record (full-text,
 * store_text_search), creating a meeting from a template, and r for the
 * regional issues.
 *
 * Search as you type never makes a key wait: a key only edits
 * the query; the search runs in the loop's tick once typing pauses, and
 * gives way to the next key (store_stop_when polls the terminal), its
 * half-done results dropped.  The results on screen always belong to one
 * query (`shown`); while they are not the typed one the heading says the
 * search is under way, and Enter searches before it opens anything.
 */
#define NCURSES_WIDECHAR 1
#include <curses.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kaigi/identity.h"
#include "kaigi/scrub.h"
#include "kaigi/search.h"
#include "kaigi/store_stop.h"
#include "kaigi/strbuf.h"
#include "kaigi/utf8.h"
#include "kaigi/xalloc.h"
#include "ui_actions.h"
#include "ui_cursor.h"
#include "ui_draw.h"
#include "ui_screens.h"
#include "ui_select.h"

#define MEETINGS_MAX 500
#define HITS_MAX     200
#define TEXTS_MAX    100

enum home_side { SIDE_UPCOMING, SIDE_PAST, SIDE_SEARCH, SIDE_COUNT };

struct home {
	enum home_side side;
	bool focus_side;
	size_t side_top;
	struct store_meeting_list all; /* newest first, as the store gives */
	size_t nupcoming;              /* all.v[0..nupcoming) are today or later */
	size_t cur[2], top[2];
	struct strbuf query;
	struct store_case_hit_list hits;
	struct store_text_hit_list texts; /* the query found in records and meetings */
	char *shown;                      /* the query hits and texts are for (NULL: none yet) */
	size_t hcur, htop;                /* over hits, then texts */
	struct ui_select sel;             /* meeting templates */
	long long search_due;             /* monotonic ms: run the search then (typing pauses) */
	char sync[256];                   /* last exchanges, conflicts waiting (sync) */
};

/* The search runs once typing pauses this long (and gives way to a key
 * even then). */
#define SEARCH_PAUSE_MS 120

static void load(struct ui *ui, struct home *h)
{
	store_meeting_list_free(&h->all);
	struct kaigi_error err;
	if (store_meeting_list(ui->st, NULL, MEETINGS_MAX, &h->all, &err) != KAIGI_OK)
		ui_msg_error(ui, &err);
	char today[11];
	ui_today(today);
	h->nupcoming = 0;
	while (h->nupcoming < h->all.n && h->all.v[h->nupcoming].f[STORE_MEETING_DATE] &&
	       strcmp(h->all.v[h->nupcoming].f[STORE_MEETING_DATE], today) >= 0)
		h->nupcoming++;
	for (int i = 0; i < 2; i++) {
		size_t n = i == 0 ? h->nupcoming : h->all.n - h->nupcoming;
		ui_cursor_clamp(&h->cur[i], n);
	}
	ui_sync_summary(ui, h->sync, sizeof h->sync);
}

/* A key is waiting on the terminal: the search gives way to it. */
static bool key_waiting(void *ctx)
{
	(void)ctx;
	struct pollfd p = {.fd = STDIN_FILENO, .events = POLLIN};
	return poll(&p, 1, 0) > 0;
}

static bool search_stale(const struct home *h)
{
	return !h->shown || strcmp(h->shown, strbuf_str(&h->query)) != 0;
}

/* Search the cases, and the text of every record and meeting (FTS5, any
 * word through the index).  With yield, a key arriving stops it: false,
 * and what was on screen stays as it was. */
static bool search(struct ui *ui, struct home *h, bool yield)
{
	const char *q = strbuf_str(&h->query);
	struct store_case_hit_list hits = {0};
	struct store_text_hit_list texts = {0};
	struct kaigi_error err;
	if (yield)
		store_stop_when(ui->st, key_waiting, NULL);
	enum kaigi_status s = store_case_search(ui->st, q, false, HITS_MAX, &hits, &err);
	if (s == KAIGI_OK && h->query.len) {
		s = store_text_search(ui->st, q, TEXTS_MAX, &texts, NULL, &err);
		if (s == KAIGI_EUSAGE) /* only spaces */
			s = KAIGI_OK;
	}
	bool stopped = yield && store_stopped(ui->st);
	if (yield)
		store_stop_when(ui->st, NULL, NULL);
	if (stopped) {
		store_case_hit_list_free(&hits);
		store_text_hit_list_free(&texts);
		return false;
	}
	if (s != KAIGI_OK)
		ui_msg_error(ui, &err);
	store_case_hit_list_free(&h->hits);
	store_text_hit_list_free(&h->texts);
	h->hits = hits;
	h->texts = texts;
	/* The room may see this screen: the hits' text is scrubbed as in a
	 * handout (one context per meeting; hits come grouped by meeting). */
	struct scrub_ctx *ctx = NULL;
	const char *ctx_meeting = NULL;
	for (size_t i = 0; i < h->texts.n; i++) {
		struct store_text_hit *t = &h->texts.v[i];
		if (!ctx || strcmp(ctx_meeting, t->meeting_id) != 0) {
			scrub_ctx_free(ctx);
			if (store_scrub_ctx_meeting(ui->st, t->meeting_id, &ctx, &err) != KAIGI_OK)
				ctx = scrub_ctx_new();
			ctx_meeting = t->meeting_id;
		}
		scrub_text_inplace(ctx, &t->text);
	}
	scrub_ctx_free(ctx);
	free(h->shown);
	h->shown = xstrdup(q);
	h->hcur = h->htop = 0;
	return true;
}

/* The query changed: search once typing pauses. */
static void search_later(struct ui *ui, struct home *h)
{
	h->search_due = ui_mono_ms() + SEARCH_PAUSE_MS;
	ui->wake_at = h->search_due;
}

/* The meeting at position i of list side (upcoming soonest first). */
static const struct store_meeting *meeting_at(const struct home *h, int side, size_t i)
{
	if (side == SIDE_UPCOMING)
		return i < h->nupcoming ? &h->all.v[h->nupcoming - 1 - i] : NULL;
	return h->nupcoming + i < h->all.n ? &h->all.v[h->nupcoming + i] : NULL;
}

static size_t list_len(const struct home *h, int side)
{
	return side == SIDE_UPCOMING ? h->nupcoming : h->all.n - h->nupcoming;
}

static unsigned home_contexts(struct ui *ui, void *state)
{
	(void)ui;
	struct home *h = state;
	if (h->sel.open)
		return UI_CTX_SELECT;
	if (h->focus_side)
		return UI_CTX_SIDE | UI_CTX_HOME | UI_CTX_NAV | UI_CTX_CMD;
	if (h->side == SIDE_SEARCH)
		return UI_CTX_SEARCH | UI_CTX_NAV;
	return UI_CTX_HOME | UI_CTX_NAV | UI_CTX_CMD;
}

static void new_meeting(struct ui *ui, struct home *h)
{
	if (!ui_writable(ui))
		return;
	if (ui->forms->nmeetings == 0) {
		ui_msg(ui, UI_MSG_ERROR, "%s", _("No meeting templates are installed."));
		return;
	}
	ui_select_begin(&h->sel, _("New meeting: which kind?"), false, 0);
	for (size_t i = 0; i < ui->forms->nmeetings; i++) {
		const struct schema_meeting *m = ui->forms->meetings[i];
		ui_select_add(&h->sel, m->id, schema_label_get(&m->title, ui->lang), i == 0);
	}
	ui_select_show(&h->sel);
}

static void create_meeting(struct ui *ui, const char *template_id)
{
	const struct schema_meeting *tpl = schema_meeting_find(ui->forms, template_id);
	if (!tpl)
		return;
	struct store_meeting m;
	memset(&m, 0, sizeof m);
	char today[11];
	ui_today(today);
	m.template_id = xstrdup(tpl->id);
	m.template_version = tpl->version;
	m.kind = xstrdup(tpl->kind ? tpl->kind : "individual");
	m.f[STORE_MEETING_TITLE] = xstrdup(schema_label_get(&tpl->title, ui->lang));
	m.f[STORE_MEETING_DATE] = xstrdup(today);
	struct kaigi_error err;
	if (store_meeting_create(ui->st, &m, &err) != KAIGI_OK) {
		ui_msg_error(ui, &err);
	} else {
		ui_saved(ui);
		ui_meeting_open(ui, m.id);
		ui_msg(ui, UI_MSG_INFO, "%s",
		       _("Meeting created. Fill in its date, time, place, purpose and target."));
	}
	store_meeting_clear(&m);
}

static void move_in(size_t *cur, size_t n, int act, size_t page)
{
	if (n)
		ui_cursor_move(cur, n, act,
			       (struct ui_cursor_keys){.tab = true, .ends = true, .page = page});
}

static enum ui_result home_key(struct ui *ui, void *state, const struct ui_key *k)
{
	struct home *h = state;
	size_t page = (size_t)(ui->rows > 8 ? ui->rows - 6 : 1);
	if (h->sel.open) {
		char *id = ui_select_pick(ui, &h->sel, k);
		if (id)
			create_meeting(ui, id);
		free(id);
		return UI_REDRAW;
	}
	switch (k->act) {
	case UI_ACT_QUIT:
		return UI_QUIT;
	case UI_ACT_NEW_MEETING:
		new_meeting(ui, h);
		return UI_REDRAW;
	case UI_ACT_SEARCH:
		h->side = SIDE_SEARCH;
		h->focus_side = false;
		search_later(ui, h);
		return UI_REDRAW;
	case UI_ACT_REGISTER:
		ui_register_open(ui);
		return UI_REDRAW;
	case UI_ACT_CONFLICTS:
		ui_conflicts_open(ui);
		return UI_REDRAW;
	default:
		break;
	}
	if (h->focus_side) {
		size_t s = h->side;
		if (k->act == UI_ACT_OPEN || k->act == UI_ACT_RIGHT) {
			h->focus_side = false;
			if (h->side == SIDE_SEARCH)
				search_later(ui, h);
		} else {
			move_in(&s, SIDE_COUNT, k->act, 1);
			h->side = (enum home_side)s;
		}
		return UI_REDRAW;
	}
	if (h->side == SIDE_SEARCH) {
		switch (k->act) {
		case UI_ACT_CHAR:
			strbuf_append(&h->query, k->text);
			search_later(ui, h);
			break;
		case UI_ACT_BKSP:
			if (h->query.len) {
				size_t n = h->query.len;
				while (n > 0 && ((unsigned char)h->query.s[n - 1] & 0xc0) == 0x80)
					n--;
				h->query.s[n ? n - 1 : 0] = '\0';
				h->query.len = n ? n - 1 : 0;
				search_later(ui, h);
			}
			break;
		case UI_ACT_BACK:
			h->focus_side = true;
			break;
		case UI_ACT_OPEN:
			if (search_stale(h)) {
				/* Enter does not wait for the pause; what it
				 * would open is shown first. */
				search(ui, h, false);
				h->search_due = 0;
				break;
			}
			if (h->hcur < h->hits.n) {
				ui_meeting_open_at(ui, h->hits.v[h->hcur].c.meeting_id,
						   h->hits.v[h->hcur].c.id);
			} else if (h->hcur - h->hits.n < h->texts.n) {
				/* The record at the hit: its case, on the field. */
				const struct store_text_hit *t = &h->texts.v[h->hcur - h->hits.n];
				ui_meeting_open_at(ui, t->meeting_id,
						   t->case_id[0] ? t->case_id : NULL);
				if (t->case_id[0] && t->form)
					ui_case_open_at(ui, t->meeting_id, t->case_id, t->form,
							t->field, t->item, t->col);
			}
			break;
		default:
			move_in(&h->hcur, h->hits.n + h->texts.n, k->act, page);
			break;
		}
		return UI_REDRAW;
	}
	int side = h->side;
	switch (k->act) {
	case UI_ACT_LEFT:
		h->focus_side = true;
		break;
	case UI_ACT_OPEN:
	case UI_ACT_RIGHT: {
		const struct store_meeting *m = meeting_at(h, side, h->cur[side]);
		if (m)
			ui_meeting_open(ui, m->id);
		break;
	}
	default:
		move_in(&h->cur[side], list_len(h, side), k->act, page);
		break;
	}
	return UI_REDRAW;
}

static void draw_meetings(struct ui *ui, struct home *h, struct ui_rect r)
{
	int side = h->side;
	size_t n = list_len(h, side);
	const char *title = side == SIDE_UPCOMING ? _("Upcoming meetings") : _("Past meetings");
	ui_put_cut(r.y, r.x, r.w, title, ui_attr(ui, UI_A_HEADING), false);
	if (n == 0) {
		ui_put_cut(r.y + 2, r.x, r.w,
			   side == SIDE_UPCOMING
			       ? _("No meetings planned. Press n to create one from a template.")
			       : _("No past meetings."),
			   ui_attr(ui, UI_A_DIM), false);
		return;
	}
	int rows = r.h - 1;
	size_t *cur = &h->cur[side], *top = &h->top[side];
	ui_cursor_show(*cur, top, rows);
	for (int i = 0; i < rows && *top + (size_t)i < n; i++) {
		size_t k = *top + (size_t)i;
		const struct store_meeting *m = meeting_at(h, side, k);
		int a = k == *cur && !h->focus_side ? ui_attr(ui, UI_A_CURSOR) : (int)A_NORMAL;
		char line[1024];
		const char *t = m->f[STORE_MEETING_START_TIME];
		snprintf(line, sizeof line, "%s %-5s  %s  %s", m->f[STORE_MEETING_DATE], t ? t : "",
			 m->f[STORE_MEETING_TITLE] ? m->f[STORE_MEETING_TITLE] : "",
			 m->f[STORE_MEETING_PLACE] ? m->f[STORE_MEETING_PLACE] : "");
		ui_put_cut(r.y + 1 + i, r.x, r.w, line, a, true);
	}
}

/* A text hit as one line: where, then the text around the match; a field
 * marked sensitive (a name) is found but not shown on a screen the room
 * may see. */
static char *text_line(const struct home *h, const struct store_text_hit *t, int w)
{
	char *head = xasprintf("%s  %s  ", t->meeting_date,
			       t->person_code ? t->person_code : _("(meeting)"));
	int room = w - (int)utf8_width(head);
	char *ex = t->sensitive ? xstrdup(_("(personal information)"))
				: utf8_excerpt(t->text, strbuf_str(&h->query),
					       (size_t)(room > 12 ? room : 12));
	if (!t->sensitive) { /* the text was scrubbed: keep its marks whole */
		char *whole = scrub_excerpt_mend(ex);
		free(ex);
		ex = whole;
	}
	char *line = xasprintf("%s%s", head, ex);
	free(ex);
	free(head);
	return line;
}

static void draw_search(struct ui *ui, struct home *h, struct ui_rect r)
{
	char label[128];
	snprintf(label, sizeof label, "%s: ", _("Search"));
	int x = r.x + ui_put(r.y, r.x, r.w, label, ui_attr(ui, UI_A_HEADING), false);
	ui_put(r.y, x, r.x + r.w - x, strbuf_str(&h->query), (int)A_UNDERLINE, true);
	if (!h->focus_side)
		ui_cursor_at(r.y, x + (int)utf8_width(strbuf_str(&h->query)));
	size_t total = h->hits.n + h->texts.n;
	bool stale = h->query.len && search_stale(h);
	if (stale)
		ui_put_cut(r.y + r.h - 1, r.x, r.w, _("Searching…"), ui_attr(ui, UI_A_DIM), false);
	if (total == 0) {
		ui_put_cut(r.y + 2, r.x, r.w,
			   stale ? ""
			   : h->query.len
			       ? _("Nothing matches.")
			       : _("Type a case code, initials, area — or any words from "
				   "the records (Japanese too)."),
			   ui_attr(ui, UI_A_DIM), false);
		return;
	}
	/* One line per hit; a heading line before the text hits. */
	int rows = r.h - 1 - (h->texts.n ? 1 : 0);
	ui_cursor_show(h->hcur, &h->htop, rows);
	int y = r.y + 1;
	for (size_t k = h->htop; k < total && y < r.y + r.h; k++) {
		int a = k == h->hcur && !h->focus_side ? ui_attr(ui, UI_A_CURSOR) : (int)A_NORMAL;
		if (k == h->hits.n) {
			char head[128];
			snprintf(head, sizeof head, _("Found in the records (%zu%s)%s"), h->texts.n,
				 h->texts.n >= TEXTS_MAX ? "+" : "", "");
			ui_put_cut(y++, r.x, r.w, head, ui_attr(ui, UI_A_HEADING), true);
			if (y >= r.y + r.h)
				break;
		}
		if (k < h->hits.n) {
			const struct store_case_hit *c = &h->hits.v[k];
			char line[1024];
			snprintf(line, sizeof line, "%s  %-12s %-6s %-6s %s  %s", c->c.meeting_date,
				 c->c.person_code, c->initials ? c->initials : "",
				 c->age_band ? c->age_band : "",
				 c->c.presenter ? c->c.presenter : "",
				 c->meeting_title ? c->meeting_title : "");
			ui_put_cut(y++, r.x, r.w, line, a, true);
		} else {
			char *line = text_line(h, &h->texts.v[k - h->hits.n], r.w);
			ui_put_cut(y++, r.x, r.w, line, a, true);
			free(line);
		}
	}
}

static void home_draw(struct ui *ui, void *state)
{
	struct home *h = state;
	char title[512];
	const char *town = ui->config ? schema_label_get(&ui->config->town, ui->lang) : "";
	snprintf(title, sizeof title, "kaigi 会議 — %s", _("community care meetings"));
	ui_header_draw(ui, title, town);
	struct ui_rect side, pane;
	ui_split(ui, 0, &side, &pane);
	char up[64], past[64];
	snprintf(up, sizeof up, "%s (%zu)", _("Upcoming"), h->nupcoming);
	/* Only the newest MEETINGS_MAX are listed; the search reaches all. */
	snprintf(past, sizeof past, "%s (%zu%s)", _("Past"), h->all.n - h->nupcoming,
		 h->all.n >= MEETINGS_MAX ? "+" : "");
	const char *labels[SIDE_COUNT] = {up, past, _("Search")};
	if (ui_side_draw(ui, side, pane, labels, SIDE_COUNT, h->side, &h->side_top, h->focus_side))
		;
	else if (h->side == SIDE_SEARCH)
		draw_search(ui, h, pane);
	else
		draw_meetings(ui, h, pane);
	char hint[512] = "";
	if (ui->config && ui->config->source && h->side != SIDE_SEARCH)
		snprintf(hint, sizeof hint, "%s", store_path(ui->st));
	if (h->sync[0] && h->side != SIDE_SEARCH)
		snprintf(hint, sizeof hint, "%s", h->sync);
	if (h->side == SIDE_SEARCH && !h->focus_side && h->hcur >= h->hits.n &&
	    h->hcur - h->hits.n < h->texts.n) {
		/* Where the highlighted text was found. */
		char *place =
		    store_text_hit_place(ui->st, &h->texts.v[h->hcur - h->hits.n], ui->lang);
		snprintf(hint, sizeof hint, "%s", place);
		free(place);
	}
	ui_status_draw(ui, hint);
	ui_select_draw(ui, &h->sel);
}

static enum ui_result home_tick(struct ui *ui, void *state)
{
	struct home *h = state;
	if (!h->search_due)
		return UI_CONTINUE;
	if (ui_mono_ms() < h->search_due) {
		ui->wake_at = h->search_due;
		return UI_CONTINUE;
	}
	if (!search(ui, h, true)) {
		/* A key came first: it is handled, then the search runs
		 * again once typing pauses. */
		search_later(ui, h);
		return UI_CONTINUE;
	}
	h->search_due = 0;
	return UI_REDRAW;
}

static void home_resume(struct ui *ui, void *state)
{
	struct home *h = state;
	load(ui, h);
	if (h->side == SIDE_SEARCH) {
		free(h->shown); /* the records may have changed */
		h->shown = NULL;
		search_later(ui, h);
	}
}

static void home_free(void *state)
{
	struct home *h = state;
	store_meeting_list_free(&h->all);
	store_case_hit_list_free(&h->hits);
	store_text_hit_list_free(&h->texts);
	strbuf_free(&h->query);
	free(h->shown);
	ui_select_close(&h->sel);
	free(h);
}

static const struct ui_screen home_screen = {
    .name = "home",
    .contexts = home_contexts,
    .key = home_key,
    .draw = home_draw,
    .tick = home_tick,
    .resume = home_resume,
    .free = home_free,
};

void ui_home_open(struct ui *ui)
{
	struct home *h = xcalloc(1, sizeof *h);
	load(ui, h);
	/* With nothing planned, the past is what there is to see. */
	if (h->nupcoming == 0 && h->all.n > 0)
		h->side = SIDE_PAST;
	ui_push(ui, &home_screen, h);
}

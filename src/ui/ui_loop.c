// SPDX-License-Identifier: MIT
/*
 * ui_loop.c — the one loop: read a key (or time out for the timer), hand
 * it to the top screen, draw.  Also the terminal's setup and restoration
 * and the signal flags.
 *
 * Why the timeout is computed each time: the phase timer shows whole
 * seconds, so the loop wakes at the next second boundary of the monotonic
 * clock rather than every 1000 ms after the last key; a key pressed at
 * x.9 s does not delay the next second's redraw.
 *
 * Idle is when the store does its housekeeping (store_wal.h): a wake-up
 * with no key for IDLE_MS merges the search index a step and copies what
 * the saves since then wrote into the database file, so no save pays for
 * a checkpoint or a merge.
 */
#define NCURSES_WIDECHAR 1
#include <curses.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kaigi/store_stop.h"
#include "kaigi/store_wal.h"
#include "kaigi/ui.h"
#include "kaigi/utf8.h"
#include "kaigi/xalloc.h"
#include "ui_actions.h"
#include "ui_draft.h"
#include "ui_draw.h"
#include "ui_help.h"
#include "ui_screens.h"
#include "ui_stats.h"

/* Below this the UI says the window is too small instead of drawing. */
#define MIN_ROWS 12
#define MIN_COLS 40
/* No key for this long: the facilitator is listening, not typing. */
#define IDLE_MS 400

static volatile sig_atomic_t caught_signal;
static int last_signal;
static bool curses_up;
static SCREEN *screen;

static void on_signal(int sig)
{
	caught_signal = sig;
}

int ui_signal_caught(void)
{
	return last_signal;
}

static void fatal_hook(void)
{
	if (curses_up)
		endwin();
	curses_up = false;
}

static void signals_install(struct sigaction old[3])
{
	static const int sigs[3] = {SIGTERM, SIGHUP, SIGINT};
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	/* No SA_RESTART: a signal interrupts the wait for a key. */
	for (int i = 0; i < 3; i++)
		sigaction(sigs[i], &sa, &old[i]);
}

static void signals_restore(const struct sigaction old[3])
{
	static const int sigs[3] = {SIGTERM, SIGHUP, SIGINT};
	for (int i = 0; i < 3; i++)
		sigaction(sigs[i], &old[i], NULL);
}

/* UTF-8 of one character (a wint_t from get_wch). */
static void utf8_encode(unsigned cp, char out[8])
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		out[1] = 0;
	} else if (cp < 0x800) {
		out[0] = (char)(0xc0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3f));
		out[2] = 0;
	} else if (cp < 0x10000) {
		out[0] = (char)(0xe0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		out[2] = (char)(0x80 | (cp & 0x3f));
		out[3] = 0;
	} else if (cp < 0x110000) {
		out[0] = (char)(0xf0 | (cp >> 18));
		out[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
		out[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
		out[3] = (char)(0x80 | (cp & 0x3f));
		out[4] = 0;
	} else {
		out[0] = 0;
	}
}

static void draw_too_small(struct ui *ui)
{
	const char *msg = _("The window is too small for kaigi. Make it at least 40×12.");
	struct utf8_lines lines = {0};
	ui_wrap(msg, ui->cols > 2 ? ui->cols - 2 : 1, &lines);
	if ((int)lines.n > ui->rows) { /* 10×5: say less, whole, and how to leave */
		utf8_lines_free(&lines);
		ui_wrap(_("Too small. q quits."), ui->cols > 2 ? ui->cols - 2 : 1, &lines);
	}
	int y0 = (ui->rows - (int)lines.n) / 2;
	for (size_t i = 0; i < lines.n && y0 + (int)i < ui->rows; i++)
		if (y0 + (int)i >= 0)
			ui_put(y0 + (int)i, 1, ui->cols - 2, lines.v[i], (int)A_BOLD, false);
	utf8_lines_free(&lines);
}

static unsigned contexts_now(struct ui *ui)
{
	struct ui_frame *f = ui_top(ui);
	unsigned ctx = UI_CTX_GLOBAL;
	if (f && f->screen->contexts)
		ctx |= f->screen->contexts(ui, f->state);
	return ctx;
}

static void draw(struct ui *ui)
{
	erase();
	ui_cursor_hide();
	ui_cursor_reset();
	getmaxyx(stdscr, ui->rows, ui->cols);
	if (ui->rows < MIN_ROWS || ui->cols < MIN_COLS) {
		draw_too_small(ui);
		refresh();
		return;
	}
	struct ui_frame *f = ui_top(ui);
	unsigned ctx = contexts_now(ui);
	if (f)
		f->screen->draw(ui, f->state);
	if (ui->help) {
		ui_help_draw(ui);
		ctx = UI_CTX_HELP | UI_CTX_GLOBAL;
		ui_cursor_reset();
	}
	ui_footer_draw(ui, ctx);
	ui_cursor_apply();
	refresh();
}

/* Free frames popped during the last handler. */
static void bury(struct ui *ui)
{
	for (size_t i = 0; i < ui->ndead; i++)
		if (ui->dead[i].screen->free)
			ui->dead[i].screen->free(ui->dead[i].state);
	ui->ndead = 0;
}

static void flush_all(struct ui *ui)
{
	ui_draft_service(ui, true);
	for (size_t i = ui->depth; i-- > 0;)
		if (ui->stack[i].screen->flush)
			ui->stack[i].screen->flush(ui, ui->stack[i].state);
}

static enum ui_result dispatch(struct ui *ui, int code, const char *text)
{
	struct ui_key k = {.code = code};
	snprintf(k.text, sizeof k.text, "%s", text);
	if (ui->help) {
		k.act = ui_action_lookup(UI_CTX_HELP | UI_CTX_GLOBAL, code);
		return ui_help_key(ui, &k);
	}
	unsigned ctx = contexts_now(ui);
	k.act = ui_action_lookup(ctx, code);
	if (k.act == UI_ACT_HELP) {
		ui->help = true;
		ui->help_top = 0;
		ui->help_ctx = ctx;
		return UI_REDRAW;
	}
	if (k.act == UI_ACT_REDRAW) {
		clearok(curscr, TRUE);
		return UI_REDRAW;
	}
	if (k.act == UI_ACT_NONE && ui_key_printable(code))
		k.act = UI_ACT_CHAR;
	if (k.act == UI_ACT_NONE) {
		/* No keystroke goes unanswered. */
		ui_key_unused(ui, &k);
		return UI_REDRAW;
	}
	struct ui_frame *f = ui_top(ui);
	if (!f)
		return UI_QUIT;
	return f->screen->key(ui, f->state, &k);
}

static enum ui_result tick_all(struct ui *ui)
{
	enum ui_result r = UI_CONTINUE;
	ui->wake_at = 0; /* a screen that still wants one asks again */
	for (size_t i = 0; i < ui->depth; i++)
		if (ui->stack[i].screen->tick &&
		    ui->stack[i].screen->tick(ui, ui->stack[i].state) == UI_REDRAW)
			r = UI_REDRAW;
	/* Messages fade after a while so old news does not linger. */
	if (ui->msg_kind != UI_MSG_NONE && ui_mono_ms() - ui->msg_at > 8000) {
		ui->msg_kind = UI_MSG_NONE;
		r = UI_REDRAW;
	}
	return r;
}

/* A key is waiting on the terminal: the idle work gives way to it. */
static bool key_waiting(void *ctx)
{
	(void)ctx;
	struct pollfd p = {.fd = STDIN_FILENO, .events = POLLIN};
	return poll(&p, 1, 0) > 0;
}

/* Housekeeping while nobody types, giving way to the next key; a failure
 * is said like any other. */
static void idle(struct ui *ui, long long last_key)
{
	if (ui->read_only || ui_mono_ms() - last_key < IDLE_MS || !store_wal_pending(ui->st))
		return;
	struct kaigi_error err;
	store_stop_when(ui->st, key_waiting, NULL);
	enum kaigi_status s = store_idle(ui->st, &err);
	store_stop_when(ui->st, NULL, NULL);
	if (s != KAIGI_OK)
		ui_msg_error(ui, &err);
}

static bool term_start(struct kaigi_error *err)
{
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		kaigi_error_set(err, KAIGI_EENV, NULL, 0, 0,
				"the UI needs a terminal (stdin and stdout are not one)");
		return false;
	}
	SCREEN *scr = newterm(NULL, stdout, stdin);
	if (!scr) {
		const char *t = getenv("TERM");
		kaigi_error_set(err, KAIGI_EENV, NULL, 0, 0, "cannot use the terminal (TERM=%s)",
				t ? t : "unset");
		return false;
	}
	set_term(scr);
	/* A terminal that cannot place the cursor (TERM=dumb) would show a
	 * blank screen: say so instead. */
	const char *cup = tigetstr("cup");
	if (cup == NULL || cup == (const char *)-1) {
		endwin();
		delscreen(scr);
		const char *t = getenv("TERM");
		kaigi_error_set(err, KAIGI_EENV, NULL, 0, 0,
				"the terminal (TERM=%s) cannot place the cursor, which the UI "
				"needs; run it in a terminal such as xterm-256color (the other "
				"commands work here)",
				t ? t : "unset");
		return false;
	}
	screen = scr;
	curses_up = true;
	xalloc_set_fatal_hook(fatal_hook);
	cbreak();
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	keypad(stdscr, TRUE);
	set_escdelay(25);
	return true;
}

enum kaigi_status ui_run(const struct ui_args *a, struct kaigi_error *err)
{
	struct ui *ui = xcalloc(1, sizeof *ui);
	ui->st = a->st;
	ui->forms = a->forms;
	ui->config = a->config;
	ui->lang = a->lang;
	ui->read_only = a->ro_reason != NULL;
	if (a->ro_reason)
		snprintf(ui->ro_reason, sizeof ui->ro_reason, "%s", a->ro_reason);
	caught_signal = 0;
	last_signal = 0;
	if (!term_start(err)) {
		free(ui);
		return KAIGI_EENV;
	}
	struct sigaction old[3];
	signals_install(old);
	ui_draw_init(ui);
	ui_stats_init();
	getmaxyx(stdscr, ui->rows, ui->cols);
	ui_home_open(ui);
	if (a->meeting_id)
		ui_meeting_open(ui, a->meeting_id);
	ui_draft_started(ui_now_ms());
	size_t ndrafts = 0;
	struct kaigi_error derr;
	kaigi_error_clear(&derr);
	if (store_draft_count(ui->st, &ndrafts, &derr) == KAIGI_OK && ndrafts > 0)
		ui_msg(ui, UI_MSG_WARN,
		       _("Draft restored: text typed but not saved in %zu field(s); it shows in "
			 "place, marked [draft]."),
		       ndrafts);
	if (a->notice)
		ui_msg(ui, UI_MSG_WARN, "%s", a->notice);

	bool running = true;
	long long last_key = ui_mono_ms();
	draw(ui);
	ui_stats_first_screen();
	while (running && ui->depth > 0) {
		if (caught_signal)
			break;
		long long now = ui_mono_ms();
		long long wait = 1000 - now % 1000 + 5;
		if (ui->wake_at && ui->wake_at - now < wait)
			wait = ui->wake_at > now ? ui->wake_at - now : 0;
		/* The text being typed reaches the database when typing
		 * pauses (ui_draft.h): the input timeout is the timer. */
		long long due = ui_draft_due();
		if (due && due - now < wait)
			wait = due > now ? due - now : 0;
		timeout((int)wait);
		wint_t ch = 0;
		int r = get_wch(&ch);
		if (caught_signal)
			break;
		/* Alt-x arrives as Esc then x at once: one key. */
		bool alt = false;
		if (r == OK && ch == UI_ESC) {
			wint_t ch2 = 0;
			timeout(0);
			int r2 = get_wch(&ch2);
			if (r2 == OK && ch2 >= 0x20 && ch2 != 0x7f) {
				ch = ch2;
				alt = true;
			} else if (r2 == OK) {
				unget_wch(ch2);
			} else if (r2 == KEY_CODE_YES) {
				ungetch((int)ch2);
			}
		}
		long long t0 = ui_stats_now();
		enum ui_result res = UI_REDRAW;
		if (r == ERR) {
			ui_draft_service(ui, false);
			idle(ui, last_key);
			res = tick_all(ui);
			if (res != UI_REDRAW)
				continue;
		} else if (r == KEY_CODE_YES && ch == KEY_RESIZE) {
			res = UI_REDRAW;
		} else if (ui->rows < MIN_ROWS || ui->cols < MIN_COLS) {
			/* Nothing to act on while nothing can be seen, but q still
			 * leaves (everything is saved as it is typed). */
			if (r == OK && (ch == 'q' || ch == 'Q'))
				running = false;
			continue;
		} else {
			int code;
			char text[8] = "";
			if (r == KEY_CODE_YES) {
				code = UI_KEYCODE((int)ch);
			} else if (alt) {
				code = UI_ALT((int)ch);
			} else {
				code = (int)ch;
				utf8_encode((unsigned)ch, text);
			}
			/* A new key ends the last message, unless it is an error
			 * the user has not had a second to read. */
			if (ui->msg_kind != UI_MSG_ERROR || ui_mono_ms() - ui->msg_at > 1500)
				ui->msg_kind = UI_MSG_NONE;
			last_key = ui_mono_ms();
			res = dispatch(ui, code, text);
			bury(ui);
			if (res == UI_QUIT)
				running = false;
		}
		if (ui->ext_redraw) {
			clearok(curscr, TRUE);
			ui->ext_redraw = false;
		}
		ui_draft_service(ui, false);
		if (running)
			draw(ui);
		if (r != ERR)
			ui_stats_key(t0);
	}
	last_signal = caught_signal;
	flush_all(ui);
	bury(ui);
	while (ui->depth) {
		struct ui_frame *f = &ui->stack[--ui->depth];
		if (f->screen->free)
			f->screen->free(f->state);
	}
	endwin();
	curses_up = false;
	delscreen(screen);
	screen = NULL;
	signals_restore(old);
	ui_stats_report();
	free(ui);
	return KAIGI_OK;
}

/* SPDX-License-Identifier: MIT */
/*
 * ui_app.h — the core of the facilitator UI that every screen shares: the
 * application state, the screen descriptor, the stack of screens, and the
 * status line.
 *
 * Design note (after tmux's window modes and ncdu's screens).  One loop
 * (ui_loop.c) reads a key, maps it through the action table (ui_actions.c)
 * for the contexts the top screen says are active, and hands the action to
 * that screen's .key.  Handlers change state and return what must happen;
 * they never draw.  The loop then draws the stack bottom to top.  The phase
 * timer is the input timeout: .tick runs about once a second.  Signal
 * handlers only set a flag; the loop asks every screen to .flush (save what
 * is being typed) and restores the terminal.
 *
 * Nothing here includes curses: only the files that draw do.
 */
#ifndef KAIGI_UI_APP_H
#define KAIGI_UI_APP_H

#include <stdbool.h>
#include <stddef.h>

#include "kaigi/config.h"
#include "kaigi/error.h"
#include "kaigi/schema.h"
#include "kaigi/store.h"

/* gettext, or the identity when built without it. */
#include <libintl.h>
#define _(s)  gettext(s)
#define N_(s) (s)

/* What a key handler asks the loop to do. */
enum ui_result {
	UI_CONTINUE = 0, /* nothing changed on screen */
	UI_REDRAW,       /* draw again */
	UI_QUIT,         /* flush every screen and leave */
};

/* A key as the loop hands it to a screen. */
struct ui_key {
	int act;      /* enum ui_act; UI_ACT_CHAR for a character no action took */
	int code;     /* a character, or UI_KEYCODE(KEY_…) for a function key */
	char text[8]; /* the character as UTF-8, "" for function keys */
};

struct ui;

/*
 * A screen: a const descriptor, its state owned by the stack frame.  Every
 * hook but .draw and .key may be NULL.
 */
struct ui_screen {
	const char *name;
	/* It draws the screen under it first and keeps it in view (a pop-up,
	 * an item page): see ui_in_view(). */
	bool over;
	/* The action contexts (UI_CTX_* bits) active now. */
	unsigned (*contexts)(struct ui *ui, void *state);
	enum ui_result (*key)(struct ui *ui, void *state, const struct ui_key *k);
	/* Draw the whole screen (the loop clears first). */
	void (*draw)(struct ui *ui, void *state);
	/* About once a second, for the timer; returns UI_REDRAW to be drawn. */
	enum ui_result (*tick)(struct ui *ui, void *state);
	/* The screen is on top again after the one above it was popped. */
	void (*resume)(struct ui *ui, void *state);
	/* Save whatever is half-typed (leaving, a signal).  Must not draw. */
	void (*flush)(struct ui *ui, void *state);
	void (*free)(void *state);
};

#define UI_STACK_MAX 8

struct ui_frame {
	const struct ui_screen *screen;
	void *state;
};

enum ui_msg_kind {
	UI_MSG_NONE = 0,
	UI_MSG_INFO,
	UI_MSG_WARN,
	UI_MSG_ERROR,
};

struct ui {
	/* Borrowed from the caller of ui_run(). */
	struct store *st;
	const struct schema_set *forms;
	const struct kaigi_config *config;
	const char *lang; /* "ja" or "en": form labels */
	bool read_only;
	char ro_reason[512];

	int rows, cols;
	bool colour;

	struct ui_frame stack[UI_STACK_MAX];
	size_t depth;
	struct ui_frame dead[UI_STACK_MAX]; /* popped, freed after the handler */
	size_t ndead;

	/* The status line: one message, until the next key or a few seconds. */
	char msg[512];
	enum ui_msg_kind msg_kind;
	long long msg_at;
	long long saved_at;  /* wall ms of the last save, for the marker */
	unsigned long saves; /* how many saves so far (ui_saved) */

	bool help;         /* the help overlay is open */
	size_t help_top;   /* its scroll */
	unsigned help_ctx; /* contexts of the screen under it */
	bool ext_redraw;   /* the terminal was handed to another program */
	long long wake_at; /* monotonic ms a screen wants a .tick by, or 0 */
};

/* Push a screen with its state (taken over: the screen's .free frees it). */
void ui_push(struct ui *ui, const struct ui_screen *s, void *state);
/* Pop the top screen.  Safe inside its own handler: the state is freed
 * after the handler returns. */
void ui_pop(struct ui *ui);
struct ui_frame *ui_top(struct ui *ui);
/* Whether the screen with this state is in view: on top, or under screens
 * that draw it under themselves (.over). */
bool ui_in_view(struct ui *ui, const void *state);

/* Set the status line. */
void ui_msg(struct ui *ui, enum ui_msg_kind kind, const char *fmt, ...) KAIGI_PRINTF(3, 4);
/* An error for the status line, without file positions the user cannot use. */
void ui_msg_error(struct ui *ui, const struct kaigi_error *err);
/* Note a successful save (the header shows a discreet marker). */
void ui_saved(struct ui *ui);
/* False (with a message) when the database is read-only. */
bool ui_writable(struct ui *ui);

/* Wall-clock and monotonic milliseconds. */
long long ui_now_ms(void);
long long ui_mono_ms(void);
/* Today as YYYY-MM-DD (local time) into out[11]. */
void ui_today(char out[11]);
/* The wall-clock time ms (ui_now_ms) in local time, as fmt (strftime)
 * into out[size]. */
void ui_clock_fmt(long long ms, const char *fmt, char *out, size_t size);

#endif

/* SPDX-License-Identifier: MIT */
/*
 * ui_actions.h — every key action of the UI, declared once.
 *
 * One table (ui_actions.c) gives each action its keys, the short label the
 * footer shows and the sentence the `?` help shows, per context.  The key
 * map, the footer and the help are all made from it, so they cannot
 * disagree (calcurse's habit).  A screen says which contexts are active;
 * the first row of the table, in order, whose context is active and whose
 * keys hold the key wins.  Rows without keys only document what a widget
 * does with plain characters (typing, digits in a grid).
 */
#ifndef KAIGI_UI_ACTIONS_H
#define KAIGI_UI_ACTIONS_H

#include <stdbool.h>
#include <stddef.h>

/* A function key (KEY_… of curses) as distinct from a character. */
#define UI_KEYCODE(k)    ((k) | 0x1000000)
#define UI_IS_KEYCODE(c) (((c)&0x1000000) != 0)
/* Alt (Meta) with a character: Esc then the character at once. */
#define UI_ALT(c)    ((c) | 0x2000000)
#define UI_IS_ALT(c) (((c)&0x2000000) != 0)
#define UI_CTRL(c)   ((c)&0x1f)
#define UI_ESC       27

/* Contexts: which group of actions applies now. */
enum ui_ctx {
	UI_CTX_GLOBAL = 1u << 0,    /* always */
	UI_CTX_CMD = 1u << 1,       /* not typing: single-letter commands work */
	UI_CTX_NAV = 1u << 2,       /* a list or form to move through */
	UI_CTX_HOME = 1u << 3,      /* the home screen */
	UI_CTX_SIDE = 1u << 4,      /* the side list has the focus */
	UI_CTX_MEETING = 1u << 5,   /* a meeting is open */
	UI_CTX_PEOPLE = 1u << 6,    /* the participants */
	UI_CTX_AGENDA = 1u << 7,    /* the cases of the meeting */
	UI_CTX_CASE = 1u << 8,      /* a case is running */
	UI_CTX_FORM = 1u << 9,      /* a field has the focus */
	UI_CTX_GRID = 1u << 10,     /* a grid cell has the focus */
	UI_CTX_LIST = 1u << 11,     /* a list item has the focus */
	UI_CTX_EDIT = 1u << 12,     /* typing in a one-line field */
	UI_CTX_TEXTAREA = 1u << 13, /* typing in the long-text editor */
	UI_CTX_SELECT = 1u << 14,   /* a pop-up list of choices */
	UI_CTX_HELP = 1u << 15,     /* this help */
	UI_CTX_CONFIRM = 1u << 16,  /* a yes/no question */
	UI_CTX_SEARCH = 1u << 17,   /* the case search box */
	UI_CTX_READ = 1u << 18,     /* a read-only page (wrap-up read-back) */
	UI_CTX_HISTORY = 1u << 19,  /* a person's case history */
	UI_CTX_REGISTER = 1u << 20, /* the regional issues and the register */
	UI_CTX_ISSUE = 1u << 21,    /* an issue of the register, open */
	/* The focus takes typed text (a field of a form page, a text cell of
	 * a grid, an open editor): every printable character is text there,
	 * so no row whose key is one applies; commands need keys that cannot
	 * be text (function keys, Ctrl-, Alt-, arrows, Enter, Tab, Esc). */
	UI_CTX_TYPEABLE = 1u << 22,
	UI_CTX_CONFLICT = 1u << 23, /* sync conflicts, side by side */
	UI_CTX_POLICY = 1u << 24,   /* a policy meeting's agenda of register issues */
	UI_CTX_SHEETS = 1u << 25,   /* the meeting's own records */
};

enum ui_act {
	UI_ACT_NONE = 0,
	UI_ACT_CHAR, /* a character no row took: typing */
	UI_ACT_HELP,
	UI_ACT_REDRAW,
	UI_ACT_QUIT,
	UI_ACT_BACK,
	UI_ACT_UP,
	UI_ACT_DOWN,
	UI_ACT_LEFT,
	UI_ACT_RIGHT,
	UI_ACT_PGUP,
	UI_ACT_PGDN,
	UI_ACT_HOME,
	UI_ACT_END,
	UI_ACT_NEXT, /* Tab */
	UI_ACT_PREV, /* Shift-Tab */
	UI_ACT_OPEN,
	UI_ACT_EDIT,
	UI_ACT_CLEAR,
	UI_ACT_NEW_MEETING,
	UI_ACT_SEARCH,
	UI_ACT_ADD,
	UI_ACT_QUICK_ADD,
	UI_ACT_TOGGLE,
	UI_ACT_DELETE,
	UI_ACT_UNDO,
	UI_ACT_MOVE_UP,
	UI_ACT_MOVE_DOWN,
	UI_ACT_FOLLOWUP,
	UI_ACT_PHASE_NEXT,
	UI_ACT_PHASE_PREV,
	UI_ACT_TIMER_PAUSE,
	UI_ACT_TIMER_PLUS,
	UI_ACT_TIMER_MINUS,
	UI_ACT_GOTO,
	UI_ACT_READBACK,
	UI_ACT_CLOSE_CASE,
	UI_ACT_SUMMARY,
	UI_ACT_PRINT,
	UI_ACT_PACKET,
	UI_ACT_SET,  /* documented: digits in a grid */
	UI_ACT_TYPE, /* documented: typing */
	UI_ACT_BKSP,
	UI_ACT_DEL_CHAR,
	UI_ACT_KILL_START,
	UI_ACT_KILL_END,
	UI_ACT_DONE,
	UI_ACT_NEWLINE,
	UI_ACT_EXT_EDITOR,
	UI_ACT_CHOOSE,
	UI_ACT_CANCEL,
	UI_ACT_YES,
	UI_ACT_NO,
	UI_ACT_HISTORY,      /* a person's earlier reviews */
	UI_ACT_CLOSE_ACTION, /* close / reopen an action agreed before */
	UI_ACT_REGISTER,     /* the regional issues */
	UI_ACT_LINK,         /* link a raised wording to an issue of the register */
	UI_ACT_PERIOD_PREV,
	UI_ACT_PERIOD_NEXT,
	UI_ACT_PERIOD_ALL,
	UI_ACT_CALENDAR,      /* 年度 or calendar years */
	UI_ACT_AGENDA_PUT,    /* put an issue of the register on the policy meeting's agenda */
	UI_ACT_CONFLICTS,     /* the sync conflicts (home) */
	UI_ACT_KEEP_LOCAL,    /* a conflict: keep the value here */
	UI_ACT_KEEP_INCOMING, /* a conflict: take the incoming value */
};

struct ui_action {
	enum ui_act act;
	unsigned ctx;        /* UI_CTX_* bits where the row applies */
	int keys[10];        /* characters, UI_KEYCODE(KEY_…) or UI_ALT(c); 0 ends */
	const char *keyname; /* as shown: "Enter", "a", "^T" */
	const char *label;   /* short footer label (N_), or NULL: help only */
	const char *help;    /* one sentence for `?` (N_) */
};

extern const struct ui_action ui_actions[];
extern const size_t ui_nactions;

/* The action a key means in contexts ctx, or UI_ACT_NONE. */
enum ui_act ui_action_lookup(unsigned ctx, int code);

/* Whether code is a character that could be typed as text. */
bool ui_key_printable(int code);
/* Whether row a can be reached by a key in contexts ctx (in a typeable
 * place, a row whose keys are all printable cannot). */
bool ui_action_reachable(const struct ui_action *a, unsigned ctx);
/* The key of row a as shown in contexts ctx: its keyname, or "M-x" where
 * the letter would be text and the row has Alt-x. */
const char *ui_action_keyname(const struct ui_action *a, unsigned ctx);
/* Every way row a is typed, for the help: "n M-n", or its keyname. */
const char *ui_action_keynames(const struct ui_action *a);

struct ui;
struct ui_key;
/* Say on the status line that key k does nothing here (no key is dropped
 * silently). */
void ui_key_unused(struct ui *ui, const struct ui_key *k);

/* Titles of the contexts, in help order (N_ strings); NULL ends. */
struct ui_ctx_title {
	unsigned ctx;
	const char *title;
};
extern const struct ui_ctx_title ui_ctx_titles[];

#endif

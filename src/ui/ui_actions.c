// SPDX-License-Identifier: MIT
/*
 * ui_actions.c — the one table of key actions (see ui_actions.h).
 *
 * Order matters twice: lookup takes the first matching row, so the modal
 * contexts (help, a question, a pop-up, typing) come first; and the footer
 * shows labels in table order, so the most useful keys of each context come
 * first in it.
 */
#define NCURSES_WIDECHAR 1
#include <curses.h>
#include <stdio.h>

#include "kaigi/xalloc.h"
#include "ui_actions.h"
#include "ui_app.h"

#define K(k)  UI_KEYCODE(k)
#define ENTER '\r', '\n', K(KEY_ENTER)
#define BKSP  K(KEY_BACKSPACE), 127, 8

/* One row per action reads as the table it is: not reflowed. */
/* clang-format off */
const struct ui_action ui_actions[] = {
    /* ---- help -------------------------------------------------------- */
    {UI_ACT_UP, UI_CTX_HELP, {K(KEY_UP)}, "↑↓", NULL, N_("scroll")},
    {UI_ACT_DOWN, UI_CTX_HELP, {K(KEY_DOWN)}, "", NULL, ""},
    {UI_ACT_PGUP, UI_CTX_HELP, {K(KEY_PPAGE)}, "PgUp PgDn", NULL, N_("scroll a page")},
    {UI_ACT_PGDN, UI_CTX_HELP, {K(KEY_NPAGE), ' '}, "", NULL, ""},
    {UI_ACT_BACK, UI_CTX_HELP, {UI_ESC, 'q', '?', K(KEY_F(1))}, "Esc", N_("close help"),
     N_("close this help")},

    /* ---- a yes/no question ------------------------------------------ */
    {UI_ACT_YES, UI_CTX_CONFIRM, {'y', 'Y'}, "y", N_("yes"), N_("yes, do it")},
    {UI_ACT_NO, UI_CTX_CONFIRM, {'n', 'N', UI_ESC}, "n Esc", N_("no"), N_("no, leave it")},

    /* ---- pop-up list of choices ------------------------------------- */
    {UI_ACT_CHOOSE, UI_CTX_SELECT, {ENTER}, "Enter", N_("choose"),
     N_("take the highlighted choice (in a multiple choice: save the ticked ones)")},
    {UI_ACT_TOGGLE, UI_CTX_SELECT, {' '}, "Space", N_("tick"),
     N_("tick or untick a choice (multiple choice)")},
    {UI_ACT_TYPE, UI_CTX_SELECT, {0}, N_("type"), N_("filter"),
     N_("type part of a choice to narrow the list")},
    {UI_ACT_BKSP, UI_CTX_SELECT, {BKSP}, "BS", NULL, N_("remove the last filter character")},
    {UI_ACT_CANCEL, UI_CTX_SELECT, {UI_ESC}, "Esc", N_("cancel"),
     N_("close without changing the answer")},
    {UI_ACT_UP, UI_CTX_SELECT, {K(KEY_UP)}, "↑↓", NULL, N_("move")},
    {UI_ACT_DOWN, UI_CTX_SELECT, {K(KEY_DOWN)}, "", NULL, ""},
    {UI_ACT_PGUP, UI_CTX_SELECT, {K(KEY_PPAGE)}, "PgUp PgDn", NULL, N_("move a page")},
    {UI_ACT_PGDN, UI_CTX_SELECT, {K(KEY_NPAGE)}, "", NULL, ""},
    {UI_ACT_HOME, UI_CTX_SELECT, {K(KEY_HOME)}, "Home End", NULL, N_("first / last choice")},
    {UI_ACT_END, UI_CTX_SELECT, {K(KEY_END)}, "", NULL, ""},

    /* ---- the long-text editor -------------------------------------- */
    {UI_ACT_NEXT, UI_CTX_TEXTAREA, {'\t'}, "Tab", N_("keep, next"),
     N_("keep the text and go to the next field (as in every field)")},
    {UI_ACT_PREV, UI_CTX_TEXTAREA, {K(KEY_BTAB)}, "S-Tab", NULL,
     N_("keep the text and go to the previous field")},
    {UI_ACT_NEWLINE, UI_CTX_TEXTAREA, {ENTER}, "Enter", N_("new line"),
     N_("start a new line (Enter is the line break in every long text)")},
    {UI_ACT_DONE, UI_CTX_TEXTAREA, {K(KEY_F(10))}, "F10", N_("keep"),
     N_("keep the text and leave the editor, staying on the field")},
    {UI_ACT_CANCEL, UI_CTX_TEXTAREA, {UI_ESC}, "Esc", N_("cancel"),
     N_("leave without keeping the changes (asks first when the text was changed)")},
    {UI_ACT_EXT_EDITOR, UI_CTX_TEXTAREA, {UI_CTRL('o'), K(KEY_F(4))}, "^O", N_("$EDITOR"),
     N_("edit the text in $EDITOR (or vi); it is saved when the editor exits")},
    {UI_ACT_TYPE, UI_CTX_TEXTAREA, {0}, N_("type"), NULL,
     N_("type text; Japanese input methods work as usual")},
    {UI_ACT_UP, UI_CTX_TEXTAREA, {K(KEY_UP)}, "↑↓←→", NULL, N_("move the cursor")},
    {UI_ACT_DOWN, UI_CTX_TEXTAREA, {K(KEY_DOWN)}, "", NULL, ""},
    {UI_ACT_LEFT, UI_CTX_TEXTAREA, {K(KEY_LEFT)}, "", NULL, ""},
    {UI_ACT_RIGHT, UI_CTX_TEXTAREA, {K(KEY_RIGHT)}, "", NULL, ""},
    {UI_ACT_HOME, UI_CTX_TEXTAREA, {K(KEY_HOME), UI_CTRL('a')}, "Home End", NULL,
     N_("start / end of the line")},
    {UI_ACT_END, UI_CTX_TEXTAREA, {K(KEY_END), UI_CTRL('e')}, "", NULL, ""},
    {UI_ACT_PGUP, UI_CTX_TEXTAREA, {K(KEY_PPAGE)}, "PgUp PgDn", NULL, N_("move a page")},
    {UI_ACT_PGDN, UI_CTX_TEXTAREA, {K(KEY_NPAGE)}, "", NULL, ""},
    {UI_ACT_BKSP, UI_CTX_TEXTAREA, {BKSP}, "BS Del", NULL,
     N_("delete the character before / under the cursor")},
    {UI_ACT_DEL_CHAR, UI_CTX_TEXTAREA, {K(KEY_DC), UI_CTRL('d')}, "", NULL, ""},
    {UI_ACT_KILL_END, UI_CTX_TEXTAREA, {UI_CTRL('k')}, "^K", NULL,
     N_("delete to the end of the line")},

    /* ---- typing in a one-line field ----------------------------------- */
    {UI_ACT_DONE, UI_CTX_EDIT, {ENTER}, "Enter", N_("keep"),
     N_("keep the answer, staying on the field (Tab, ↑ and ↓ keep it and move)")},
    {UI_ACT_TYPE, UI_CTX_EDIT, {0}, N_("type"), NULL,
     N_("type the answer; Japanese input methods work as usual")},
    {UI_ACT_NEXT, UI_CTX_EDIT, {'\t'}, "Tab", N_("keep, next"),
     N_("keep the answer and go to the next field")},
    {UI_ACT_CANCEL, UI_CTX_EDIT, {UI_ESC}, "Esc", N_("cancel"),
     N_("leave without keeping the changes (asks first when the text was changed)")},
    {UI_ACT_PREV, UI_CTX_EDIT, {K(KEY_BTAB)}, "S-Tab", NULL,
     N_("keep the answer and go to the previous field")},
    {UI_ACT_UP, UI_CTX_EDIT, {K(KEY_UP)}, "↑↓", NULL, N_("keep the answer and move up / down")},
    {UI_ACT_DOWN, UI_CTX_EDIT, {K(KEY_DOWN)}, "", NULL, ""},
    {UI_ACT_LEFT, UI_CTX_EDIT, {K(KEY_LEFT)}, "←→", NULL, N_("move the cursor")},
    {UI_ACT_RIGHT, UI_CTX_EDIT, {K(KEY_RIGHT)}, "", NULL, ""},
    {UI_ACT_HOME, UI_CTX_EDIT, {K(KEY_HOME), UI_CTRL('a')}, "Home End", NULL,
     N_("start / end of the text")},
    {UI_ACT_END, UI_CTX_EDIT, {K(KEY_END), UI_CTRL('e')}, "", NULL, ""},
    {UI_ACT_BKSP, UI_CTX_EDIT, {BKSP}, "BS Del", NULL,
     N_("delete the character before / under the cursor")},
    {UI_ACT_DEL_CHAR, UI_CTX_EDIT, {K(KEY_DC), UI_CTRL('d')}, "", NULL, ""},
    {UI_ACT_KILL_START, UI_CTX_EDIT, {UI_CTRL('u')}, "^U", NULL,
     N_("delete everything before the cursor")},
    {UI_ACT_KILL_END, UI_CTX_EDIT, {UI_CTRL('k')}, "^K", NULL,
     N_("delete everything after the cursor")},

    /* ---- the case search box --------------------------------------- */
    {UI_ACT_OPEN, UI_CTX_SEARCH, {ENTER}, "Enter", N_("open"),
     N_("open the meeting of the highlighted case")},
    {UI_ACT_TYPE, UI_CTX_SEARCH, {0}, N_("type"), N_("search"),
     N_("type a case code, initials, presenter or area")},
    {UI_ACT_BKSP, UI_CTX_SEARCH, {BKSP}, "BS", NULL, N_("remove the last character")},
    {UI_ACT_BACK, UI_CTX_SEARCH, {UI_ESC, K(KEY_LEFT)}, "Esc", N_("back"),
     N_("back to the list on the left")},

    /* ---- a grid (ADL/IADL) ---------------------------------------- */
    {UI_ACT_SET, UI_CTX_GRID, {'1', '2', '3', '4', '5', '6', '7', '8', '9'}, "1-9", N_("rate"),
     N_("set the cell to the n-th choice of its row's scale (1 = 〇1 … 7 = —) and move down")},
    {UI_ACT_EDIT, UI_CTX_GRID, {ENTER, ' '}, "Enter", N_("choose"),
     N_("choose from the list, or type in a text cell")},
    {UI_ACT_CLEAR, UI_CTX_GRID, {K(KEY_DC), BKSP}, "Del", N_("clear"), N_("clear the cell")},
    {UI_ACT_NEXT, UI_CTX_GRID, {'\t'}, "Tab", NULL, N_("next cell (row by row)")},
    {UI_ACT_PREV, UI_CTX_GRID, {K(KEY_BTAB)}, "S-Tab", NULL, N_("previous cell")},
    {UI_ACT_LEFT, UI_CTX_GRID, {K(KEY_LEFT)}, "←→↑↓", NULL,
     N_("move between cells (← in the first column: the section list)")},
    {UI_ACT_RIGHT, UI_CTX_GRID, {K(KEY_RIGHT)}, "", NULL, ""},

    /* ---- a list (issues, goals, advice, actions) ----------------- */
    {UI_ACT_OPEN, UI_CTX_LIST, {ENTER}, "Enter", N_("open"), N_("open the item to edit it")},
    {UI_ACT_ADD, UI_CTX_LIST, {'a', K(KEY_IC)}, "a", N_("add"), N_("add an item")},
    {UI_ACT_DELETE, UI_CTX_LIST, {'d', K(KEY_DC)}, "d", N_("delete"),
     N_("delete the item (u brings it back)")},
    {UI_ACT_UNDO, UI_CTX_LIST, {'u'}, "u", N_("undo"), N_("bring back the item deleted last")},
    {UI_ACT_MOVE_UP, UI_CTX_LIST, {'[', K(KEY_SR)}, "[ ]", N_("move"),
     N_("move the item up / down (also Shift-↑ Shift-↓)")},
    {UI_ACT_MOVE_DOWN, UI_CTX_LIST, {']', K(KEY_SF)}, "", NULL, ""},

    /* ---- a field (not typing) -------------------------------------- */
    {UI_ACT_EDIT, UI_CTX_FORM, {ENTER}, "Enter", N_("edit"),
     N_("edit the field: type, or pick from a list")},
    {UI_ACT_TYPE, UI_CTX_FORM, {0}, N_("type"), NULL,
     N_("any character typed on a field is text: it starts editing with that character "
        "(letters, digits, t and +90 on a date); on a choice it narrows the list; commands "
        "here use Alt (M-) or function keys")},
    {UI_ACT_TOGGLE, UI_CTX_FORM, {' '}, "Space", NULL,
     N_("yes/no fields: switch; choice fields: open the list; text: a space")},
    {UI_ACT_CLEAR, UI_CTX_FORM, {K(KEY_DC), BKSP}, "Del", NULL, N_("clear the answer")},
    {UI_ACT_NEXT, UI_CTX_FORM, {'\t'}, "Tab", NULL,
     N_("next field (on to the next section at the end)")},
    {UI_ACT_PREV, UI_CTX_FORM, {K(KEY_BTAB)}, "S-Tab", NULL, N_("previous field")},
    {UI_ACT_LEFT, UI_CTX_FORM, {K(KEY_LEFT)}, "←", NULL, N_("to the section list")},

    /* ---- participants --------------------------------------------- */
    {UI_ACT_EDIT, UI_CTX_PEOPLE, {ENTER}, "Enter", N_("edit"), N_("edit the participant")},
    {UI_ACT_ADD, UI_CTX_PEOPLE, {'a', K(KEY_IC)}, "a", N_("add"), N_("add a participant")},
    {UI_ACT_QUICK_ADD, UI_CTX_PEOPLE, {'i'}, "i", N_("earlier"),
     N_("add someone who attended an earlier meeting")},
    {UI_ACT_TOGGLE, UI_CTX_PEOPLE, {' '}, "Space", N_("present"), N_("mark present / absent")},
    {UI_ACT_DELETE, UI_CTX_PEOPLE, {'d', K(KEY_DC)}, "d", N_("delete"),
     N_("remove the participant (u brings them back)")},
    {UI_ACT_UNDO, UI_CTX_PEOPLE, {'u'}, "u", NULL, N_("bring back the participant removed last")},

    /* ---- the cases of a meeting ----------------------------------- */
    {UI_ACT_OPEN, UI_CTX_AGENDA, {ENTER}, "Enter", N_("run"),
     N_("run the case: phases, timer and forms")},
    {UI_ACT_ADD, UI_CTX_AGENDA, {'a', K(KEY_IC)}, "a", N_("new case"), N_("add a new case")},
    {UI_ACT_FOLLOWUP, UI_CTX_AGENDA, {'f'}, "f", N_("follow-up"),
     N_("add a follow-up of a case reviewed before (its last goals and actions are shown)")},
    {UI_ACT_EDIT, UI_CTX_AGENDA, {'e'}, "e", N_("details"),
     N_("edit the case code, initials, age band and presenter")},
    {UI_ACT_MOVE_UP, UI_CTX_AGENDA, {'[', K(KEY_SR)}, "[ ]", N_("order"),
     N_("move the case earlier / later in the agenda (also Shift-↑ Shift-↓)")},
    {UI_ACT_MOVE_DOWN, UI_CTX_AGENDA, {']', K(KEY_SF)}, "", NULL, ""},
    {UI_ACT_DELETE, UI_CTX_AGENDA, {'d', K(KEY_DC)}, "d", NULL,
     N_("remove the case from the meeting (asks first)")},

    /* ---- a policy meeting's agenda of issues ------------------------ */
    {UI_ACT_OPEN, UI_CTX_POLICY, {ENTER, 'e'}, "Enter", N_("decide"),
     N_("type what the meeting decided about the issue (it shows on every case linked to it)")},
    {UI_ACT_MOVE_UP, UI_CTX_POLICY, {'[', K(KEY_SR)}, "[ ]", N_("order"),
     N_("move the issue earlier / later on the agenda (also Shift-↑ Shift-↓)")},
    {UI_ACT_MOVE_DOWN, UI_CTX_POLICY, {']', K(KEY_SF)}, "", NULL, ""},
    {UI_ACT_DELETE, UI_CTX_POLICY, {'d', K(KEY_DC)}, "d", NULL,
     N_("take the issue off the agenda, with its decision (asks first)")},

    /* ---- the meeting's own records ---------------------------------- */
    {UI_ACT_OPEN, UI_CTX_SHEETS, {ENTER}, "Enter", N_("fill in"),
     N_("open the highlighted sheet of the meeting itself (process sheet, outcome sheet, "
        "minutes) on the form page")},

    /* ---- a page to read (overview, read-back) ----------------------- */
    {UI_ACT_OPEN, UI_CTX_READ, {ENTER}, "Enter", NULL,
     N_("on a meeting's overview: go to its cases")},

    /* ---- the side list of sections --------------------------------- */
    {UI_ACT_OPEN, UI_CTX_SIDE, {ENTER, K(KEY_RIGHT), '\t'}, "Enter", N_("open"),
     N_("go into the highlighted section (Enter on a meeting's overview goes to its cases)")},

    /* ---- a running case ------------------------------------------- */
    {UI_ACT_PHASE_NEXT, UI_CTX_CASE, {'n', UI_ALT('n')}, "n", N_("next phase"),
     N_("end this phase and start the next (its time is saved)")},
    {UI_ACT_PHASE_PREV, UI_CTX_CASE, {'p', UI_ALT('p')}, "p", NULL, N_("go back to the previous phase")},
    {UI_ACT_TIMER_PAUSE, UI_CTX_CASE, {'t', UI_ALT('t')}, "t", N_("pause"),
     N_("pause or restart the phase timer")},
    {UI_ACT_TIMER_PLUS, UI_CTX_CASE, {'+', UI_ALT('+')}, "+", N_("+1 min"),
     N_("give this phase one more minute")},
    {UI_ACT_TIMER_MINUS, UI_CTX_CASE, {'-', UI_ALT('-')}, "-", NULL, N_("take one minute from this phase")},
    {UI_ACT_GOTO, UI_CTX_CASE, {'g', UI_ALT('g')}, "g", N_("go to"),
     N_("jump to any section (the timer keeps running)")},
    {UI_ACT_READBACK, UI_CTX_CASE, {'w', UI_ALT('w')}, "w", N_("read-back"),
     N_("the wrap-up page: issues, goals, advice, actions to read aloud")},
    {UI_ACT_CLOSE_CASE, UI_CTX_CASE, {'c', UI_ALT('c')}, "c", N_("close"),
     N_("check what is missing and close the case")},
    {UI_ACT_HISTORY, UI_CTX_CASE | UI_CTX_AGENDA, {'h', UI_ALT('h')}, "h", N_("history"),
     N_("the person's earlier reviews: what changed since, actions agreed before (closable)")},

    /* ---- a person's case history ----------------------------------- */
    {UI_ACT_CLOSE_ACTION, UI_CTX_HISTORY, {'x'}, "x", N_("close action"),
     N_("close the highlighted action agreed before (done), or open it again")},
    {UI_ACT_EDIT, UI_CTX_HISTORY, {ENTER}, "Enter", N_("status"),
     N_("choose the highlighted action's status")},
    {UI_ACT_BACK, UI_CTX_HISTORY, {UI_ESC}, "Esc", N_("back"),
     N_("to the list of reviews; from there, back where you came from")},

    /* ---- regional issues and the register ------------------------- */
    {UI_ACT_OPEN, UI_CTX_REGISTER, {ENTER}, "Enter", N_("promote / open"),
     N_("a raised issue: put it in the register (or link its later cases); an issue of the "
        "register: open it to set its kind, owner and status")},
    {UI_ACT_LINK, UI_CTX_REGISTER, {'l'}, "l", N_("link"),
     N_("link the raised wording to an issue already in the register (in the tallies: count a "
        "wording under a similar one)")},
    {UI_ACT_AGENDA_PUT, UI_CTX_REGISTER, {'p'}, "p", NULL,
     N_("put the issue of the register on the next policy meeting's agenda")},
    {UI_ACT_CALENDAR, UI_CTX_REGISTER, {'c'}, "c", NULL,
     N_("count by 年度 (April to March) or by calendar year")},
    {UI_ACT_DELETE, UI_CTX_REGISTER, {'d', K(KEY_DC)}, "d", NULL,
     N_("take the issue out of the register (asks first; the cases keep what they raised)")},
    {UI_ACT_PERIOD_PREV, UI_CTX_REGISTER, {'['}, "[ ]", N_("year"),
     N_("the year before / after")},
    {UI_ACT_PERIOD_NEXT, UI_CTX_REGISTER, {']'}, "", NULL, ""},
    {UI_ACT_PERIOD_ALL, UI_CTX_REGISTER, {'*'}, "*", N_("all years"), N_("every year together")},
    {UI_ACT_BACK, UI_CTX_REGISTER | UI_CTX_ISSUE, {UI_ESC}, "Esc", N_("back"),
     N_("close the issue's page; from the lists, back home")},

    /* ---- sync conflicts ------------------------------------------- */
    {UI_ACT_KEEP_LOCAL, UI_CTX_CONFLICT, {'l'}, "l", N_("keep here"),
     N_("keep the value on this laptop (the other laptops take it after the next exchange)")},
    {UI_ACT_KEEP_INCOMING, UI_CTX_CONFLICT, {'i'}, "i", N_("take incoming"),
     N_("take the other laptop's value")},
    {UI_ACT_BACK, UI_CTX_CONFLICT, {UI_ESC}, "Esc", N_("back"), N_("back home")},

    /* ---- home ------------------------------------------------------ */
    {UI_ACT_OPEN, UI_CTX_HOME, {ENTER}, "Enter", N_("open"), N_("open the meeting")},
    {UI_ACT_NEW_MEETING, UI_CTX_HOME, {'n'}, "n", N_("new meeting"),
     N_("create a meeting from a meeting template")},
    {UI_ACT_SEARCH, UI_CTX_HOME, {'/'}, "/", N_("search"),
     N_("search earlier cases, and the text of every record and meeting")},
    {UI_ACT_REGISTER, UI_CTX_HOME, {'r'}, "r", N_("regional issues"),
     N_("the regional issues the cases raised, the register, and follow-up outcomes")},
    {UI_ACT_CONFLICTS, UI_CTX_HOME, {'c'}, "c", NULL,
     N_("the sync conflicts waiting for a decision, side by side (doc/sync.md)")},
    {UI_ACT_QUIT, UI_CTX_HOME, {'q'}, "q", N_("quit"),
     N_("leave kaigi (everything is already saved)")},

    /* ---- moving around ------------------------------------------- */
    {UI_ACT_UP, UI_CTX_NAV, {K(KEY_UP)}, "↑↓", NULL, N_("move")},
    {UI_ACT_DOWN, UI_CTX_NAV, {K(KEY_DOWN)}, "", NULL, ""},
    {UI_ACT_PGUP, UI_CTX_NAV, {K(KEY_PPAGE)}, "PgUp PgDn", NULL, N_("move a page")},
    {UI_ACT_PGDN, UI_CTX_NAV, {K(KEY_NPAGE)}, "", NULL, ""},
    {UI_ACT_HOME, UI_CTX_NAV, {K(KEY_HOME)}, "Home End", NULL, N_("first / last")},
    {UI_ACT_END, UI_CTX_NAV, {K(KEY_END)}, "", NULL, ""},
    {UI_ACT_NEXT, UI_CTX_NAV, {'\t'}, "Tab", NULL, N_("next")},
    {UI_ACT_PREV, UI_CTX_NAV, {K(KEY_BTAB)}, "S-Tab", NULL, N_("previous")},
    {UI_ACT_LEFT, UI_CTX_NAV, {K(KEY_LEFT)}, "←", NULL, N_("to the list on the left")},
    {UI_ACT_RIGHT, UI_CTX_NAV, {K(KEY_RIGHT)}, "→", NULL, N_("into the highlighted item")},
    {UI_ACT_SUMMARY, UI_CTX_MEETING, {'s', UI_ALT('s')}, "s", N_("summary"),
     N_("write the meeting's summary (anonymised PDF, else HTML) beside the database")},
    {UI_ACT_PRINT, UI_CTX_MEETING, {'P', UI_ALT('P')}, "P", NULL,
     N_("print the anonymised summary on the default printer (lp)")},
    {UI_ACT_PACKET, UI_CTX_MEETING, {'S', UI_ALT('S')}, "S", NULL,
     N_("write the case packet shared before the meeting (anonymised, collected back)")},
    {UI_ACT_BACK, UI_CTX_CASE | UI_CTX_MEETING | UI_CTX_READ, {UI_ESC}, "Esc", N_("back"),
     N_("back one level (from a case: to the meeting; from a meeting: home)")},

    /* ---- everywhere ------------------------------------------------ */
    {UI_ACT_HELP, UI_CTX_CMD, {'?', UI_ALT('?')}, "?", N_("help"), N_("this help")},
    {UI_ACT_HELP, UI_CTX_GLOBAL, {K(KEY_F(1))}, "F1", NULL, N_("this help, even while typing")},
    {UI_ACT_REDRAW, UI_CTX_GLOBAL, {UI_CTRL('l')}, "^L", NULL, N_("redraw the screen")},
};
/* clang-format on */

const size_t ui_nactions = sizeof ui_actions / sizeof ui_actions[0];

const struct ui_ctx_title ui_ctx_titles[] = {
    {UI_CTX_HOME, N_("Home")},
    {UI_CTX_SEARCH, N_("Case search")},
    {UI_CTX_SIDE, N_("Section list (left)")},
    {UI_CTX_PEOPLE, N_("Participants")},
    {UI_CTX_AGENDA, N_("Cases of the meeting")},
    {UI_CTX_POLICY, N_("Agenda of a policy meeting")},
    {UI_CTX_SHEETS, N_("The meeting's own records")},
    {UI_CTX_CASE, N_("Running a case")},
    {UI_CTX_HISTORY, N_("Case history")},
    {UI_CTX_REGISTER | UI_CTX_ISSUE, N_("Regional issues")},
    {UI_CTX_CONFLICT, N_("Sync conflicts")},
    {UI_CTX_FORM, N_("A field")},
    {UI_CTX_EDIT, N_("Typing in a field")},
    {UI_CTX_TEXTAREA, N_("Long-text editor")},
    {UI_CTX_SELECT, N_("List of choices")},
    {UI_CTX_GRID, N_("Grid (ADL/IADL)")},
    {UI_CTX_LIST, N_("Lists: issues, goals, advice, actions")},
    {UI_CTX_CONFIRM, N_("Questions")},
    {UI_CTX_NAV | UI_CTX_MEETING | UI_CTX_READ, N_("Moving around")},
    {UI_CTX_CMD | UI_CTX_GLOBAL, N_("Everywhere")},
    {UI_CTX_HELP, N_("This help")},
    {0, NULL},
};

#define NKEYS (sizeof ui_actions[0].keys / sizeof ui_actions[0].keys[0])

bool ui_key_printable(int code)
{
	return !UI_IS_KEYCODE(code) && !UI_IS_ALT(code) && code >= 0x20 && code != 0x7f;
}

bool ui_action_reachable(const struct ui_action *a, unsigned ctx)
{
	if (!(a->ctx & ctx))
		return false;
	if (!(ctx & UI_CTX_TYPEABLE) || !a->keys[0])
		return true;
	for (size_t k = 0; k < NKEYS && a->keys[k]; k++)
		if (!ui_key_printable(a->keys[k]))
			return true;
	return false;
}

const char *ui_action_keyname(const struct ui_action *a, unsigned ctx)
{
	static char buf[32];
	if (!(ctx & UI_CTX_TYPEABLE) || !ui_key_printable(a->keys[0]))
		return a->keyname;
	for (size_t k = 0; k < NKEYS && a->keys[k]; k++)
		if (UI_IS_ALT(a->keys[k])) {
			snprintf(buf, sizeof buf, "M-%s", a->keyname);
			return buf;
		}
	return a->keyname;
}

const char *ui_action_keynames(const struct ui_action *a)
{
	static char(*names)[32];
	if (!ui_key_printable(a->keys[0]))
		return a->keyname;
	for (size_t k = 0; k < NKEYS && a->keys[k]; k++)
		if (UI_IS_ALT(a->keys[k])) {
			if (!names)
				names = xcalloc(ui_nactions, sizeof *names);
			char *b = names[a - ui_actions];
			snprintf(b, sizeof names[0], "%s M-%s", a->keyname, a->keyname);
			return b;
		}
	return a->keyname;
}

enum ui_act ui_action_lookup(unsigned ctx, int code)
{
	if (code == 0)
		return UI_ACT_NONE;
	/* Where text is typed, a character is text. */
	if ((ctx & UI_CTX_TYPEABLE) && ui_key_printable(code))
		return UI_ACT_NONE;
	for (size_t i = 0; i < ui_nactions; i++) {
		const struct ui_action *a = &ui_actions[i];
		if (!(a->ctx & ctx))
			continue;
		for (size_t k = 0; k < NKEYS && a->keys[k]; k++)
			if (a->keys[k] == code)
				return a->act;
	}
	return UI_ACT_NONE;
}

void ui_key_unused(struct ui *ui, const struct ui_key *k)
{
	if (k->act == UI_ACT_CHAR && k->text[0])
		ui_msg(ui, UI_MSG_INFO, _("\"%s\" does nothing here (F1: the keys of this place)."),
		       k->text);
	else
		ui_msg(ui, UI_MSG_INFO, "%s",
		       _("That key does nothing here (F1: the keys of this place)."));
}

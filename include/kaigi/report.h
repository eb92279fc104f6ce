/* SPDX-License-Identifier: MIT */
/*
 * report.h — the printable summary of a meeting (会議録の要旨), what the room
 * takes home: plain text, Markdown, one self-contained HTML file, or an A4
 * PDF.
 *
 * Content, in this order: meeting kind, date, time, place, facilitator; the
 * town's vision (目指す姿); purpose, today's target, what was reached, what
 * is left; attendance by profession; then each case (case code, age band,
 * sex, care level, household, the person's wish, the ADL/IADL grids with
 * ↑/↓ marks, issues, goals, advice by profession, actions, the follow-up
 * date, regional issues); then the meeting's regional issues together.
 * doc/reports.md describes it for users.
 *
 * Privacy: unless options.names is set the summary is anonymised — fields a
 * form marks `sensitive` never appear, people are shown by case code,
 * initials and age band, participants by profession and organisation only,
 * and a footer asks for the handout back at the end of the meeting.  With
 * names, a header marks the document as holding personal information.
 * Anonymisation happens once, when the meeting is read; the renderers never
 * see what they must not print.
 *
 * Nothing here prints: the document is built in memory and handed back.
 */
#ifndef KAIGI_REPORT_H
#define KAIGI_REPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "kaigi/config.h"
#include "kaigi/error.h"
#include "kaigi/schema.h"
#include "kaigi/store.h"
#include "kaigi/strbuf.h"

enum report_format {
	REPORT_TEXT,     /* UTF-8 text, 80 display columns, ASCII-ruled tables */
	REPORT_MARKDOWN, /* CommonMark with GitHub-style tables */
	REPORT_HTML,     /* one file, inline CSS for A4 print, no external requests */
	REPORT_PDF,      /* A4, embedded Japanese font (needs the `pdf` build feature) */
};

/* "txt", "md", "html", "pdf"; also the usual file extension. */
const char *report_format_name(enum report_format f);
/* The format named name ("txt" or "text", "md" or "markdown", "html",
 * "pdf"), or -1. */
int report_format_from_name(const char *name);
/* False for REPORT_PDF when kaigi was built without cairo and pango. */
bool report_format_available(enum report_format f);

struct report_options {
	const char *lang;   /* labels: "ja" or "en"; NULL means "ja" */
	bool names;         /* personal information in (--names); default anonymised */
	const char *town;   /* the municipality, printed above the title, or NULL */
	const char *vision; /* the town's vision statement (目指す姿), or NULL: a meeting
			       prints the vision kept with it (meeting.h) before this one */
	size_t width;       /* text columns; 0 means 80 (at least 40 is used) */
	/* The town settings, or NULL: the professions' labels (config.h) and
	 * the region overview on the regional report's cover. */
	const struct kaigi_config *config;
	bool vision_override; /* vision replaces the one kept with the meeting (--vision) */
	/* The case packet instead of the summary (report_packet.c): for every
	 * case on the agenda its case sheet and ADL/IADL grids, anonymised
	 * whatever names says, marked to be collected back (資料回収). */
	bool packet;
	bool calendar; /* regional report: calendar years, not 年度 */
	/* A meeting's summary of one sheet only: the records of this form
	 * (the meeting's own, else its cases' — with no person), e.g. a
	 * planning meeting's outcome_sheet.  NULL: the whole summary. */
	const char *sheet;
};

/*
 * Find the meeting meant by what, as a user types it: its id (or a unique
 * prefix of at least 8 characters), a date YYYY-MM-DD with one meeting, or
 * "latest".  KAIGI_EDATA with a message listing the candidates when the
 * date has several meetings, or when nothing matches.
 */
enum kaigi_status report_meeting_find(struct store *st, const char *what, char id[STORE_ID_SIZE],
				      struct kaigi_error *err);

/*
 * Render the summary of meeting meeting_id in fmt, appending it to out (for
 * PDF, binary bytes: use out->len).  forms resolves labels; records whose
 * form is not installed are skipped.  KAIGI_EDATA for an unknown meeting;
 * KAIGI_EENV when PDF is not built in or cairo fails.  On failure out holds
 * what it held before.
 */
enum kaigi_status report_meeting_render(struct store *st, const struct schema_set *forms,
					const char *meeting_id, enum report_format fmt,
					const struct report_options *opt, struct strbuf *out,
					struct kaigi_error *err);

/* ---- the town's regional picture (report_regional*.c) ----------------- */

/*
 * The regional-issue report of a period and area (`kaigi report
 * regional`): meetings and cases counted; the regional issues raised in
 * cases, grouped by category and area and counted by cases and meetings;
 * the register of issues promoted for policy (kind, owner, status, cases,
 * meetings); and the share of follow-up reviews whose ADL/IADL grid
 * improved, stayed or worsened, by year and area.  It holds counts and
 * the issues' wording only, and the wordings (typed in cases) are scrubbed
 * of identifying details (kaigi/scrub.h).  opt->names is ignored.
 * Appends fmt to out (KAIGI_EENV for PDF without cairo); on failure out
 * holds what it held before.
 */
enum kaigi_status report_regional_render(struct store *st, const struct schema_set *forms,
					 const struct store_period *p, enum report_format fmt,
					 const struct report_options *opt, struct strbuf *out,
					 struct kaigi_error *err);
/* The same figures as one CSV table (a `table` column says which part a
 * row belongs to: raised, register, outcome), UTF-8 with a BOM and CRLF
 * like `kaigi export csv`. */
enum kaigi_status report_regional_csv(struct store *st, const struct schema_set *forms,
				      const struct store_period *p, const char *lang,
				      struct strbuf *out, struct kaigi_error *err);
/* The same, by calendar year when calendar, else by 年度. */
enum kaigi_status report_regional_csv_years(struct store *st, const struct schema_set *forms,
					    const struct store_period *p, const char *lang,
					    bool calendar, struct strbuf *out,
					    struct kaigi_error *err);

/*
 * Write len bytes of data to path whole or not at all: into a temporary
 * file beside it that is synced and renamed over path.  Mode 0600, since a
 * summary may hold personal information.  KAIGI_EENV on failure.
 */
enum kaigi_status report_save(const char *path, const void *data, size_t len,
			      struct kaigi_error *err);

/*
 * Whether a printer can be used: KAIGI_OK when `lp` is installed and CUPS
 * has a default destination; otherwise KAIGI_EENV with a message a user
 * can act on ("no printer is configured …", "lp is not installed …").
 */
enum kaigi_status report_printer_check(struct kaigi_error *err);

/*
 * Send the file at path to the default printer with `lp` (after
 * report_printer_check), waiting for lp to accept the job.  KAIGI_EENV with
 * lp's own message when it refuses.
 */
enum kaigi_status report_print_lp(const char *path, struct kaigi_error *err);

#endif

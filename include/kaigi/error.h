/* SPDX-License-Identifier: MIT */
/*
 * error.h — recoverable errors and diagnostics.
 *
 * Every function that can fail for a reason the user must hear returns an
 * enum kaigi_status and fills a struct kaigi_error.  Only main() prints
 * them.  The status doubles as the process exit code (design.md): 1 for bad
 * input or data, 2 for usage, 3 for the environment.  A file position is
 * kept where there is one so messages read `FILE:LINE:COL: error: …`.
 */
#ifndef KAIGI_ERROR_H
#define KAIGI_ERROR_H

#include <stdarg.h>
#include <stddef.h>

enum kaigi_status {
	KAIGI_OK = 0,
	KAIGI_EDATA = 1,  /* invalid input or data */
	KAIGI_EUSAGE = 2, /* wrong use of the command line */
	KAIGI_EENV = 3,   /* environment: locked, full disk, unreadable file */
};

struct kaigi_error {
	enum kaigi_status status;
	char file[1024]; /* empty when no file is involved */
	int line;        /* 1-based; 0 when unknown */
	int col;         /* 1-based; 0 when unknown */
	char msg[1024];
};

#if defined(__GNUC__)
#define KAIGI_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define KAIGI_PRINTF(a, b)
#endif

/* Fill err (when not NULL) and return status.  file may be NULL. */
enum kaigi_status kaigi_error_set(struct kaigi_error *err, enum kaigi_status status,
				  const char *file, int line, int col, const char *fmt, ...)
    KAIGI_PRINTF(6, 7);
enum kaigi_status kaigi_error_vset(struct kaigi_error *err, enum kaigi_status status,
				   const char *file, int line, int col, const char *fmt, va_list ap)
    KAIGI_PRINTF(6, 0);

/*
 * Messages in the user's language.  Core messages are English format
 * strings that are also gettext msgids (po/POTFILES lists the core files;
 * xgettext finds them as the format argument of kaigi_error_set,
 * kaigi_diags_add and store_fail, and in N_()).  The UI installs gettext
 * here, so every refusal it shows is in its language; the command line
 * installs nothing and stays English (its messages are a contract of
 * golden tests and scripts).  fn must return its argument when it has no
 * translation.  Not thread-safe: set it once at start.
 */
typedef const char *(*kaigi_translate_fn)(const char *msgid);
void kaigi_error_set_translator(kaigi_translate_fn fn);
/* msgid in the user's language (msgid itself without a translator). */
const char *kaigi_tr(const char *msgid);
/* Marks a string for xgettext without translating it here. */
#ifndef N_
#define N_(s) (s)
#endif

/* Reset err to "no error". */
void kaigi_error_clear(struct kaigi_error *err);

/*
 * Render err as one line without a newline: `FILE:LINE:COL: error: MSG`,
 * dropping the parts that are unknown.  Truncates safely to size.
 */
void kaigi_error_format(const struct kaigi_error *err, char *buf, size_t size);

/*
 * A growing list of diagnostics, for checks that report every problem in a
 * file rather than stopping at the first.  Owns its entries.
 */
struct kaigi_diags {
	struct kaigi_error *v;
	size_t n, cap;
};

void kaigi_diags_add(struct kaigi_diags *d, enum kaigi_status status, const char *file, int line,
		     int col, const char *fmt, ...) KAIGI_PRINTF(6, 7);
void kaigi_diags_add_error(struct kaigi_diags *d, const struct kaigi_error *err);
/* Sort by file, line, column (stable), so output reads top to bottom. */
void kaigi_diags_sort(struct kaigi_diags *d);
/* Highest status among entries; KAIGI_OK when empty. */
enum kaigi_status kaigi_diags_status(const struct kaigi_diags *d);
void kaigi_diags_free(struct kaigi_diags *d);

#endif

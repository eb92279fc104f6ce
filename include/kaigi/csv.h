/* SPDX-License-Identifier: MIT */
/*
 * csv.h — one CSV cell, safe to open in a spreadsheet.
 *
 * RFC 4180 quoting (a cell with a comma, quote, line break or an edge space
 * is quoted, quotes doubled); control characters shown as U+FFFD
 * (utf8_append_visible); and a text that a spreadsheet would run as a
 * formula — starting with =, +, -, @, a tab or a carriage return, and not a
 * plain number — gets a leading apostrophe ('=HYPERLINK(…) shows as text in
 * Excel and LibreOffice, which hide the apostrophe).  OWASP's advice for CSV
 * injection; doc/records.md says so to whoever reads the files by script.
 */
#ifndef KAIGI_CSV_H
#define KAIGI_CSV_H

#include "kaigi/strbuf.h"

/* Append the cell for v (NULL: an empty cell) to b, without a separator. */
void csv_cell_append(struct strbuf *b, const char *v);

#endif

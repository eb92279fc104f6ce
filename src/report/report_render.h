/* SPDX-License-Identifier: MIT */
/*
 * report_render.h — the renderers of the summary document (internal).
 * Each appends one format of doc to out; none can fail but PDF.
 */
#ifndef KAIGI_REPORT_RENDER_H
#define KAIGI_REPORT_RENDER_H

#include "kaigi/report.h"
#include "kaigi/strbuf.h"
#include "report_model.h"

/* Plain text, every line at most width display columns (width ≥ 40);
 * Markdown and HTML take no width (the viewer wraps). */
void report_text_render(const struct report_doc *doc, size_t width, struct strbuf *out);
void report_md_render(const struct report_doc *doc, size_t width, struct strbuf *out);
void report_html_render(const struct report_doc *doc, size_t width, struct strbuf *out);
/* A4 PDF through cairo and pango; KAIGI_EENV when not built in. */
enum kaigi_status report_pdf_render(const struct report_doc *doc, struct strbuf *out,
				    struct kaigi_error *err);

/* KAIGI_EENV with the message for a format this kaigi was built
 * without (report_format_available false). */
enum kaigi_status report_format_refuse(enum report_format fmt, struct kaigi_error *err);

/* Appends doc rendered in fmt (which must be available) to out, width
 * columns for text (0: 80); on failure out is as it was.  Text formats
 * show control characters rather than pass them to a terminal. */
enum kaigi_status report_doc_render(const struct report_doc *doc, enum report_format fmt,
				    size_t width, struct strbuf *out, struct kaigi_error *err);

#endif

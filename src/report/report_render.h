/* SPDX-License-Identifier: MIT */
/*
 * report_render.h — the renderers of the summary document (internal).
 * Each appends one format of doc to out; none can fail but PDF.
 */
#ifndef KAIGI_REPORT_RENDER_H
#define KAIGI_REPORT_RENDER_H

#include "kaigi/strbuf.h"
#include "report_model.h"

/* Plain text, every line at most width display columns (width ≥ 40). */
void report_text_render(const struct rm_doc *doc, size_t width, struct strbuf *out);
void report_md_render(const struct rm_doc *doc, struct strbuf *out);
void report_html_render(const struct rm_doc *doc, struct strbuf *out);
/* A4 PDF through cairo and pango; KAIGI_EENV when not built in. */
enum kaigi_status report_pdf_render(const struct rm_doc *doc, struct strbuf *out,
				    struct kaigi_error *err);

#endif

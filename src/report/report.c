// SPDX-License-Identifier: MIT
/* report.c — the report module's entry: formats, and rendering a meeting. */
#include "kaigi/report.h"

#include <string.h>

#include "kaigi/utf8.h"
#include "report_model.h"
#include "report_render.h"

/*
 * Every format a summary document is rendered in, indexed by enum
 * report_format: the name --format takes (also the file extension
 * written), another name accepted for it (--format or -o's extension),
 * and the renderer: a text renderer, whose output has its control
 * characters shown (never sent to a terminal), or the PDF one, which
 * alone can fail.
 */
static const struct report_renderer {
	const char *name;
	const char *alias;
	void (*render_text)(const struct report_doc *doc, size_t width, struct strbuf *out);
	enum kaigi_status (*render_binary)(const struct report_doc *doc, struct strbuf *out,
					   struct kaigi_error *err);
} report_renderers[] = {
    [REPORT_TEXT] = {"txt", "text", report_text_render, NULL},
    [REPORT_MARKDOWN] = {"md", "markdown", report_md_render, NULL},
    [REPORT_HTML] = {"html", "htm", report_html_render, NULL},
    [REPORT_PDF] = {"pdf", NULL, NULL, report_pdf_render},
};

#define NRENDERERS (sizeof report_renderers / sizeof report_renderers[0])

const char *report_format_name(enum report_format f)
{
	if ((unsigned)f >= NRENDERERS)
		return "";
	return report_renderers[f].name;
}

int report_format_from_name(const char *name)
{
	if (!name)
		return -1;
	for (size_t f = 0; f < NRENDERERS; f++)
		if (strcmp(name, report_renderers[f].name) == 0)
			return (int)f;
	for (size_t f = 0; f < NRENDERERS; f++)
		if (report_renderers[f].alias && strcmp(name, report_renderers[f].alias) == 0)
			return (int)f;
	return -1;
}

bool report_format_available(enum report_format f)
{
#ifdef KAIGI_HAVE_PDF
	return (unsigned)f <= REPORT_PDF;
#else
	return (unsigned)f < REPORT_PDF;
#endif
}

enum kaigi_status report_format_refuse(enum report_format fmt, struct kaigi_error *err)
{
	(void)fmt; /* only PDF can be missing */
	return kaigi_error_set(err, KAIGI_EENV, NULL, 0, 0,
			       "this kaigi was built without PDF support (cairo and "
			       "pango); use --format html and print it from a browser");
}

enum kaigi_status report_doc_render(const struct report_doc *doc, enum report_format fmt,
				    size_t width, struct strbuf *out, struct kaigi_error *err)
{
	const struct report_renderer *r = &report_renderers[fmt];
	size_t before = out->len;
	if (r->render_text) {
		r->render_text(doc, width ? width : 80, out);
		utf8_show_controls(out, before); /* no answer drives the terminal */
		return KAIGI_OK;
	}
	enum kaigi_status s = r->render_binary(doc, out, err);
	if (s != KAIGI_OK && out->s) {
		out->len = before;
		out->s[before] = '\0';
	}
	return s;
}

enum kaigi_status report_meeting_render(struct store *st, const struct schema_set *forms,
					const char *meeting_id, enum report_format fmt,
					const struct report_options *opt, struct strbuf *out,
					struct kaigi_error *err)
{
	if (!report_format_available(fmt))
		return report_format_refuse(fmt, err);
	struct report_doc doc;
	enum kaigi_status s = opt && opt->packet
				  ? report_packet_build(st, forms, meeting_id, opt, &doc, err)
				  : report_doc_build(st, forms, meeting_id, opt, &doc, err);
	if (s != KAIGI_OK)
		return s;
	s = report_doc_render(&doc, fmt, opt ? opt->width : 0, out, err);
	report_doc_free(&doc);
	return s;
}

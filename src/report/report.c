// SPDX-License-Identifier: MIT
/* report.c — the report module's entry: formats, and rendering a meeting. */
#include "kaigi/report.h"

#include <string.h>

#include "kaigi/utf8.h"
#include "report_model.h"
#include "report_render.h"

/* Text wraps at the width asked for; the others take no width. */
static enum kaigi_status render_text(const struct report_doc *doc, size_t width, struct strbuf *out,
				     struct kaigi_error *err)
{
	(void)err;
	report_text_render(doc, width, out);
	return KAIGI_OK;
}

static enum kaigi_status render_md(const struct report_doc *doc, size_t width, struct strbuf *out,
				   struct kaigi_error *err)
{
	(void)width;
	(void)err;
	report_md_render(doc, out);
	return KAIGI_OK;
}

static enum kaigi_status render_html(const struct report_doc *doc, size_t width, struct strbuf *out,
				     struct kaigi_error *err)
{
	(void)width;
	(void)err;
	report_html_render(doc, out);
	return KAIGI_OK;
}

static enum kaigi_status render_pdf(const struct report_doc *doc, size_t width, struct strbuf *out,
				    struct kaigi_error *err)
{
	(void)width;
	return report_pdf_render(doc, out, err);
}

/*
 * Every format a summary document is rendered in, indexed by enum
 * report_format: the name --format takes (also the file extension
 * written), another name accepted for it (--format or -o's extension),
 * whether the output is text (control characters shown, never sent to
 * the terminal) and the renderer.
 */
static const struct report_renderer {
	const char *name;
	const char *alias;
	bool text;
	enum kaigi_status (*render)(const struct report_doc *doc, size_t width, struct strbuf *out,
				    struct kaigi_error *err);
} report_renderers[] = {
    [REPORT_TEXT] = {"txt", "text", true, render_text},
    [REPORT_MARKDOWN] = {"md", "markdown", true, render_md},
    [REPORT_HTML] = {"html", "htm", true, render_html},
    [REPORT_PDF] = {"pdf", NULL, false, render_pdf},
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
	enum kaigi_status s = r->render(doc, width ? width : 80, out, err);
	if (s != KAIGI_OK && out->s) {
		out->len = before;
		out->s[before] = '\0';
	} else if (r->text) {
		utf8_show_controls(out, before); /* no answer drives the terminal */
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

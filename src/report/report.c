// SPDX-License-Identifier: MIT
/* report.c — the report module's entry: formats, and rendering a meeting. */
#include "kaigi/report.h"

#include <string.h>

#include "kaigi/utf8.h"
#include "report_model.h"
#include "report_render.h"

static const char *const format_names[] = {
    [REPORT_TEXT] = "txt",
    [REPORT_MARKDOWN] = "md",
    [REPORT_HTML] = "html",
    [REPORT_PDF] = "pdf",
};

const char *report_format_name(enum report_format f)
{
	if ((unsigned)f > REPORT_PDF)
		return "";
	return format_names[f];
}

int report_format_from_name(const char *name)
{
	if (!name)
		return -1;
	for (int f = REPORT_TEXT; f <= REPORT_PDF; f++)
		if (strcmp(name, format_names[f]) == 0)
			return f;
	if (strcmp(name, "text") == 0)
		return REPORT_TEXT;
	if (strcmp(name, "markdown") == 0)
		return REPORT_MARKDOWN;
	if (strcmp(name, "htm") == 0)
		return REPORT_HTML;
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

enum kaigi_status report_meeting_render(struct store *st, const struct schema_set *forms,
					const char *meeting_id, enum report_format fmt,
					const struct report_options *opt, struct strbuf *out,
					struct kaigi_error *err)
{
	if (!report_format_available(fmt))
		return kaigi_error_set(err, KAIGI_EENV, NULL, 0, 0,
				       "this kaigi was built without PDF support (cairo and "
				       "pango); use --format html and print it from a browser");
	struct rm_doc doc;
	enum kaigi_status s = opt && opt->packet
				  ? rm_build_packet(st, forms, meeting_id, opt, &doc, err)
				  : rm_build(st, forms, meeting_id, opt, &doc, err);
	if (s != KAIGI_OK)
		return s;
	size_t width = opt && opt->width ? opt->width : 80;
	size_t before = out->len;
	switch (fmt) {
	case REPORT_TEXT:
		report_text_render(&doc, width, out);
		break;
	case REPORT_MARKDOWN:
		report_md_render(&doc, out);
		break;
	case REPORT_HTML:
		report_html_render(&doc, out);
		break;
	case REPORT_PDF:
		s = report_pdf_render(&doc, out, err);
		break;
	}
	if (s != KAIGI_OK && out->s) {
		out->len = before;
		out->s[before] = '\0';
	} else if (fmt != REPORT_PDF) {
		utf8_show_controls(out, before); /* no answer drives the terminal */
	}
	rm_doc_free(&doc);
	return s;
}

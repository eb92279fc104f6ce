// SPDX-License-Identifier: MIT
/* report_pdf_none.c — built instead of report_pdf.c when cairo and pango
 * are missing (meson -Dpdf=disabled, or the libraries are not installed). */
#include "report_render.h"

enum kaigi_status report_pdf_render(const struct report_doc *doc, struct strbuf *out,
				    struct kaigi_error *err)
{
	(void)doc;
	(void)out;
	return kaigi_error_set(err, KAIGI_EENV, NULL, 0, 0,
			       "this kaigi was built without PDF support (cairo and pango)");
}

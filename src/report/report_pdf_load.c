// SPDX-License-Identifier: MIT
/*
 * report_pdf_load.c — the PDF renderer, loaded when a PDF is made.
 *
 * cairo and pango bring some thirty shared libraries; loading them at
 * every start made `kaigi --version` four times slower than dialog's and
 * the UI's first screen 1.7 times.  So report_pdf.c is built as
 * a module of its own, kaigi-pdf.so, and opened here with dlopen on the
 * first PDF.  It is looked for, in order: $KAIGI_PDF_MODULE, beside the
 * kaigi executable, where `meson install` puts it, and in the build tree.
 * A module of another kaigi version is refused.
 */
#include <dlfcn.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "report_render.h"

#define MODULE "kaigi-pdf.so"

typedef enum kaigi_status (*render_fn)(const struct report_doc *, struct strbuf *,
				       struct kaigi_error *);

/* dlopen path, or NULL with why (the last failure) in why. */
static void *open_at(const char *path, char *why, size_t len)
{
	if (!path || !*path)
		return NULL;
	void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
	if (!h && access(path, F_OK) == 0)
		snprintf(why, len, "%s", dlerror());
	return h;
}

static void *open_module(char *why, size_t len)
{
	void *h = open_at(getenv("KAIGI_PDF_MODULE"), why, len);
	char exe[PATH_MAX];
	ssize_t n = h ? -1 : readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		char *slash = strrchr(exe, '/');
		if (slash && (size_t)(slash - exe) + sizeof MODULE + 1 < sizeof exe) {
			strcpy(slash + 1, MODULE);
			h = open_at(exe, why, len);
		}
	}
	if (!h)
		h = open_at(KAIGI_PDF_MODULE_DIR "/" MODULE, why, len);
	if (!h)
		h = open_at(KAIGI_PDF_MODULE_BUILD, why, len);
	return h;
}

enum kaigi_status report_pdf_render(const struct report_doc *doc, struct strbuf *out,
				    struct kaigi_error *err)
{
	static render_fn render;
	if (!render) {
		char why[512] = "not found";
		void *h = open_module(why, sizeof why);
		const char *version = h ? dlsym(h, "kaigi_pdf_module_version") : NULL;
		if (h && (!version || strcmp(version, KAIGI_VERSION) != 0)) {
			snprintf(why, sizeof why, "it belongs to kaigi %s, this is %s",
				 version ? version : "(unknown)", KAIGI_VERSION);
			dlclose(h);
			h = NULL;
		}
		render = h ? (render_fn)(void (*)(void))dlsym(h, "kaigi_pdf_module_render") : NULL;
		if (!render)
			return kaigi_error_set(err, KAIGI_EENV, NULL, 0, 0,
					       "cannot make a PDF: the PDF module %s cannot be "
					       "loaded (%s)",
					       MODULE, why);
		/* Kept loaded: its fonts are cached for the next PDF. */
	}
	return render(doc, out, err);
}

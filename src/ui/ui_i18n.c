// SPDX-License-Identifier: MIT
/*
 * ui_i18n.c — the UI's own strings through gettext, in the language the
 * rest of kaigi uses for form labels (--lang, else LANG).
 *
 * Two things can go wrong on a real laptop, and both are handled here:
 * the user's locale (ja_JP.UTF-8) may not be generated, which would leave
 * the C locale — no UTF-8 for ncursesw, and gettext ignoring LANGUAGE — so
 * C.UTF-8 stands in; and the catalogues may not be installed yet (run from
 * the build tree), so the build's po/ folder is used.
 */
#include <langinfo.h>
#include <libintl.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "kaigi/ui.h"

static bool utf8_ctype(void)
{
	const char *cs = nl_langinfo(CODESET);
	return cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

static const char *locale_dir(void)
{
	const char *env = getenv("KAIGI_LOCALE_DIR");
	if (env && *env)
		return env;
	struct stat sb;
	if (stat(KAIGI_LOCALE_DIR "/ja/LC_MESSAGES/kaigi.mo", &sb) == 0)
		return KAIGI_LOCALE_DIR;
	return KAIGI_BUILD_LOCALE_DIR;
}

/* Core messages (refusals, store errors) are msgids too (error.h). */
static const char *core_translate(const char *msgid)
{
	return dgettext("kaigi", msgid);
}

bool ui_i18n_init(const char *lang)
{
	if (!utf8_ctype() && !setlocale(LC_CTYPE, "C.UTF-8"))
		setlocale(LC_CTYPE, "C.utf8");
	const char *msgs = setlocale(LC_MESSAGES, NULL);
	if (!msgs || strcmp(msgs, "C") == 0 || strcmp(msgs, "POSIX") == 0)
		setlocale(LC_MESSAGES, "C.UTF-8");
	/* The UI speaks the language the form labels are shown in. */
	setenv("LANGUAGE", lang && strcmp(lang, "ja") == 0 ? "ja" : "en", 1);
	bindtextdomain("kaigi", locale_dir());
	bind_textdomain_codeset("kaigi", "UTF-8");
	textdomain("kaigi");
	kaigi_error_set_translator(core_translate);
	return utf8_ctype();
}

// SPDX-License-Identifier: MIT
/*
 * cmd_meetings.c — `kaigi meetings [TEXT] [--all]`: the meetings in the
 * database, newest first, with what `kaigi report MEETING` accepts to name
 * each (its date, or the first 8 characters of its id).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "kaigi/strbuf.h"
#include "kaigi/utf8.h"

#define MEETINGS_DEFAULT 20

struct meetings_args {
	const char *text; /* TEXT, or NULL */
	bool all, ja;
};

static int meetings_list(struct cmd_store *cs, void *ctx)
{
	const struct meetings_args *a = ctx;
	bool all = a->all, ja = a->ja;
	struct kaigi_error err;
	struct store_meeting_list l;
	enum kaigi_status s =
	    store_meeting_list(cs->st, a->text, all ? 0 : MEETINGS_DEFAULT + 1, &l, &err);
	if (s != KAIGI_OK)
		return cmd_fail(&err);
	size_t shown = all || l.n <= MEETINGS_DEFAULT ? l.n : MEETINGS_DEFAULT;
	struct strbuf out = STRBUF_INIT;
	for (size_t i = 0; i < shown && s == KAIGI_OK; i++) {
		const struct store_meeting *m = &l.v[i];
		struct store_case_list cl;
		s = store_case_list(cs->st, m->id, &cl, &err);
		if (s != KAIGI_OK)
			break;
		const char *start = m->f[STORE_MEETING_START_TIME];
		const char *title = m->f[STORE_MEETING_TITLE];
		strbuf_appendf(&out, "%s  %-5s  %.8s  ", m->f[STORE_MEETING_DATE],
			       start ? start : "", m->id);
		if (ja)
			strbuf_appendf(&out, "%2zu事例  ", cl.n);
		else
			strbuf_appendf(&out, "%2zu case%s  ", cl.n, cl.n == 1 ? " " : "s");
		strbuf_appendf(&out, "%s\n", title && *title ? title : m->template_id);
		store_case_list_free(&cl);
	}
	if (s != KAIGI_OK) {
		cmd_print_error(&err);
	} else {
		utf8_show_controls(&out, 0);
		fputs(strbuf_str(&out), stdout);
		if (shown < l.n)
			fprintf(stderr,
				ja ? "（新しい%d件。すべては --all）\n"
				   : "(the newest %d; --all for every meeting)\n",
				MEETINGS_DEFAULT);
		if (l.n == 0)
			fprintf(stderr, ja ? "会議はまだありません\n" : "no meetings yet\n");
	}
	strbuf_free(&out);
	store_meeting_list_free(&l);
	return s;
}

int cmd_meetings_run(const struct cmd_opts *opts, int argc, char **argv)
{
	struct meetings_args a = {.ja = strcmp(opts->lang, "ja") == 0};
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--all") == 0)
			a.all = true;
		else if (argv[i][0] == '-' || a.text)
			return cmd_usage_error("meetings", "unexpected %s", argv[i]);
		else
			a.text = argv[i];
	}
	return cmd_store_run(opts, STORE_READ_ONLY, meetings_list, &a);
}

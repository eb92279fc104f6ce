// SPDX-License-Identifier: MIT
/*
 * cmd_search.c — `kaigi search TEXT... [--limit N] [--names]`: free text
 * across every case and meeting, newest first (store_text_search).
 *
 * Each hit is two lines: the meeting date, the case code and where the
 * text was found, then the text around the match.  Answers of fields a
 * form marks sensitive (names, addresses) are found but not shown unless
 * --names, as in the summary; without --names every other text is
 * scrubbed (kaigi/scrub.h) before its excerpt is cut, with what the
 * meeting's people are known by, so a name, birth date or phone number in
 * free text never shows.  With --names the output's first line says it
 * holds personal information.  Every word, of any length, is looked up
 * in the index (a bigram index: 服薬 is one lookup).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "kaigi/identity.h"
#include "kaigi/scrub.h"
#include "kaigi/search.h"
#include "kaigi/strbuf.h"
#include "kaigi/utf8.h"
#include "kaigi/xalloc.h"

#define SEARCH_LIMIT_DEFAULT 50
#define EXCERPT_COLS         72

static int usage(const char *what, const char *arg)
{
	return cmd_usage_error("search", "%s%s", what, arg ? arg : "");
}

int cmd_search_run(const struct cmd_opts *opts, int argc, char **argv)
{
	struct strbuf query = STRBUF_INIT;
	size_t limit = SEARCH_LIMIT_DEFAULT;
	bool names = false;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--names") == 0) {
			names = true;
		} else if (strcmp(argv[i], "--limit") == 0 || strcmp(argv[i], "-n") == 0) {
			char *end = NULL;
			long n = i + 1 < argc ? strtol(argv[i + 1], &end, 10) : -1;
			if (n < 0 || !end || *end) {
				strbuf_free(&query);
				return usage("--limit takes a number (0 for all), not ",
					     i + 1 < argc ? argv[i + 1] : "nothing");
			}
			limit = (size_t)n;
			i++;
		} else if (argv[i][0] == '-' && argv[i][1]) {
			strbuf_free(&query);
			return usage("unknown option ", argv[i]);
		} else {
			strbuf_appendf(&query, "%s%s", query.len ? " " : "", argv[i]);
		}
	}
	if (!query.len)
		return usage("what to search for?", NULL);
	struct cmd_store cs;
	int rc = cmd_store_open(&cs, opts, STORE_READ_ONLY);
	if (rc) {
		strbuf_free(&query);
		return rc;
	}
	bool ja = strcmp(opts->lang, "ja") == 0;
	struct store_text_hit_list hits;
	struct kaigi_error err;
	enum kaigi_status s =
	    store_text_search(cs.st, strbuf_str(&query), limit ? limit + 1 : 0, &hits, NULL, &err);
	if (s != KAIGI_OK) {
		strbuf_free(&query);
		cmd_store_close(&cs);
		return cmd_fail(&err);
	}
	size_t shown = limit && hits.n > limit ? limit : hits.n;
	struct strbuf out = STRBUF_INIT;
	if (names && shown)
		strbuf_append(&out,
			      ja ? "【個人情報を含みます（--names）。取り扱いに注意してください】\n"
				 : "[Contains personal information (--names): handle with "
				   "care]\n");
	struct scrub_ctx *scrub = NULL;
	char scrub_meeting[STORE_ID_SIZE] = "";
	for (size_t i = 0; i < shown; i++) {
		const struct store_text_hit *h = &hits.v[i];
		char *place = store_text_hit_place(cs.st, h, opts->lang);
		strbuf_appendf(&out, "%s  %s  %s\n", h->meeting_date,
			       h->person_code ? h->person_code : (ja ? "（会議）" : "(meeting)"),
			       place);
		free(place);
		if (h->sensitive && !names) {
			strbuf_appendf(&out, "    %s\n",
				       ja ? "（個人情報の項目：--names で表示）"
					  : "(a personal-information field: --names shows it)");
		} else {
			char *text = NULL;
			if (!names) {
				/* one context per meeting: hits come grouped by meeting */
				if (!scrub || strcmp(scrub_meeting, h->meeting_id) != 0) {
					scrub_ctx_free(scrub);
					scrub = NULL;
					snprintf(scrub_meeting, sizeof scrub_meeting, "%s",
						 h->meeting_id);
					if (store_scrub_ctx_meeting(cs.st, h->meeting_id, &scrub,
								    &err) != KAIGI_OK)
						scrub =
						    scrub_ctx_new(); /* the patterns still hide */
				}
				text = scrub_text(scrub, h->text);
			}
			char *ex =
			    utf8_excerpt(text ? text : h->text, strbuf_str(&query), EXCERPT_COLS);
			char *whole = text ? scrub_excerpt_mend(ex) : NULL;
			strbuf_appendf(&out, "    %s\n", whole ? whole : ex);
			free(whole);
			free(ex);
			free(text);
		}
	}
	utf8_show_controls(&out, 0);
	scrub_ctx_free(scrub);
	fputs(strbuf_str(&out), stdout);
	if (hits.n == 0)
		fprintf(stderr, ja ? "見つかりませんでした\n" : "nothing found\n");
	else if (shown < hits.n)
		fprintf(stderr,
			ja ? "（新しい%zu件。すべては --limit 0）\n"
			   : "(the newest %zu; --limit 0 for all)\n",
			shown);
	strbuf_free(&out);
	store_text_hit_list_free(&hits);
	strbuf_free(&query);
	cmd_store_close(&cs);
	return 0;
}

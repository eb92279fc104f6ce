// SPDX-License-Identifier: MIT
/*
 * cmd_report.c — `kaigi report MEETING [--format F] [-o FILE] [--names]
 * [--packet] [--print]`: the printable summary of a meeting, or with
 * --packet the case packet handed out before it (report_packet.c).
 * `kaigi report regional` is cmd_regional.c.
 *
 * The format comes from --format, else from the extension of -o, else
 * text.  The town and its vision come from the town settings (config.h),
 * the same the facilitator screen shows when the meeting opens; --vision
 * overrides the vision.  Without -o the summary goes to standard output, except a PDF to a
 * terminal.  A file is written whole or not at all (report_save).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "kaigi/config.h"
#include "kaigi/report.h"
#include "kaigi/xalloc.h"

struct report_args {
	const char *meeting;
	const char *format;
	const char *output;
	const char *vision;
	const char *sheet;
	bool names, print, packet;
	size_t width;
};

static int usage_error(const char *fmt, const char *arg)
{
	fprintf(stderr, "kaigi report: ");
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\nusage: kaigi report MEETING [--format txt|md|html|pdf] [-o FILE] "
			"[--names] [--packet] [--print] [--sheet FORM]\n");
	return KAIGI_EUSAGE;
}

static int parse(int argc, char **argv, struct report_args *a)
{
	memset(a, 0, sizeof *a);
	for (int i = 1; i < argc; i++) {
		const char *s = argv[i];
		const char **slot = NULL;
		if (strcmp(s, "--format") == 0 || strcmp(s, "-f") == 0)
			slot = &a->format;
		else if (strcmp(s, "-o") == 0 || strcmp(s, "--output") == 0)
			slot = &a->output;
		else if (strcmp(s, "--vision") == 0)
			slot = &a->vision;
		else if (strcmp(s, "--sheet") == 0)
			slot = &a->sheet;
		else if (strncmp(s, "--format=", 9) == 0)
			a->format = s + 9;
		else if (strcmp(s, "--names") == 0)
			a->names = true;
		else if (strcmp(s, "--print") == 0)
			a->print = true;
		else if (strcmp(s, "--packet") == 0)
			a->packet = true;
		else if (strcmp(s, "--width") == 0 && i + 1 < argc)
			a->width = (size_t)strtoul(argv[++i], NULL, 10);
		else if (s[0] == '-' && s[1])
			return usage_error("unknown option %s", s);
		else if (a->meeting)
			return usage_error("one meeting at a time (%s is extra)", s);
		else
			a->meeting = s;
		if (slot) {
			if (i + 1 >= argc)
				return usage_error("%s needs a value", s);
			*slot = argv[++i];
		}
	}
	if (!a->meeting)
		return usage_error("%s", "which meeting? give its id or date (kaigi report latest "
					 "for the newest)");
	return 0;
}

static int emit(const struct report_args *a, enum report_format fmt, const struct strbuf *doc)
{
	struct kaigi_error err;
	if (a->output && strcmp(a->output, "-") != 0) {
		if (report_save(a->output, doc->s ? doc->s : "", doc->len, &err) != KAIGI_OK) {
			return cmd_fail(&err);
		}
	} else if (!a->print || a->output) {
		if (fmt == REPORT_PDF && isatty(STDOUT_FILENO) && !a->output) {
			fprintf(stderr, "kaigi report: a PDF is not for the terminal; give -o "
					"FILE.pdf\n");
			return KAIGI_EUSAGE;
		}
		if (doc->len && fwrite(doc->s, 1, doc->len, stdout) != doc->len) {
			perror("kaigi report: standard output");
			return KAIGI_EENV;
		}
		if (fflush(stdout) != 0) {
			perror("kaigi report: standard output");
			return KAIGI_EENV;
		}
	}
	if (!a->print)
		return 0;
	/* Print the saved file, or a private temporary copy. */
	char *path = NULL;
	if (a->output && strcmp(a->output, "-") != 0) {
		path = xstrdup(a->output);
	} else {
		const char *tmp = getenv("TMPDIR");
		path = xasprintf("%s/kaigi-report-%ld.%s", tmp && *tmp ? tmp : "/tmp",
				 (long)getpid(), report_format_name(fmt));
		if (report_save(path, doc->s ? doc->s : "", doc->len, &err) != KAIGI_OK) {
			cmd_print_error(&err);
			free(path);
			return err.status;
		}
	}
	enum kaigi_status s = report_print_lp(path, &err);
	if (!a->output || strcmp(a->output, "-") == 0)
		unlink(path);
	free(path);
	if (s != KAIGI_OK) {
		cmd_print_error(&err);
		return s;
	}
	fprintf(stderr, "kaigi report: sent to the printer\n");
	return 0;
}

int cmd_report_run(const struct cmd_opts *opts, int argc, char **argv)
{
	struct report_args a;
	int rc = parse(argc, argv, &a);
	if (rc)
		return rc;
	if (a.packet && a.names) {
		fprintf(stderr, "kaigi report: the case packet is handed out before the meeting "
				"and is always anonymised: --names cannot be used with --packet\n");
		return KAIGI_EUSAGE;
	}
	int fmt = cmd_doc_format(a.format, a.output);
	if (fmt < 0)
		return usage_error("unknown format %s (txt, md, html or pdf)", a.format);
	if (!report_format_available((enum report_format)fmt)) {
		fprintf(stderr, "kaigi report: this kaigi was built without PDF support (cairo and "
				"pango); use --format html and print it from a browser\n");
		return KAIGI_EENV;
	}
	/* The town settings; a broken file is reported and the summary goes on
	 * without them (it must not stop a handout at the end of a meeting). */
	struct cmd_doc d;
	rc = cmd_doc_open(&d, opts,
			  "kaigi report: the settings file has errors; the summary is made "
			  "without the town's name and vision");
	if (rc)
		return rc;
	struct kaigi_error err;
	char id[STORE_ID_SIZE];
	struct strbuf doc = STRBUF_INIT;
	struct report_options ro = {
	    .lang = opts->lang,
	    .names = a.names,
	    .town = d.town,
	    .vision = a.vision ? a.vision : d.vision,
	    .width = a.width,
	    .config = &d.cfg,
	    .vision_override = a.vision != NULL,
	    .packet = a.packet,
	    .sheet = a.sheet,
	};
	enum kaigi_status s = report_meeting_find(d.cs.st, a.meeting, id, &err);
	if (s == KAIGI_OK)
		s = report_meeting_render(d.cs.st, &d.cs.forms, id, (enum report_format)fmt, &ro,
					  &doc, &err);
	if (s != KAIGI_OK) {
		cmd_print_error(&err);
		rc = s;
	} else {
		rc = emit(&a, (enum report_format)fmt, &doc);
	}
	strbuf_free(&doc);
	cmd_doc_close(&d);
	return rc;
}

/* `report`'s usage (main.c) covers both. */
const struct cmd_sub cmd_report_subs[] = {
    {"regional", NULL, cmd_report_regional_run},
    {0},
};

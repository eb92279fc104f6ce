// SPDX-License-Identifier: MIT
/*
 * cmd_regional.c — `kaigi report regional [--fy YEAR | --year YEAR |
 * --from DATE --to DATE] [--calendar] [--area AREA]
 * [--format txt|md|html|pdf|csv] [-o FILE]`: the town's
 * regional issues over a period (report_regional_render): a subcommand of
 * `kaigi report` in the table of commands (main.c).
 *
 * The format comes from --format, else the extension of -o, else text.
 * Without -o the report goes to standard output (a PDF only when that is
 * not a terminal); with -o the file is written whole or not at all.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "kaigi/config.h"
#include "kaigi/fiscal.h"
#include "kaigi/report.h"
#include "kaigi/xalloc.h"

#define REGIONAL_CSV 100 /* beside enum report_format */

struct regional_args {
	struct store_period p;
	const char *format, *output;
	size_t width;
	bool calendar; /* years are calendar years (--calendar, --year) */
	char from[11], to[11];
};

static int usage(const char *fmt, const char *arg)
{
	fprintf(stderr, "kaigi report regional: ");
	fprintf(stderr, fmt, arg ? arg : "");
	fprintf(stderr, "\nusage: kaigi report regional [--fy YEAR | --year YEAR | --from DATE "
			"--to DATE] [--calendar] [--area AREA] [--format txt|md|html|pdf|csv] "
			"[-o FILE]\n");
	return KAIGI_EUSAGE;
}

static bool date_ok(const char *s)
{
	int y, m, d;
	char tail;
	return s && strlen(s) == 10 && sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 &&
	       m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/* A year as typed: 2026, R8 / 令和8 (era years), H30. */
static int year_parse(const char *s)
{
	char *end = NULL;
	int base = 0;
	if (strncmp(s, "令和", 6) == 0 || s[0] == 'R' || s[0] == 'r') {
		base = 2018;
		s += s[0] == 'R' || s[0] == 'r' ? 1 : 6;
	} else if (strncmp(s, "平成", 6) == 0 || s[0] == 'H' || s[0] == 'h') {
		base = 1988;
		s += s[0] == 'H' || s[0] == 'h' ? 1 : 6;
	}
	long y = strtol(s, &end, 10);
	if (end == s || (*end && strcmp(end, "年度") != 0 && strcmp(end, "年") != 0) || y < 1)
		return 0;
	y += base;
	return y >= 1900 && y <= 9998 ? (int)y : 0;
}

static int parse(int argc, char **argv, struct regional_args *a)
{
	memset(a, 0, sizeof *a);
	int fy = 0, cy = 0;
	for (int i = 1; i < argc; i++) {
		const char *s = argv[i];
		const char **slot = NULL;
		if ((strcmp(s, "--fy") == 0 || strcmp(s, "--year") == 0) && i + 1 < argc) {
			int y = year_parse(argv[i + 1]);
			if (!y)
				return usage("a year is 2026 or R8, not %s", argv[i + 1]);
			*(s[2] == 'f' ? &fy : &cy) = y;
			i++;
			continue;
		}
		if (strcmp(s, "--calendar") == 0) {
			a->calendar = true;
			continue;
		}
		if (strcmp(s, "--from") == 0)
			slot = &a->p.from;
		else if (strcmp(s, "--to") == 0)
			slot = &a->p.to;
		else if (strcmp(s, "--area") == 0)
			slot = &a->p.area;
		else if (strcmp(s, "--format") == 0 || strcmp(s, "-f") == 0)
			slot = &a->format;
		else if (strcmp(s, "-o") == 0 || strcmp(s, "--output") == 0)
			slot = &a->output;
		else if (strcmp(s, "--width") == 0 && i + 1 < argc)
			a->width = (size_t)strtoul(argv[++i], NULL, 10);
		else
			return usage("unexpected %s", s);
		if (slot) {
			if (i + 1 >= argc)
				return usage("%s needs a value", s);
			*slot = argv[++i];
		}
	}
	if ((fy || cy) && (a->p.from || a->p.to || (fy && cy)))
		return usage("%s", "give one of --fy, --year or --from/--to");
	if (fy || cy) {
		a->calendar |= cy != 0;
		kaigi_year_range(fy ? fy : cy, cy != 0, a->from, a->to);
		a->p.from = a->from;
		a->p.to = a->to;
	}
	if (a->p.from && !date_ok(a->p.from))
		return usage("--from is a date YYYY-MM-DD, not %s", a->p.from);
	if (a->p.to && !date_ok(a->p.to))
		return usage("--to is a date YYYY-MM-DD, not %s", a->p.to);
	if (a->p.from && a->p.to && strcmp(a->p.from, a->p.to) > 0)
		return usage("--from %s is after --to", a->p.from);
	return 0;
}

/* CSV, or a document's format (cmd_doc_format). */
static int pick_format(const struct regional_args *a)
{
	const char *dot = !a->format && a->output ? strrchr(a->output, '.') : NULL;
	const char *name = a->format ? a->format : dot ? dot + 1 : NULL;
	if (name && strcmp(name, "csv") == 0)
		return REGIONAL_CSV;
	return cmd_doc_format(a->format, a->output);
}

int cmd_report_regional_run(const struct cmd_opts *opts, int argc, char **argv)
{
	struct regional_args a;
	int rc = parse(argc, argv, &a);
	if (rc)
		return rc;
	int fmt = pick_format(&a);
	if (fmt < 0)
		return usage("unknown format %s (txt, md, html, pdf or csv)", a.format);
	if (fmt != REGIONAL_CSV && !report_format_available((enum report_format)fmt)) {
		fprintf(stderr, "kaigi report regional: this kaigi was built without PDF support; "
				"use --format html and print it from a browser\n");
		return KAIGI_EENV;
	}
	if (fmt == REPORT_PDF && !a.output && isatty(STDOUT_FILENO)) {
		fprintf(stderr, "kaigi report regional: a PDF is not for the terminal; give -o "
				"FILE.pdf\n");
		return KAIGI_EUSAGE;
	}
	/* The town's name and vision; a broken settings file only loses them. */
	struct cmd_doc d;
	rc = cmd_doc_open(&d, opts, NULL);
	if (rc)
		return rc;
	struct report_options ro = {
	    .lang = opts->lang,
	    .town = d.town,
	    .vision = d.vision,
	    .width = a.width,
	    .config = &d.cfg,
	    .calendar = a.calendar,
	};
	struct strbuf doc = STRBUF_INIT;
	struct kaigi_error err;
	enum kaigi_status s =
	    fmt == REGIONAL_CSV ? report_regional_csv_years(d.cs.st, &d.cs.forms, &a.p, opts->lang,
							    a.calendar, &doc, &err)
				: report_regional_render(d.cs.st, &d.cs.forms, &a.p,
							 (enum report_format)fmt, &ro, &doc, &err);
	if (s == KAIGI_OK && a.output && strcmp(a.output, "-") != 0)
		s = report_save(a.output, doc.s ? doc.s : "", doc.len, &err);
	else if (s == KAIGI_OK && doc.len && fwrite(doc.s, 1, doc.len, stdout) != doc.len)
		s = kaigi_error_set(&err, KAIGI_EENV, NULL, 0, 0, "cannot write standard output");
	if (s != KAIGI_OK) {
		cmd_print_error(&err);
		rc = s;
	}
	strbuf_free(&doc);
	cmd_doc_close(&d);
	return rc;
}

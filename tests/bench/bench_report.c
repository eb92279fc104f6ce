// SPDX-License-Identifier: MIT
/*
 * bench_report.c — the report's side of tests/bench/report_bench.
 *
 *   bench_report DB FORMS_DIR MEETING N OUTDIR
 *
 * Opens the database read-only with the installed forms plus FORMS_DIR,
 * then renders MEETING (an id, a date or "latest") N times in each format
 * into memory, as the UI does when the facilitator asks for a preview or a
 * file: the store stays open, nothing is written during the timed part.
 * Prints one line per format:
 *
 *   FORMAT first_ms median_ms p95_ms bytes [pages]
 *
 * and writes the last rendering of each to OUTDIR/summary.FORMAT, which
 * the script hands to the peer (Chromium prints summary.html).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench_util.h"
#include "kaigi/report.h"

/* Pages of a PDF in memory: count "/Type /Page" objects (not /Pages). */
static int pdf_pages(const struct strbuf *b)
{
	int n = 0;
	const char *p = b->s, *end = b->s + b->len;
	while (p && p < end) {
		p = memchr(p, '/', (size_t)(end - p));
		if (!p)
			break;
		if ((size_t)(end - p) > 11 && memcmp(p, "/Type /Page", 11) == 0 && p[11] != 's')
			n++;
		p++;
	}
	return n;
}

int main(int argc, char **argv)
{
	if (argc != 6) {
		fprintf(stderr, "usage: bench_report DB FORMS_DIR MEETING N OUTDIR\n");
		return 2;
	}
	const char *db = argv[1], *forms_dir = argv[2], *what = argv[3], *outdir = argv[5];
	int n = atoi(argv[4]);
	if (n < 1)
		n = 1;
	struct kaigi_error err;
	struct schema_set forms;
	const char *root = getenv("KAIGI_SOURCE_ROOT");
	char shipped[4096];
	snprintf(shipped, sizeof shipped, "%s/forms", root ? root : ".");
	if (bench_forms_load(&forms, shipped, forms_dir) != 0)
		return 3;
	struct store *st = bench_store_open("bench_report", db, STORE_READ_ONLY, &forms);
	if (!st)
		return 3;
	char id[STORE_ID_SIZE];
	if (report_meeting_find(st, what, id, &err) != KAIGI_OK) {
		fprintf(stderr, "bench_report: %s\n", err.msg);
		return 1;
	}
	double *t = calloc((size_t)n, sizeof *t);
	for (int f = REPORT_TEXT; f <= REPORT_PDF; f++) {
		if (!report_format_available((enum report_format)f))
			continue;
		struct report_options o = {.lang = "ja"};
		struct strbuf out = STRBUF_INIT;
		double first = 0;
		for (int i = 0; i < n; i++) {
			strbuf_reset(&out);
			double t0 = bench_now_ms();
			if (report_meeting_render(st, &forms, id, (enum report_format)f, &o, &out,
						  &err) != KAIGI_OK) {
				fprintf(stderr, "bench_report: %s\n", err.msg);
				return 1;
			}
			t[i] = bench_now_ms() - t0;
			if (i == 0)
				first = t[i];
		}
		bench_sort(t, (size_t)n);
		const char *name = report_format_name((enum report_format)f);
		printf("%s %.3f %.3f %.3f %zu", name, first, t[n / 2], t[(n * 95) / 100], out.len);
		if (f == REPORT_PDF)
			printf(" %d", pdf_pages(&out));
		printf("\n");
		char path[4096];
		snprintf(path, sizeof path, "%s/summary.%s", outdir, name);
		if (report_save(path, out.s, out.len, &err) != KAIGI_OK) {
			fprintf(stderr, "bench_report: %s\n", err.msg);
			return 3;
		}
		strbuf_free(&out);
	}
	free(t);
	store_close(st);
	schema_set_free(&forms);
	return 0;
}

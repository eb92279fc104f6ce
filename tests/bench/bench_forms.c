// SPDX-License-Identifier: MIT
/*
 * bench_forms.c — how long loading every shipped form takes.
 *
 * Reports the median and 95th percentile of a full load (new set, every file
 * in the forms folder, cross-file checks, free) and, as the reference done in
 * the same run, libyaml alone parsing the same files into documents: the
 * ratio is what kaigi's checking and expression compiling add.
 *
 *   bench_forms [FORMS_DIR] [RUNS]
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <yaml.h>

#include "bench_util.h"
#include "kaigi/schema.h"

static double load_kaigi(const char *dir, size_t *nforms)
{
	double t0 = bench_now_ms();
	struct schema_set set;
	struct kaigi_error err;
	struct kaigi_diags d = {0};
	if (schema_set_init(&set, &err) != KAIGI_OK)
		exit(3);
	schema_load_dir(&set, dir, &d);
	schema_set_check(&set, &d);
	*nforms = set.nforms + set.nmeetings;
	if (d.n) {
		fprintf(stderr, "bench_forms: %zu problems in %s\n", d.n, dir);
		exit(1);
	}
	schema_set_free(&set);
	kaigi_diags_free(&d);
	return bench_now_ms() - t0;
}

static double load_libyaml(const char *dir)
{
	double t0 = bench_now_ms();
	DIR *d = opendir(dir);
	struct dirent *e;
	while (d && (e = readdir(d)) != NULL) {
		size_t n = strlen(e->d_name);
		if (n < 6 || strcmp(e->d_name + n - 5, ".yaml") != 0)
			continue;
		char path[4096];
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		FILE *f = fopen(path, "rb");
		if (f == NULL)
			continue;
		yaml_parser_t p;
		yaml_document_t doc;
		yaml_parser_initialize(&p);
		yaml_parser_set_input_file(&p, f);
		if (yaml_parser_load(&p, &doc))
			yaml_document_delete(&doc);
		yaml_parser_delete(&p);
		fclose(f);
	}
	if (d)
		closedir(d);
	return bench_now_ms() - t0;
}

int main(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : "forms";
	int runs = argc > 2 ? atoi(argv[2]) : 200;
	if (runs < 5)
		runs = 5;
	double *k = calloc((size_t)runs, sizeof *k), *y = calloc((size_t)runs, sizeof *y);
	size_t nforms = 0;
	load_kaigi(dir, &nforms); /* warm the page cache */
	for (int i = 0; i < runs; i++) {
		k[i] = load_kaigi(dir, &nforms);
		y[i] = load_libyaml(dir);
	}
	bench_sort(k, (size_t)runs);
	bench_sort(y, (size_t)runs);
	double km = k[runs / 2], ym = y[runs / 2];
	printf("forms load: %zu files from %s, %d runs\n", nforms, dir, runs);
	printf("  kaigi (load + check + free)  median %.3f ms  p95 %.3f ms\n", km,
	       k[runs * 95 / 100]);
	printf("  libyaml parse only           median %.3f ms  p95 %.3f ms\n", ym,
	       y[runs * 95 / 100]);
	printf("  ratio kaigi / libyaml        %.2f\n", ym > 0 ? km / ym : 0.0);
	free(k);
	free(y);
	return 0;
}

// SPDX-License-Identifier: MIT
/* ui_stats.c — per-key timings for the benchmark (see ui_stats.h). */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "kaigi/xalloc.h"
#include "ui_stats.h"

#define STATS_MAX 100000

static const char *path;
static long long *samples; /* µs per key */
static size_t nsamples;
static long long start_us, first_us;

static long long now_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

void ui_stats_init(void)
{
	path = getenv("KAIGI_UI_STATS");
	if (!path || !*path) {
		path = NULL;
		return;
	}
	samples = xcalloc(STATS_MAX, sizeof *samples);
	nsamples = 0;
	start_us = now_us();
	first_us = 0;
}

long long ui_stats_now(void)
{
	return path ? now_us() : 0;
}

void ui_stats_key(long long t0)
{
	if (!path || nsamples == STATS_MAX)
		return;
	samples[nsamples++] = now_us() - t0;
}

void ui_stats_first_screen(void)
{
	if (path)
		first_us = now_us();
}

static int cmp_ll(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;
	return (x > y) - (x < y);
}

void ui_stats_report(void)
{
	if (!path)
		return;
	FILE *f = fopen(path, "w");
	if (f) {
		qsort(samples, nsamples, sizeof *samples, cmp_ll);
		long long sum = 0;
		for (size_t i = 0; i < nsamples; i++)
			sum += samples[i];
		/* CPU time of the whole process up to now, to set beside the
		 * wall time the benchmark measures from outside. */
		struct timespec cpu;
		clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu);
		fprintf(f, "keys %zu\n", nsamples);
		if (nsamples) {
			fprintf(f, "key_mean_us %lld\n", sum / (long long)nsamples);
			fprintf(f, "key_p50_us %lld\n", samples[nsamples / 2]);
			fprintf(f, "key_p95_us %lld\n", samples[nsamples * 95 / 100]);
			fprintf(f, "key_max_us %lld\n", samples[nsamples - 1]);
		}
		fprintf(f, "ui_start_to_first_screen_us %lld\n", first_us - start_us);
		fprintf(f, "process_cpu_at_exit_us %lld\n",
			(long long)cpu.tv_sec * 1000000 + cpu.tv_nsec / 1000);
		fclose(f);
	}
	free(samples);
	samples = NULL;
	path = NULL;
}

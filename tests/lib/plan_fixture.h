/* SPDX-License-Identifier: MIT */
/*
 * plan_fixture.h — a case plan with long lists, imported into a store: n
 * issues (課題1 … 課題n) and n goals (目標1 … 目標n), goal i (from 0)
 * addressing issue n-i.  test_ui_record checks what its page shows and
 * bench_pages times it; no cmocka, so the benchmarks link it too.
 */
#ifndef KAIGI_TEST_PLAN_FIXTURE_H
#define KAIGI_TEST_PLAN_FIXTURE_H

#include "kaigi/store.h"

/* Import one meeting (independence_support, 2025-05-01) whose one case,
 * the person code person, holds that case_plan (st needs the shipped
 * forms); its record id goes to record.  Diagnostics of a refused import
 * go to stderr as FILE:LINE:COL: MSG. */
enum kaigi_status plan_fixture_import(struct store *st, const char *person, int n,
				      char record[STORE_ID_SIZE], struct kaigi_error *err);

#endif

// SPDX-License-Identifier: MIT
/*
 * bench_followup.c — the regional picture and search on the reference data
 * set, timed, with the very SQL kaigi ran written out for the sqlite3 shell
 * (tests/bench/followup_bench runs it there as the reference).
 *
 *   bench_followup DB FORMS_DIR OUT_DIR [RUNS]
 *
 * For each operation it prints one line "NAME MEDIAN_MS MIN_MS ROWS CPU_MS"
 * over RUNS runs (default 7) after one warm-up (CPU_MS: the median of the
 * process's CPU time, which a loaded machine does not inflate as it does
 * the wall clock), and writes OUT_DIR/NAME.sql: every
 * top-level statement the operation stepped, with its bound values
 * expanded (sqlite3_expanded_sql), so the shell runs exactly the same
 * queries.  The operations:
 *
 *   rollup_raised    regional issues raised in cases, all ten years
 *   rollup_register  the register with cases and meetings, all years
 *   rollup_outcomes  follow-up reviews improved / same / worse by year, area
 *   rollup_all       the three, as `kaigi report regional` reads them
 *   search_phrase    a Japanese phrase (bigram index)
 *   search_words     two words, one of two characters
 *   search_short     a two-character word (服薬)
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../../src/store/store_internal.h"
#include "kaigi/followup.h"
#include "kaigi/register.h"
#include "kaigi/search.h"
#include "bench_util.h"
#include "kaigi/store.h"

enum op { RAISED, REGISTER, OUTCOMES, ALL, PHRASE, WORDS, SHORT, NOPS };
static const char *const op_name[NOPS] = {"rollup_raised", "rollup_register", "rollup_outcomes",
					  "rollup_all",    "search_phrase",   "search_words",
					  "search_short"};

static size_t run_op(struct store *st, int which, struct kaigi_error *err, int *ok)
{
	enum op op = (enum op)which;
	size_t n = 0;
	*ok = 1;
	struct store_raised_list r;
	struct store_issue_list i;
	struct store_outcome_list o;
	struct store_text_hit_list h;
	switch (op) {
	case RAISED:
	case REGISTER:
	case OUTCOMES:
	case ALL:
		if (op == RAISED || op == ALL) {
			*ok &= store_raised_rollup(st, NULL, &r, err) == KAIGI_OK;
			n += r.n;
			store_raised_list_free(&r);
		}
		if (op == REGISTER || op == ALL) {
			*ok &= store_register_rollup(st, NULL, &i, err) == KAIGI_OK;
			n += i.n;
			store_issue_list_free(&i);
		}
		if (op == OUTCOMES || op == ALL) {
			*ok &= store_outcome_rollup(st, NULL, &o, err) == KAIGI_OK;
			n += o.n;
			store_outcome_list_free(&o);
		}
		break;
	default: {
		const char *q = op == PHRASE  ? "神社までの散歩"
				: op == WORDS ? "またぎ動作 浴槽"
					      : "服薬";
		*ok = store_text_search(st, q, 50, &h, NULL, err) == KAIGI_OK;
		n = h.n;
		store_text_hit_list_free(&h);
		break;
	}
	}
	return n;
}

int main(int argc, char **argv)
{
	return bench_store_main("bench_followup", argc, argv, op_name, NOPS, run_op);
}

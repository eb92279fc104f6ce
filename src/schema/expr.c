// SPDX-License-Identifier: MIT
/*
 * expr.c — the sandboxed SQLite evaluator for form expressions.
 *
 * Why SQLite: towns write expressions in form files, and SQLite already has
 * a well-tested expression language with dates, string and maths functions.
 * Writing our own parser would only add bugs.  The price is that SQLite can
 * do far more than evaluate an expression, so the connection is locked down:
 *
 *  - an authorizer allows exactly one SELECT (ours) and function calls; any
 *    table or column read, second SELECT (a subquery, EXISTS, IN (SELECT…),
 *    a CTE), pragma, attach, or transaction is denied while compiling;
 *  - load_extension is disabled on the connection and denied by name;
 *  - strings and blobs are capped at 1 MB and expression depth at 100, so
 *    zeroblob(1e9) or deep nesting fail rather than eat the laptop;
 *  - a progress handler interrupts evaluation after a step budget;
 *  - printf()/format() refuse widths and precisions over EXPR_MAX_WIDTH, since
 *    SQLite pads inside one step, where the progress handler never runs.
 */
#include "kaigi/expr.h"

#include <sqlite3.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kaigi/period.h"
#include "kaigi/xalloc.h"

#define EXPR_PREFIX         "SELECT ("
#define EXPR_PREFIX_LEN     8
#define EXPR_DEFAULT_BUDGET 100000u
#define EXPR_MAX_ARGS       32
#define EXPR_MAX_LENGTH     1000000
/* printf('%.*c', 2147483647, 'x') loops in one SQLite step for 20 s on
 * 3.40 even past SQLITE_LIMIT_LENGTH, where no progress handler fires:
 * widths and precisions are refused above this before printf runs. */
#define EXPR_MAX_WIDTH 100000

struct expr {
	struct expr_engine *eng;
	struct expr *prev, *next; /* the engine's list, so close can free all */
	sqlite3_stmt *stmt;
	char *src;
	char **params; /* names without ':' */
	size_t nparams;
};

struct expr_engine {
	sqlite3 *db;
	struct expr *all;
	sqlite3 *fmt; /* the real printf(), reached through fn_printf */
	sqlite3_stmt *fmt_stmt[EXPR_MAX_ARGS + 1]; /* SELECT printf(?1, …, ?n) by n */
	unsigned budget;                           /* progress callbacks allowed per evaluation */
	unsigned ticks;                            /* callbacks so far in this evaluation */
	int selects;      /* SQLITE_SELECT authorisations in this compile */
	char denied[160]; /* why the authorizer said no, for the message */
};

enum { PROGRESS_EVERY = 100 };

static int expr_authorize(void *ctx, int action, const char *a, const char *b, const char *db,
			  const char *trigger)
{
	struct expr_engine *eng = ctx;
	(void)b;
	(void)db;
	(void)trigger;
	switch (action) {
	case SQLITE_SELECT:
		if (++eng->selects == 1)
			return SQLITE_OK;
		snprintf(eng->denied, sizeof eng->denied,
			 "subqueries (SELECT, EXISTS, IN (SELECT …), WITH) are not allowed in "
			 "expressions");
		return SQLITE_DENY;
	case SQLITE_FUNCTION: /* the name comes as the second argument */
		if (b && (sqlite3_stricmp(b, "load_extension") == 0 ||
			  sqlite3_stricmp(b, "fts3_tokenizer") == 0 ||
			  sqlite3_stricmp(b, "sqlite_offset") == 0)) {
			snprintf(eng->denied, sizeof eng->denied,
				 "function %s() is not allowed in expressions", b);
			return SQLITE_DENY;
		}
		return SQLITE_OK;
	case SQLITE_READ:
		snprintf(eng->denied, sizeof eng->denied,
			 "expressions cannot read tables (%s.%s); use :field names", a ? a : "?",
			 b ? b : "?");
		return SQLITE_DENY;
	case SQLITE_PRAGMA:
		snprintf(eng->denied, sizeof eng->denied, "pragmas are not allowed in expressions");
		return SQLITE_DENY;
	case SQLITE_ATTACH:
	case SQLITE_DETACH:
		snprintf(eng->denied, sizeof eng->denied,
			 "ATTACH/DETACH is not allowed in expressions");
		return SQLITE_DENY;
	case SQLITE_RECURSIVE:
		snprintf(eng->denied, sizeof eng->denied,
			 "recursive queries are not allowed in expressions");
		return SQLITE_DENY;
	default:
		/*
		 * Reached by table-valued functions (json_each, pragma_*), whose
		 * first use asks to change the schema, and by statements that
		 * should not compile at all.  The action code means nothing to
		 * the person who wrote the form.
		 */
		snprintf(eng->denied, sizeof eng->denied,
			 "only a pure expression is allowed here (no tables, table functions such "
			 "as json_each(), or statements)");
		return SQLITE_DENY;
	}
}

static int expr_progress(void *ctx)
{
	struct expr_engine *eng = ctx;
	return ++eng->ticks > eng->budget;
}

/* True when word (space-separated) is one of list's values. */
static int list_has(const char *list, const char *word, size_t wlen)
{
	const char *p = list;
	while (*p) {
		while (*p == ' ')
			p++;
		const char *s = p;
		while (*p && *p != ' ')
			p++;
		if ((size_t)(p - s) == wlen && wlen > 0 && memcmp(s, word, wlen) == 0)
			return 1;
	}
	return 0;
}

static void fn_selected(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const char *list = (const char *)sqlite3_value_text(argv[0]);
	const char *word = (const char *)sqlite3_value_text(argv[1]);
	if (list == NULL || word == NULL) {
		sqlite3_result_int(ctx, 0);
		return;
	}
	sqlite3_result_int(ctx, list_has(list, word, strlen(word)));
}

static void fn_count_selected(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const char *p = (const char *)sqlite3_value_text(argv[0]);
	int n = 0;
	while (p && *p) {
		while (*p == ' ')
			p++;
		if (*p)
			n++;
		while (*p && *p != ' ')
			p++;
	}
	sqlite3_result_int(ctx, n);
}

/* Width or precision at *p: digits, or '*' taking the next argument. */
static long long printf_number(const char **p, int argc, sqlite3_value **argv, int *arg)
{
	if (**p == '*') {
		(*p)++;
		return *arg < argc ? sqlite3_value_int64(argv[(*arg)++]) : 0;
	}
	long long n = 0;
	while (**p >= '0' && **p <= '9') {
		if (n <= EXPR_MAX_WIDTH)
			n = n * 10 + (**p - '0');
		(*p)++;
	}
	return n;
}

/* True when every width and precision of the format argv[0] is in bounds. */
static bool printf_bounded(int argc, sqlite3_value **argv)
{
	const char *p = argc > 0 ? (const char *)sqlite3_value_text(argv[0]) : NULL;
	int arg = 1;
	while (p && (p = strchr(p, '%')) != NULL) {
		p++;
		if (*p == '%') {
			p++;
			continue;
		}
		while (*p && strchr("-+ #0,!", *p))
			p++;
		long long w = printf_number(&p, argc, argv, &arg);
		long long prec = 0;
		if (*p == '.') {
			p++;
			prec = printf_number(&p, argc, argv, &arg);
		}
		if (w > EXPR_MAX_WIDTH || w < -EXPR_MAX_WIDTH || prec > EXPR_MAX_WIDTH ||
		    prec < -EXPR_MAX_WIDTH)
			return false;
		while (*p == 'l')
			p++;
		if (*p && *p != 'n')
			arg++;
		if (*p)
			p++;
	}
	return true;
}

/* printf() and format(): the bounds above, then SQLite's own on a second
 * connection with the same length limit. */
static void fn_printf(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct expr_engine *eng = sqlite3_user_data(ctx);
	if (!printf_bounded(argc, argv)) {
		sqlite3_result_error(
		    ctx, "printf(): a width or precision over 100000 is not allowed", -1);
		return;
	}
	if (argc < 1 || argc > EXPR_MAX_ARGS) {
		sqlite3_result_null(ctx);
		return;
	}
	sqlite3_stmt **q = &eng->fmt_stmt[argc];
	if (*q == NULL) {
		char sql[8 + 16 + 5 * EXPR_MAX_ARGS];
		int n = snprintf(sql, sizeof sql, "SELECT printf(?1");
		for (int i = 2; i <= argc; i++)
			n += snprintf(sql + n, sizeof sql - (size_t)n, ",?%d", i);
		snprintf(sql + n, sizeof sql - (size_t)n, ")");
		if (sqlite3_prepare_v3(eng->fmt, sql, -1, SQLITE_PREPARE_PERSISTENT, q, NULL) !=
		    SQLITE_OK) {
			sqlite3_result_error(ctx, sqlite3_errmsg(eng->fmt), -1);
			return;
		}
	}
	for (int i = 0; i < argc; i++)
		sqlite3_bind_value(*q, i + 1, argv[i]);
	if (sqlite3_step(*q) == SQLITE_ROW)
		sqlite3_result_value(ctx, sqlite3_column_value(*q, 0));
	else
		sqlite3_result_error(ctx, sqlite3_errmsg(eng->fmt), -1);
	sqlite3_reset(*q);
	sqlite3_clear_bindings(*q);
}

/* period_months(p): the months a stored period spans (2026-11/2027-05 → 6);
 * NULL for anything that is not a period, so an unanswered period reads as
 * unanswered. */
static void fn_period_months(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	int n = period_months((const char *)sqlite3_value_text(argv[0]));
	if (n < 0)
		sqlite3_result_null(ctx);
	else
		sqlite3_result_int(ctx, n);
}

/* period_start(p), period_end(p): its months as 'YYYY-MM'. */
static void fn_period_bound(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	char a[PERIOD_MONTH_SIZE], b[PERIOD_MONTH_SIZE];
	if (!period_bounds((const char *)sqlite3_value_text(argv[0]), a, b)) {
		sqlite3_result_null(ctx);
		return;
	}
	sqlite3_result_text(ctx, sqlite3_user_data(ctx) ? b : a, -1, SQLITE_TRANSIENT);
}

enum kaigi_status expr_engine_open(struct expr_engine **out, struct kaigi_error *err)
{
	struct expr_engine *eng = xcalloc(1, sizeof *eng);
	int rc =
	    sqlite3_open_v2(":memory:", &eng->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY, NULL);
	if (rc != SQLITE_OK) {
		kaigi_error_set(err, KAIGI_EENV, NULL, 0, 0,
				"cannot open the expression evaluator: %s",
				eng->db ? sqlite3_errmsg(eng->db) : sqlite3_errstr(rc));
		sqlite3_close(eng->db);
		free(eng);
		return KAIGI_EENV;
	}
	sqlite3_db_config(eng->db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL);
	sqlite3_db_config(eng->db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
	sqlite3_db_config(eng->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
	sqlite3_limit(eng->db, SQLITE_LIMIT_LENGTH, EXPR_MAX_LENGTH);
	sqlite3_limit(eng->db, SQLITE_LIMIT_SQL_LENGTH, 100000);
	sqlite3_limit(eng->db, SQLITE_LIMIT_EXPR_DEPTH, 100);
	sqlite3_limit(eng->db, SQLITE_LIMIT_LIKE_PATTERN_LENGTH, 1000);
	sqlite3_limit(eng->db, SQLITE_LIMIT_FUNCTION_ARG, EXPR_MAX_ARGS);
	sqlite3_limit(eng->db, SQLITE_LIMIT_ATTACHED, 0);
	if (sqlite3_open_v2(":memory:", &eng->fmt, SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY,
			    NULL) != SQLITE_OK)
		xalloc_die();
	sqlite3_limit(eng->fmt, SQLITE_LIMIT_LENGTH, EXPR_MAX_LENGTH);
	sqlite3_create_function(eng->db, "printf", -1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, eng,
				fn_printf, NULL, NULL);
	sqlite3_create_function(eng->db, "format", -1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, eng,
				fn_printf, NULL, NULL);
	sqlite3_create_function(eng->db, "selected", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
				fn_selected, NULL, NULL);
	sqlite3_create_function(eng->db, "count_selected", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
				NULL, fn_count_selected, NULL, NULL);
	sqlite3_create_function(eng->db, "period_months", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
				NULL, fn_period_months, NULL, NULL);
	sqlite3_create_function(eng->db, "period_start", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
				NULL, fn_period_bound, NULL, NULL);
	sqlite3_create_function(eng->db, "period_end", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
				(void *)1, fn_period_bound, NULL, NULL);
	sqlite3_set_authorizer(eng->db, expr_authorize, eng);
	sqlite3_progress_handler(eng->db, PROGRESS_EVERY, expr_progress, eng);
	eng->budget = EXPR_DEFAULT_BUDGET / PROGRESS_EVERY;
	*out = eng;
	return KAIGI_OK;
}

void expr_engine_set_budget(struct expr_engine *eng, unsigned steps)
{
	eng->budget = steps / PROGRESS_EVERY;
}

void expr_engine_close(struct expr_engine *eng)
{
	if (eng == NULL)
		return;
	while (eng->all)
		expr_free(eng->all);
	sqlite3_close(eng->db);
	for (size_t i = 0; i <= EXPR_MAX_ARGS; i++)
		sqlite3_finalize(eng->fmt_stmt[i]);
	sqlite3_close(eng->fmt);
	free(eng);
}

static int only_space(const char *s)
{
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r' && *s != ';')
			return 0;
	return 1;
}

enum kaigi_status expr_compile(struct expr_engine *eng, const char *src, struct expr **out,
			       int *offset, struct kaigi_error *err)
{
	int dummy;
	if (offset == NULL)
		offset = &dummy;
	*offset = -1;
	*out = NULL;
	if (only_space(src))
		return kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0, "empty expression");
	/*
	 * A closing parenthesis is added on a line of its own so that a
	 * trailing `--` comment in src cannot swallow it.
	 */
	char *sql = xasprintf(EXPR_PREFIX "%s\n)", src);
	size_t srclen = strlen(src);
	sqlite3_stmt *stmt = NULL;
	const char *tail = NULL;
	eng->selects = 0;
	eng->denied[0] = '\0';
	int rc = sqlite3_prepare_v3(eng->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, &tail);
	if (rc != SQLITE_OK) {
		int off = sqlite3_error_offset(eng->db);
		if (off >= EXPR_PREFIX_LEN && (size_t)(off - EXPR_PREFIX_LEN) <= srclen)
			*offset = off - EXPR_PREFIX_LEN;
		else if (off >= 0)
			*offset = off < EXPR_PREFIX_LEN ? 0 : (int)srclen;
		/*
		 * SQLite quotes our own wrapping in some messages: `near ")"` at
		 * the parenthesis we added, or an unclosed quote running to it.
		 * Name the writer's mistake instead.
		 */
		const char *msg = sqlite3_errmsg(eng->db);
		if (eng->denied[0])
			kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0, "%s", eng->denied);
		else if (off >= 0 && (size_t)off > EXPR_PREFIX_LEN + srclen)
			kaigi_error_set(
			    err, KAIGI_EDATA, NULL, 0, 0,
			    "invalid expression: unexpected end (is a value missing, or "
			    "is there one ')' too many?)");
		else if (strcmp(msg, "incomplete input") == 0)
			kaigi_error_set(
			    err, KAIGI_EDATA, NULL, 0, 0,
			    "invalid expression: it ends too early (is a ')' missing?)");
		else if (strncmp(msg, "unrecognized token", 18) == 0 && *offset >= 0 &&
			 (size_t)*offset < srclen && (src[*offset] == '\'' || src[*offset] == '"'))
			kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0,
					"invalid expression: the quote %c here is never closed",
					src[*offset]);
		else
			kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0, "invalid expression: %s",
					msg);
		free(sql);
		return KAIGI_EDATA;
	}
	if (stmt == NULL || (tail && !only_space(tail)) || sqlite3_column_count(stmt) != 1) {
		*offset = tail && tail >= sql + EXPR_PREFIX_LEN
			      ? (int)(tail - sql - EXPR_PREFIX_LEN)
			      : -1;
		if (*offset > (int)srclen)
			*offset = (int)srclen;
		sqlite3_finalize(stmt);
		free(sql);
		return kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0,
				       "invalid expression: expected a single expression");
	}
	free(sql);
	struct expr *e = xcalloc(1, sizeof *e);
	e->eng = eng;
	e->stmt = stmt;
	e->src = xstrdup(src);
	int n = sqlite3_bind_parameter_count(stmt);
	e->params = xcalloc((size_t)n + 1, sizeof *e->params);
	for (int i = 1; i <= n; i++) {
		const char *name = sqlite3_bind_parameter_name(stmt, i);
		if (name == NULL || (name[0] != ':' && name[0] != '$' && name[0] != '@')) {
			*offset = -1;
			expr_free(e);
			return kaigi_error_set(
			    err, KAIGI_EDATA, NULL, 0, 0,
			    "invalid expression: use named fields like :height, not ?");
		}
		e->params[e->nparams++] = xstrdup(name + 1);
	}
	e->next = eng->all;
	if (eng->all)
		eng->all->prev = e;
	eng->all = e;
	*out = e;
	return KAIGI_OK;
}

void expr_free(struct expr *e)
{
	if (e == NULL)
		return;
	if (e->prev)
		e->prev->next = e->next;
	else
		e->eng->all = e->next;
	if (e->next)
		e->next->prev = e->prev;
	sqlite3_finalize(e->stmt);
	xfree_strings(e->params, e->nparams);
	free(e->src);
	free(e);
}

const char *expr_source(const struct expr *e)
{
	return e->src;
}

size_t expr_param_count(const struct expr *e)
{
	return e->nparams;
}

const char *expr_param_name(const struct expr *e, size_t i)
{
	return i < e->nparams ? e->params[i] : NULL;
}

static void bind_value(sqlite3_stmt *st, int i, const struct kaigi_value *v)
{
	switch (v->type) {
	case KAIGI_INT:
		sqlite3_bind_int64(st, i, v->i);
		break;
	case KAIGI_REAL:
		sqlite3_bind_double(st, i, v->r);
		break;
	case KAIGI_TEXT:
		sqlite3_bind_text(st, i, v->s, -1, SQLITE_TRANSIENT);
		break;
	case KAIGI_NULL:
		sqlite3_bind_null(st, i);
		break;
	}
}

enum kaigi_status expr_eval(struct expr *e, expr_lookup_fn lookup, void *ctx,
			    struct kaigi_value *out, struct kaigi_error *err)
{
	kaigi_value_clear(out);
	sqlite3_stmt *st = e->stmt;
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	for (size_t i = 0; i < e->nparams; i++) {
		struct kaigi_value v = {0};
		if (lookup == NULL || lookup(ctx, e->params[i], &v) != 0) {
			kaigi_value_clear(&v);
			return kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0,
					       "expression refers to unknown field :%s",
					       e->params[i]);
		}
		bind_value(st, (int)i + 1, &v);
		kaigi_value_clear(&v);
	}
	e->eng->ticks = 0;
	int rc = sqlite3_step(st);
	enum kaigi_status status = KAIGI_OK;
	if (rc == SQLITE_ROW) {
		switch (sqlite3_column_type(st, 0)) {
		case SQLITE_INTEGER:
			kaigi_value_set_int(out, sqlite3_column_int64(st, 0));
			break;
		case SQLITE_FLOAT:
			kaigi_value_set_real(out, sqlite3_column_double(st, 0));
			break;
		case SQLITE_TEXT:
		case SQLITE_BLOB:
			kaigi_value_set_text(out, (const char *)sqlite3_column_text(st, 0));
			break;
		default:
			break;
		}
	} else if (rc == SQLITE_INTERRUPT) {
		status = kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0,
					 "expression stopped: it took too long to evaluate");
	} else {
		status = kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0, "expression failed: %s",
					 sqlite3_errmsg(e->eng->db));
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return status;
}

/* SPDX-License-Identifier: MIT */
/*
 * expr.h — form expressions (relevant, constraint, calculate), evaluated by
 * SQLite.
 *
 * An expression is an SQLite expression over named parameters, one per
 * field (`:height`, `:weight`).  It is compiled once, as `SELECT (expr)`,
 * on a private in-memory connection, and evaluated by binding the current
 * answers.  Form files are untrusted, so the connection is a sandbox: an
 * authorizer allows a single SELECT of pure functions and nothing else (no
 * table, no subquery, no pragma, no attach, no load_extension), a progress
 * handler stops runaway work, and string/blob sizes are capped.
 *
 * Beyond SQLite's own functions the engine offers, for choice fields:
 *   selected(:multi, 'v')      1 when 'v' is one of the space-separated values
 *   count_selected(:multi)     how many values are selected
 *
 * The engine owns every expression compiled on it; close it last.
 */
#ifndef KAIGI_EXPR_H
#define KAIGI_EXPR_H

#include <stddef.h>

#include "kaigi/error.h"
#include "kaigi/value.h"

struct expr_engine;
struct expr;

/*
 * Gives the value of parameter name (without the ':').  Fill out (it starts
 * as NULL; text is copied by the callee into out) and return 0, or return -1
 * when the name is unknown, which makes evaluation fail.
 */
typedef int (*expr_lookup_fn)(void *ctx, const char *name, struct kaigi_value *out);

enum kaigi_status expr_engine_open(struct expr_engine **out, struct kaigi_error *err);
/* Frees the engine and every expression still compiled on it. */
void expr_engine_close(struct expr_engine *eng);
/* Virtual-machine steps one evaluation may take before it is stopped. */
void expr_engine_set_budget(struct expr_engine *eng, unsigned steps);

/*
 * Compile src.  On error, err->msg says why and *offset (when not NULL) is
 * the byte offset in src of the problem, or -1 when SQLite gave none.
 */
enum kaigi_status expr_compile(struct expr_engine *eng, const char *src, struct expr **out,
			       int *offset, struct kaigi_error *err);
void expr_free(struct expr *e);

const char *expr_source(const struct expr *e);
/* The named parameters the expression reads, without the ':'. */
size_t expr_param_count(const struct expr *e);
const char *expr_param_name(const struct expr *e, size_t i);

/* Evaluate with values from lookup.  out is cleared first; caller clears it. */
enum kaigi_status expr_eval(struct expr *e, expr_lookup_fn lookup, void *ctx,
			    struct kaigi_value *out, struct kaigi_error *err);

#endif

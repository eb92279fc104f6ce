// SPDX-License-Identifier: MIT
/*
 * report_region_cover.c — the region overview (地域概要, seed 004 L60–100)
 * on the cover of the regional report: the answers the town keeps in its
 * settings (`region_overview:`, config.h) shown with the labels and units
 * of the form region_overview, in its order, its calculated shares worked
 * out by the form's own expressions.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kaigi/expr.h"
#include "kaigi/field_ids.h"
#include "kaigi/xalloc.h"
#include "report_regional.h"

static const char *answer(const struct kaigi_config *cfg, const char *field)
{
	for (size_t i = 0; cfg && i < cfg->nregion; i++)
		if (strcmp(cfg->region[i].field, field) == 0)
			return cfg->region[i].value;
	return NULL;
}

/* The expression engine's view of the answers: numbers as numbers. */
static int lookup(void *ctx, const char *name, struct kaigi_value *out)
{
	const char *v = answer(ctx, name);
	if (!v)
		return 0; /* NULL */
	char *end = NULL;
	double d = strtod(v, &end);
	if (end && end != v && !*end) {
		if (strchr(v, '.'))
			kaigi_value_set_real(out, d);
		else
			kaigi_value_set_int(out, (long long)d);
	} else {
		kaigi_value_set_text(out, v);
	}
	return 0;
}

void report_regional_region_cover(const struct schema_set *forms, const struct kaigi_config *cfg,
				  const char *lang, struct report_section *s)
{
	const struct schema_form *form =
	    forms ? schema_form_find(forms, KAIGI_FORM_REGION_OVERVIEW) : NULL;
	if (!form || !cfg || cfg->nregion == 0)
		return;
	struct report_block *b = report_facts_add(s, schema_label_get(&form->title, lang));
	bool en = strcmp(lang, "en") == 0;
	for (size_t si = 0; si < form->nsections; si++) {
		const struct schema_section *sec = &form->sections[si];
		for (size_t fi = 0; fi < sec->nfields; fi++) {
			const struct schema_field *f = &sec->fields[fi];
			char *value = NULL;
			if (f->type == SCHEMA_CALCULATE && f->calculate) {
				struct kaigi_value v = {0};
				struct kaigi_error err;
				if (expr_eval(f->calculate, lookup, (void *)cfg, &v, &err) ==
					KAIGI_OK &&
				    v.type != KAIGI_NULL)
					value = kaigi_value_to_text(&v);
				kaigi_value_clear(&v);
			} else if (answer(cfg, f->id)) {
				value = xstrdup(answer(cfg, f->id));
			}
			if (!value)
				continue;
			const char *unit = schema_label_get(&f->unit, lang);
			char *line = xasprintf("%s%s%s", value, *unit && en ? " " : "", unit);
			report_fact_add(b, schema_label_get(&f->label, lang), line);
			free(line);
			free(value);
		}
	}
}

// SPDX-License-Identifier: MIT
/*
 * scrub.c — hiding identifying details in free text: normalise, match the
 * rules (PCRE2), replace what matched in the original text by SCRUB_MARK.
 *
 * Matching runs on a normalised copy (NFKC and case folding by utf8proc,
 * katakana folded to hiragana, dashes to '-') so that full-width digits,
 * half-width kana and ー typed for a hyphen match the same patterns; each
 * normalised byte remembers the grapheme cluster of the original it came
 * from, so what is replaced is exactly the original characters and the
 * rest of the text is kept as typed.  The normalisation is in scrub_norm.c,
 * the rules themselves in scrub_rules.c.
 */
#include <stdlib.h>
#include <string.h>

#include "kaigi/strbuf.h"
#include "kaigi/xalloc.h"
#include "scrub_internal.h"

/*
 * One person.  Their patterns are compiled only when a text holds one of
 * their triggers — strings every match of their patterns contains (a part
 * of the name, the last digits of the phone, the birth year …) — so a
 * context that knows every person of a town (the regional report, an
 * anonymised export) costs a substring search per person and text, and
 * compiles the few people who are actually named.
 */
struct scrub_one {
	struct scrub_person v; /* owned copies */
	char **trig;
	size_t ntrig;
	bool built;
	struct scrub_rule *rules;
	size_t n, cap;
};

struct scrub_ctx {
	struct scrub_rule *rules; /* the rules for anyone (generic_rules() only) */
	size_t n, cap;
	struct scrub_one *people;
	size_t npeople, pcap;
};

const char *scrub_kind_name(enum scrub_kind kind)
{
	static const char *const names[SCRUB_KIND_COUNT] = {
	    [SCRUB_NONE] = "nothing",
	    [SCRUB_OWN_NAME] = "the person's name",
	    [SCRUB_OWN_BIRTH] = "the person's birth date",
	    [SCRUB_OWN_ADDRESS] = "the person's address",
	    [SCRUB_OWN_PHONE] = "the person's phone number",
	    [SCRUB_OWN_INSURED] = "the person's insured number",
	    [SCRUB_PHONE] = "a phone number",
	    [SCRUB_POSTAL] = "a postal code",
	    [SCRUB_NUMBER] = "a 10-digit number (insured number)",
	    [SCRUB_BIRTH] = "a date of birth",
	    [SCRUB_ADDRESS] = "a street address",
	};
	return kind < SCRUB_KIND_COUNT ? names[kind] : names[SCRUB_NONE];
}

/* The rules for anyone are compiled once for the process and shared by
 * every context, which holds only its people's rules: a context per
 * meeting or per search hit costs a few patterns, not all of them. */
static const struct scrub_ctx *generic_rules(void)
{
	static struct scrub_ctx g;
	if (!g.n)
		scrub_rules_generic(&g.rules, &g.n, &g.cap);
	return &g;
}

struct scrub_ctx *scrub_ctx_new(void)
{
	return xcalloc(1, sizeof(struct scrub_ctx));
}

static void rules_free(struct scrub_rule *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		pcre2_code_free(v[i].re);
	free(v);
}

void scrub_ctx_free(struct scrub_ctx *ctx)
{
	if (!ctx)
		return;
	rules_free(ctx->rules, ctx->n);
	for (size_t i = 0; i < ctx->npeople; i++) {
		struct scrub_one *o = &ctx->people[i];
		free((char *)o->v.name);
		free((char *)o->v.kana);
		free((char *)o->v.birth_date);
		free((char *)o->v.address);
		free((char *)o->v.phone);
		free((char *)o->v.insured_no);
		for (size_t k = 0; k < o->ntrig; k++)
			free(o->trig[k]);
		free(o->trig);
		rules_free(o->rules, o->n);
	}
	free(ctx->people);
	free(ctx);
}

enum kaigi_status scrub_ctx_person_add(struct scrub_ctx *ctx, const struct scrub_person *p,
				       struct kaigi_error *err)
{
	bool ok = scrub_person_valid(p);
	ctx->people = xgrow(ctx->people, ctx->npeople, &ctx->pcap, sizeof *ctx->people);
	struct scrub_one *o = &ctx->people[ctx->npeople++];
	memset(o, 0, sizeof *o);
	o->v = (struct scrub_person){
	    .name = xstrdup_or_null(p->name),
	    .kana = xstrdup_or_null(p->kana),
	    .birth_date = xstrdup_or_null(p->birth_date),
	    .address = xstrdup_or_null(p->address),
	    .phone = xstrdup_or_null(p->phone),
	    .insured_no = xstrdup_or_null(p->insured_no),
	};
	o->ntrig = scrub_person_triggers(&o->v, &o->trig);
	if (!ok)
		return kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0,
				       "an identifying value could not be made into a pattern");
	return KAIGI_OK;
}

/* nm's text with spaces, '-' and brackets taken out: where triggers are
 * looked for (the patterns allow those between any two characters). */
static char *trigger_text(const struct scrub_norm *nm)
{
	char *t = xmalloc(nm->len + 1);
	size_t k = 0;
	for (size_t i = 0; i < nm->len; i++)
		if (!strchr(" -()\t\n\r", nm->s[i]))
			t[k++] = nm->s[i];
	t[k] = '\0';
	return t;
}

static bool triggered(const struct scrub_one *o, const char *text)
{
	for (size_t k = 0; k < o->ntrig; k++)
		if (strstr(text, o->trig[k]))
			return true;
	return false;
}

/* ---- matching ----------------------------------------------------------- */

struct span {
	size_t a, b; /* original bytes */
	enum scrub_kind kind;
};

/* Every match of rules[0..nrules), as spans of the original text, appended. */
static void spans_add(const struct scrub_rule *rules, size_t nrules, const struct scrub_norm *nm,
		      struct span **pv, size_t *pn, size_t *pcap, bool first_only)
{
	struct span *v = *pv;
	size_t n = *pn;
	for (size_t r = 0; r < nrules; r++) {
		pcre2_match_data *md = pcre2_match_data_create_from_pattern(rules[r].re, NULL);
		if (!md)
			abort();
		PCRE2_SIZE off = 0;
		while (off < nm->len) {
			int rc = pcre2_match(rules[r].re, (PCRE2_SPTR)nm->s, nm->len, off,
					     PCRE2_NO_UTF_CHECK, md, NULL);
			if (rc < 0)
				break;
			PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
			size_t s = ov[0], e = ov[1];
			if (e > s) {
				v = xgrow(v, n, pcap, sizeof *v);
				v[n++] = (struct span){nm->from[s], nm->to[e - 1], rules[r].kind};
				off = e;
			} else {
				off = (ov[1] > off ? ov[1] : off) + 1;
				while (off < nm->len && (nm->s[off] & 0xC0) == 0x80)
					off++;
			}
			if (first_only)
				break;
		}
		pcre2_match_data_free(md);
	}
	*pv = v;
	*pn = n;
}

/* The rules of the people text names, then those for anyone, matched on
 * text normalised.  A person's rules are compiled on first need: the
 * context is not const inside (and so not to be shared between threads). */
static size_t spans_find(const struct scrub_ctx *ctx, const char *text, struct span **out,
			 bool first_only)
{
	struct scrub_norm norm;
	const struct scrub_norm *nm = &norm;
	scrub_norm_make(text, &norm);
	struct span *v = NULL;
	size_t n = 0, cap = 0;
	if (ctx && ctx->npeople) {
		char *tt = trigger_text(nm);
		for (size_t i = 0; i < ctx->npeople; i++) {
			struct scrub_one *o = (struct scrub_one *)&ctx->people[i];
			if (!triggered(o, tt))
				continue;
			if (!o->built) {
				(void)scrub_rules_person(&o->rules, &o->n, &o->cap, &o->v);
				o->built = true;
			}
			spans_add(o->rules, o->n, nm, &v, &n, &cap, first_only);
		}
		free(tt);
	}
	const struct scrub_ctx *g = generic_rules();
	spans_add(g->rules, g->n, nm, &v, &n, &cap, first_only);
	scrub_norm_free(&norm);
	*out = v;
	return n;
}

static int span_cmp(const void *x, const void *y)
{
	const struct span *a = x, *b = y;
	if (a->a != b->a)
		return a->a < b->a ? -1 : 1;
	return a->b > b->b ? -1 : a->b < b->b;
}

char *scrub_text(const struct scrub_ctx *ctx, const char *in)
{
	if (!in)
		return NULL;
	struct span *v;
	size_t n = spans_find(ctx, in, &v, false);
	if (n == 0) {
		free(v);
		return xstrdup(in);
	}
	qsort(v, n, sizeof *v, span_cmp);
	struct strbuf b = STRBUF_INIT;
	size_t at = 0;
	for (size_t i = 0; i < n;) {
		size_t a = v[i].a, e = v[i].b;
		for (i++; i < n && v[i].a <= e; i++)
			if (v[i].b > e)
				e = v[i].b;
		if (a < at)
			a = at;
		strbuf_appendn(&b, in + at, a - at);
		strbuf_append(&b, SCRUB_MARK);
		at = e;
	}
	strbuf_append(&b, in + at);
	free(v);
	return strbuf_take(&b);
}

void scrub_text_inplace(const struct scrub_ctx *ctx, char **s)
{
	if (!s || !*s || !**s)
		return;
	char *t = scrub_text(ctx, *s);
	free(*s);
	*s = t;
}

enum scrub_kind scrub_text_check(const struct scrub_ctx *ctx, const char *text)
{
	if (!text || !*text)
		return SCRUB_NONE;
	struct span *v;
	size_t n = spans_find(ctx, text, &v, true);
	enum scrub_kind kind = SCRUB_NONE;
	size_t best = 0;
	for (size_t i = 0; i < n; i++) {
		enum scrub_kind k = v[i].kind;
		/* earliest first; at one place the person's own value is the reason */
		if (kind == SCRUB_NONE || v[i].a < best || (v[i].a == best && k < kind)) {
			kind = k;
			best = v[i].a;
		}
	}
	free(v);
	return kind;
}

char *scrub_excerpt_mend(const char *ex)
{
	static const char mark[] = SCRUB_MARK;
	const size_t mlen = sizeof mark - 1;
	struct strbuf b = STRBUF_INIT;
	const char *p = ex;
	/* a tail of the mark at the start, after an optional ellipsis */
	const char *lead = strncmp(p, "…", strlen("…")) == 0 ? p + strlen("…") : p;
	for (size_t k = 3; k < mlen; k += 3) { /* each character of the mark is 3 bytes */
		if (strncmp(lead, mark + k, mlen - k) == 0) {
			strbuf_appendn(&b, p, (size_t)(lead - p));
			strbuf_append(&b, mark);
			p = lead + (mlen - k);
			break;
		}
	}
	/* a head of the mark at the end, before an optional ellipsis */
	size_t len = strlen(p), end = len;
	if (len >= strlen("…") && strcmp(p + len - strlen("…"), "…") == 0)
		end = len - strlen("…");
	for (size_t k = mlen - 3; k >= 3; k -= 3) {
		if (end >= k && strncmp(p + end - k, mark, k) == 0) {
			strbuf_appendn(&b, p, end - k);
			strbuf_append(&b, mark);
			strbuf_append(&b, p + end);
			return strbuf_take(&b);
		}
	}
	strbuf_append(&b, p);
	return strbuf_take(&b);
}

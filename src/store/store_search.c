// SPDX-License-Identifier: MIT
/*
 * store_search.c — full-text search over every case and meeting.
 *
 * search_doc (db/002_followup.sql, db/012_lean.sql) names each free-text
 * answer and meeting text, kept current by triggers; the text itself is
 * read where it lives (the view search_text); search_fts indexes it with
 * kaigi's bigram tokenizer (store_bigram.c, db/009_speed.sql), so
 * Japanese is found as typed, a word of two characters (服薬, 入浴) as
 * well as a phrase, and a single character by a prefix query.
 */
#include <stdlib.h>
#include <string.h>

#include "kaigi/search.h"
#include "kaigi/strbuf.h"
#include "kaigi/utf8.h"
#include "kaigi/xalloc.h"
#include "store_followup.h"

#define SEARCH_WORDS_MAX 8

static void text_hit_clear(struct store_text_hit *h)
{
	store_cols_clear(store_text_hit_cols, h);
}

void store_text_hit_list_free(struct store_text_hit_list *l)
{
	STORE_LIST_FREE(l, text_hit_clear);
}

/* Split query into at most max words (owned copies). */
static size_t split_words(const char *query, char **words, size_t max)
{
	size_t n = 0;
	const char *p = query;
	while (*p && n < max) {
		size_t sp;
		while ((sp = utf8_space_at(p)) != 0)
			p += sp;
		if (!*p)
			break;
		const char *start = p;
		while (*p && !utf8_space_at(p))
			p++;
		words[n++] = xstrndup(start, (size_t)(p - start));
	}
	return n;
}

/* Characters (code points) of s. */
static size_t char_count(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

bool store_text_search_indexed(const char *query)
{
	char *words[SEARCH_WORDS_MAX];
	size_t n = split_words(query ? query : "", words, SEARCH_WORDS_MAX);
	for (size_t i = 0; i < n; i++)
		free(words[i]);
	return n > 0;
}

/* Whether field (or the sub-field col of a grid or list) is sensitive. */
static bool hit_sensitive(const struct schema_set *forms, const char *form_id, const char *field,
			  const char *col)
{
	const struct schema_form *form = forms ? schema_form_find(forms, form_id) : NULL;
	const struct schema_field *f = form ? schema_field_find(form, field) : NULL;
	if (!f)
		return false;
	if (f->sensitive)
		return true;
	const struct schema_field *sub = col && *col ? schema_subfield_find(f, col) : NULL;
	return sub && sub->sensitive;
}

/* The FTS5 query of words: each a quoted phrase (a string of bigrams), a
 * word of one character a prefix query of it, all of them required. */
static void match_expr(struct strbuf *match, char *const *words, size_t nw)
{
	for (size_t i = 0; i < nw; i++) {
		strbuf_append(match, i ? " AND \"" : "\"");
		for (const char *c = words[i]; *c; c++)
			strbuf_append(match, *c == '"' ? "\"\"" : (char[2]){*c, 0});
		strbuf_append(match, char_count(words[i]) == 1 ? "\" *" : "\"");
	}
}

/*
 * A search_doc id is its meeting's day × 10^7 plus its place in the day
 * (db/009_speed.sql), so FTS5's rowid order is newest meeting
 * first: the index gives the hits in order and stops at the limit, and
 * only those few are joined to their records, meetings, cases and people.
 * Joining every hit to sort it cost hundreds of milliseconds for a common
 * word.  The text's own order breaks ties within a day, newest first.
 */
static const char search_sql[] =
    "WITH hit (id) AS (SELECT rowid FROM search_fts WHERE search_fts MATCH ?1 "
    "ORDER BY rowid DESC LIMIT ?2) "
    "SELECT d.kind, d.field, d.item, d.col, iif(d.kind = 'answer', (SELECT a.value FROM "
    "answer a WHERE a.record_id = k.key AND a.field = d.field AND a.item = d.item AND "
    "a.col = d.col), CASE d.field WHEN 'title' THEN m.title WHEN 'place' THEN m.place "
    "WHEN 'purpose' THEN m.purpose WHEN 'target' THEN m.target WHEN 'reached' THEN "
    "m.reached WHEN 'next_time' THEN m.next_time END), m.id, m.date, m.title, "
    "ifnull(r.id, ''), ifnull(r.case_id, ''), r.form, p.code "
    "FROM hit h CROSS JOIN search_doc d ON d.id = h.id "
    "CROSS JOIN local_key k ON k.n = d.owner "
    "LEFT JOIN form_record r ON d.kind = 'answer' AND r.id = k.key "
    "CROSS JOIN meeting m ON m.id = iif(d.kind = 'answer', r.meeting_id, k.key) "
    "LEFT JOIN case_review c ON c.id = r.case_id "
    "LEFT JOIN person p ON p.id = c.person_id "
    "ORDER BY h.id DESC";

enum kaigi_status store_text_search(struct store *st, const char *query, size_t limit,
				    struct store_text_hit_list *out, enum store_search_mode *mode,
				    struct kaigi_error *err)
{
	memset(out, 0, sizeof *out);
	char *words[SEARCH_WORDS_MAX];
	size_t nw = split_words(query ? query : "", words, SEARCH_WORDS_MAX);
	if (nw == 0)
		return kaigi_error_set(err, KAIGI_EUSAGE, NULL, 0, 0, "nothing to search for");
	if (mode)
		*mode = STORE_SEARCH_INDEX;
	struct strbuf match = STRBUF_INIT;
	match_expr(&match, words, nw);
	for (size_t i = 0; i < nw; i++)
		free(words[i]);
	enum kaigi_status s = KAIGI_OK;
	sqlite3_stmt *q = store_query(st, search_sql, err, "tL", strbuf_str(&match), limit);
	if (!q)
		s = err->status;
	if (s == KAIGI_OK) {
		s = STORE_LIST_COLS(st, q, out, store_text_hit_cols, NULL, "searching", err);
		sqlite3_clear_bindings(q); /* the match text is freed below */
		for (size_t i = 0; i < out->n; i++) {
			struct store_text_hit *h = &out->v[i];
			h->sensitive =
			    h->form && hit_sensitive(st->forms, h->form, h->field, h->col);
		}
	}
	strbuf_free(&match);
	return s;
}

/* ---- showing a hit ------------------------------------------------------ */

static const char *meeting_field_label(const char *field, bool ja)
{
	static const struct schema_word names[] = {
	    {"title", "会議名", "Title"},
	    {"place", "場所", "Place"},
	    {"purpose", "目的", "Purpose"},
	    {"target", "本日の到達目標", "Today's target"},
	    {"reached", "到達したこと", "What was reached"},
	    {"next_time", "次回への課題", "Left for next time"},
	};
	const struct schema_word *w = SCHEMA_WORD_FIND(names, field);
	return w ? (ja ? w->ja : w->en) : field;
}

char *store_text_hit_place(const struct store *st, const struct store_text_hit *h, const char *lang)
{
	bool ja = lang && strcmp(lang, "ja") == 0;
	const char *sep = " › ";
	if (!h->form)
		return xasprintf("%s%s%s", ja ? "会議" : "Meeting", sep,
				 meeting_field_label(h->field, ja));
	const struct schema_form *form = st->forms ? schema_form_find(st->forms, h->form) : NULL;
	const struct schema_field *f = form ? schema_field_find(form, h->field) : NULL;
	if (!f)
		return xasprintf("%s%s%s", h->form, sep, h->field);
	struct strbuf b = STRBUF_INIT;
	strbuf_appendf(&b, "%s%s%s", schema_label_get(&form->title, lang), sep,
		       schema_label_get(&f->label, lang));
	if (f->type == SCHEMA_GRID && h->item && *h->item) {
		const struct schema_grid_row *row = schema_row_find(f, h->item);
		strbuf_appendf(&b, "%s%s", sep,
			       row ? schema_label_get(&row->label, lang) : h->item);
	}
	const struct schema_field *sub = h->col && *h->col ? schema_subfield_find(f, h->col) : NULL;
	if (sub)
		strbuf_appendf(&b, "%s%s", sep, schema_label_get(&sub->label, lang));
	return strbuf_take(&b);
}

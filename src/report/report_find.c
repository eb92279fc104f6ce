// SPDX-License-Identifier: MIT
/*
 * report_find.c — which meeting the user means: an id, a unique id prefix,
 * a date with one meeting, or "latest".
 */
#include <string.h>

#include "kaigi/report.h"
#include "kaigi/strbuf.h"

#define FIND_MAX 10

static bool is_date(const char *s)
{
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	for (size_t i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return false;
	return true;
}

/* "id  date  title" lines for a message listing candidates. */
static void candidates(const struct store_meeting *v, size_t n, struct strbuf *b)
{
	for (size_t i = 0; i < n; i++)
		strbuf_appendf(b, "\n  %s  %s  %s", v[i].id,
			       v[i].f[STORE_MEETING_DATE] ? v[i].f[STORE_MEETING_DATE] : "",
			       v[i].f[STORE_MEETING_TITLE] ? v[i].f[STORE_MEETING_TITLE] : "");
}

static enum kaigi_status by_date(struct store *st, const char *date, char id[STORE_ID_SIZE],
				 struct kaigi_error *err)
{
	struct store_meeting_list l;
	enum kaigi_status s = store_meeting_list(st, date, 0, &l, err);
	if (s != KAIGI_OK)
		return s;
	/* The text search also matches titles that mention the date. */
	size_t n = 0;
	for (size_t i = 0; i < l.n; i++) {
		const char *d = l.v[i].f[STORE_MEETING_DATE];
		if (d && strcmp(d, date) == 0) {
			if (n != i) {
				struct store_meeting tmp = l.v[n];
				l.v[n] = l.v[i];
				l.v[i] = tmp;
			}
			n++;
		}
	}
	if (n == 1) {
		memcpy(id, l.v[0].id, STORE_ID_SIZE);
	} else if (n == 0) {
		s = kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0, "no meeting on %s", date);
	} else {
		struct strbuf b = STRBUF_INIT;
		candidates(l.v, n, &b);
		s = kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0,
				    "%zu meetings on %s; give the id of one:%s", n, date,
				    strbuf_str(&b));
		strbuf_free(&b);
	}
	store_meeting_list_free(&l);
	return s;
}

enum kaigi_status report_meeting_find(struct store *st, const char *what, char id[STORE_ID_SIZE],
				      struct kaigi_error *err)
{
	id[0] = '\0';
	if (!what || !*what)
		return kaigi_error_set(err, KAIGI_EUSAGE, NULL, 0, 0,
				       "which meeting? give its id or date");
	if (strcmp(what, "latest") == 0) {
		struct store_meeting_list l;
		enum kaigi_status s = store_meeting_list(st, NULL, 1, &l, err);
		if (s != KAIGI_OK)
			return s;
		if (l.n == 1)
			memcpy(id, l.v[0].id, STORE_ID_SIZE);
		else
			s = kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0,
					    "the database holds no meeting yet");
		store_meeting_list_free(&l);
		return s;
	}
	if (is_date(what) && !store_date_valid(what))
		return kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0,
				       "'%s' is not a date: there is no such day in the calendar",
				       what);
	if (is_date(what))
		return by_date(st, what, id, err);
	if (strlen(what) < 8 || strlen(what) >= STORE_ID_SIZE)
		return kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0,
				       "'%s' is neither a meeting id (at least its first 8 "
				       "characters) nor a date YYYY-MM-DD",
				       what);
	char ids[FIND_MAX][STORE_ID_SIZE];
	size_t n = 0;
	enum kaigi_status s = store_meeting_ids_by_prefix(st, what, ids, FIND_MAX, &n, err);
	if (s != KAIGI_OK)
		return s;
	if (n == 1) {
		memcpy(id, ids[0], STORE_ID_SIZE);
		return KAIGI_OK;
	}
	if (n == 0)
		return kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0, "no meeting with id %s", what);
	struct strbuf b = STRBUF_INIT;
	for (size_t i = 0; i < n; i++)
		strbuf_appendf(&b, "\n  %s", ids[i]);
	s = kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0,
			    "'%s' starts more than one meeting id; give more of it:%s", what,
			    strbuf_str(&b));
	strbuf_free(&b);
	return s;
}

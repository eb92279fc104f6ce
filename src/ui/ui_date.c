// SPDX-License-Identifier: MIT
/* ui_date.c — lenient date and time entry (see ui_date.h). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ui_date.h"

/* Fold full-width digits and separators, 年月日時分 and era letters to
 * ASCII, so that IME input reads like plain input. */
static void fold(const char *in, char *out, size_t size)
{
	static const struct {
		const char *from, *to;
	} map[] = {
	    {"０", "0"}, {"１", "1"}, {"２", "2"},   {"３", "3"}, {"４", "4"}, {"５", "5"},
	    {"６", "6"}, {"７", "7"}, {"８", "8"},   {"９", "9"}, {"／", "/"}, {"－", "-"},
	    {"．", "."}, {"：", ":"}, {"＋", "+"},   {"年", "/"}, {"月", "/"}, {"日", ""},
	    {"時", ":"}, {"分", ""},  {"令和", "R"}, {"Ｒ", "R"}, {"　", " "},
	};
	size_t o = 0;
	while (*in && o + 1 < size) {
		bool hit = false;
		for (size_t i = 0; i < sizeof map / sizeof map[0]; i++) {
			size_t n = strlen(map[i].from);
			if (strncmp(in, map[i].from, n) == 0) {
				size_t m = strlen(map[i].to);
				if (o + m + 1 >= size)
					break;
				memcpy(out + o, map[i].to, m);
				o += m;
				in += n;
				hit = true;
				break;
			}
		}
		if (!hit)
			out[o++] = *in++;
	}
	out[o] = '\0';
	/* Trim spaces and a trailing separator (from 年月日). */
	size_t s = 0;
	while (out[s] == ' ')
		s++;
	memmove(out, out + s, strlen(out + s) + 1);
	size_t n = strlen(out);
	while (n && (out[n - 1] == ' ' || out[n - 1] == '/' || out[n - 1] == ':'))
		out[--n] = '\0';
}

static bool valid_ymd(int y, int m, int d)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1)
		return false;
	int dm = days[m - 1] + (m == 2 && ((y % 4 == 0 && y % 100) || y % 400 == 0));
	return d <= dm;
}

static bool add_days(const char today[11], int delta, char out[64])
{
	struct tm tm = {0};
	if (sscanf(today, "%d-%d-%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday) != 3)
		return false;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	tm.tm_mday += delta;
	tm.tm_hour = 12; /* away from DST edges */
	if (mktime(&tm) == (time_t)-1)
		return false;
	strftime(out, 64, "%Y-%m-%d", &tm);
	return true;
}

bool ui_date_normalise(const char *text, const char today[11], char out[64])
{
	char s[64];
	fold(text, s, sizeof s);
	snprintf(out, 64, "%s", s);
	if (!*s)
		return true;
	for (char *p = s; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	/* 今日 reads "今" here: fold drops 日 (as in 12日). */
	if (!strcmp(s, "t") || !strcmp(s, "today") || !strcmp(s, "今") || !strcmp(s, "きょう"))
		return add_days(today, 0, out);
	if ((s[0] == '+' || s[0] == '-') && isdigit((unsigned char)s[1])) {
		char *end;
		long n = strtol(s, &end, 10);
		if (*end == '\0' && n > -10000 && n < 10000)
			return add_days(today, (int)n, out);
	}
	int y = 0, m = 0, d = 0, ty = atoi(today);
	char tail;
	if (s[0] == 'r' && sscanf(s + 1, "%d%*[./-]%d%*[./-]%d%c", &y, &m, &d, &tail) == 3)
		y += 2018; /* 令和1年 = 2019 */
	else if (strlen(s) == 8 && strspn(s, "0123456789") == 8)
		sscanf(s, "%4d%2d%2d", &y, &m, &d);
	else if (sscanf(s, "%d%*[./-]%d%*[./-]%d%c", &y, &m, &d, &tail) == 3)
		;
	else if (sscanf(s, "%d%*[./-]%d%c", &m, &d, &tail) == 2)
		y = ty;
	else
		return false;
	if (!valid_ymd(y, m, d))
		return false;
	snprintf(out, 64, "%04d-%02d-%02d", y, m, d);
	return true;
}

bool ui_time_normalise(const char *text, char out[64])
{
	char s[64];
	fold(text, s, sizeof s);
	snprintf(out, 64, "%s", s);
	if (!*s)
		return true;
	int h = -1, m = 0;
	char tail;
	size_t n = strlen(s);
	if (strspn(s, "0123456789") == n && (n == 3 || n == 4)) {
		h = atoi(s) / 100;
		m = atoi(s) % 100;
	} else if (strspn(s, "0123456789") == n && n <= 2) {
		h = atoi(s);
	} else if (sscanf(s, "%d:%d%c", &h, &m, &tail) != 2 &&
		   sscanf(s, "%d.%d%c", &h, &m, &tail) != 2) {
		return false;
	}
	if (h < 0 || h > 23 || m < 0 || m > 59)
		return false;
	snprintf(out, 64, "%02d:%02d", h, m);
	return true;
}

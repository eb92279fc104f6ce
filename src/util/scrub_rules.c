// SPDX-License-Identifier: MIT
/*
 * scrub_rules.c — the patterns that identify: those for anyone, and those
 * built from one person's own values.
 *
 * Every pattern is written against the normalised text (scrub.c): ASCII
 * digits and lower-case letters, hiragana for any kana, '-' for any dash,
 * ' ' for any space.  A number never matches inside a longer number.  The
 * list of classes and the cases that must and must not be hidden are in
 * doc/reports.md and tests/unit/test_scrub.c.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "kaigi/strbuf.h"
#include "kaigi/utf8.h"
#include "kaigi/xalloc.h"
#include "scrub_internal.h"

/* A full date, any year or era: the part that follows a birth keyword. */
#define ANY_DATE                                                                                        \
	"(?:[0-9]{4}|(?:明治|大正|昭和|平成|令和|明|大|昭|[mtshr])\\s?(?:[0-9]{1,2}|元))" \
	"\\s?[-/.年]\\s?[0-9]{1,2}\\s?[-/.月]\\s?[0-9]{1,2}(?:\\s?日)?(?![0-9])"

static const struct {
	enum scrub_kind kind;
	const char *re;
} generic[] = {
    /* phone: 0 and 9–10 more digits, grouped by '-', ' ' or brackets; +81 */
    {SCRUB_PHONE, "(?<![0-9.-])(?:\\(0[0-9]{1,4}\\)\\s?|0[0-9]{1,4}[- ]?)[0-9]{1,4}[- ]?[0-9]{4}"
		  "(?![0-9])"},
    {SCRUB_PHONE, "(?<![0-9])0[5789]0[- ]?[0-9]{4}[- ]?[0-9]{4}(?![0-9])"},
    {SCRUB_PHONE, "\\+81[- ]?\\(?[0-9]{1,4}\\)?[- ]?[0-9]{1,4}[- ]?[0-9]{4}(?![0-9])"},
    /* postal code: 〒 and 7 digits, or 3-4 digits on their own */
    {SCRUB_POSTAL, "〒\\s?[0-9]{3}-?[0-9]{4}(?![0-9])"},
    {SCRUB_POSTAL, "(?<![0-9-])[0-9]{3}-[0-9]{4}(?![0-9-])"},
    {SCRUB_POSTAL, "郵便番号\\s?:?\\s?\\K[0-9]{7}(?![0-9])"},
    /* insured number: ten digits alone, or any number after its name */
    {SCRUB_NUMBER, "(?<![0-9])[0-9]{10}(?![0-9])"},
    {SCRUB_NUMBER,
     "(?:被保険者番号|被保番号?|保険者番号)\\s?(?::|は)?\\s?\\K[0-9][0-9 -]{4,14}[0-9]"},
    /* date of birth: an old era, a year before 1970, or said to be one */
    {SCRUB_BIRTH, "(?<![a-z])(?:明治|大正|昭和|明|大|昭|[mts])\\s?(?:[0-9]{1,2}|元)\\s?[-/.年]\\s?"
		  "[0-9]{1,2}\\s?[-/.月]\\s?[0-9]{1,2}(?:\\s?日)?(?![0-9])"},
    {SCRUB_BIRTH, "(?<![0-9])1[89][0-6][0-9]\\s?[-/.年]\\s?[0-9]{1,2}\\s?[-/.月]\\s?[0-9]{1,2}"
		  "(?:\\s?日)?(?![0-9])"},
    {SCRUB_BIRTH, "(?:生年月日|誕生日|生まれ|出生|dob|born|birth)\\s?(?::|は|on)?\\s?\\K" ANY_DATE},
    {SCRUB_BIRTH, "(?<![0-9])" ANY_DATE "(?=\\s?(?:生|誕生))"},
    /* street address: 丁目 / 番地 / 番…号, or a town and a block number */
    {SCRUB_ADDRESS, "\\p{Han}{0,8}(?:[0-9]+|[一二三四五六七八九十]+)\\s?丁目"
		    "(?:\\s?(?:[0-9]+|[一二三四五六七八九十]+)\\s?(?:番地?|号|-|の)?){0,3}"},
    {SCRUB_ADDRESS, "\\p{Han}{0,8}(?<![0-9])[0-9]+\\s?番地(?:\\s?(?:の|-)?\\s?[0-9]+\\s?号?){0,2}"},
    {SCRUB_ADDRESS, "\\p{Han}{0,8}(?<![0-9])[0-9]+\\s?番\\s?[0-9]+\\s?号(?!室)"},
    {SCRUB_ADDRESS, "\\p{Han}{1,8}[町村]\\s?[0-9]+-[0-9]+(?:-[0-9]+)?(?![0-9])"},
};

void scrub_rules_generic(struct scrub_rule **v, size_t *n, size_t *cap)
{
	for (size_t i = 0; i < sizeof generic / sizeof generic[0]; i++)
		if (!scrub_rule_add(v, n, cap, generic[i].re, generic[i].kind, true))
			abort(); /* a fixed pattern: a mistake here is a bug */
}

/* ---- a person's own values ------------------------------------------- */

/* Append the normalised s[a..b) as a literal, any spacing allowed between
 * characters; returns the number of characters (not counting spaces). */
static size_t literal_append(struct strbuf *re, const char *s, size_t a, size_t b)
{
	size_t chars = 0;
	for (size_t off = a; off < b;) {
		utf8proc_int32_t c;
		utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + off,
						      (utf8proc_ssize_t)(b - off), &c);
		if (k <= 0)
			break;
		if (c != ' ' && c != '\t' && c != '\n') {
			if (chars)
				strbuf_append(re, "\\s*");
			if (c < 0x80 && !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')))
				strbuf_appendc(re, '\\');
			strbuf_appendn(re, s + off, (size_t)k);
			chars++;
		}
		off += (size_t)k;
	}
	return chars;
}

/* A name or its kana: the whole (spacing free), then the family and the
 * given name alone when each has two characters or more.  Always true. */
static bool name_pattern(struct strbuf *re, const char *value)
{
	struct scrub_norm nm;
	scrub_norm_make(value, &nm);
	size_t parts[8][2], np = 0;
	for (size_t i = 0; i < nm.len && np < 8;) {
		while (i < nm.len && nm.s[i] == ' ')
			i++;
		size_t a = i;
		while (i < nm.len && nm.s[i] != ' ')
			i++;
		if (i > a) {
			parts[np][0] = a;
			parts[np][1] = i;
			np++;
		}
	}
	if (np) {
		strbuf_append(re, "(?:");
		literal_append(re, nm.s, 0, nm.len);
		for (size_t p = 0; np > 1 && p < np; p += np - 1) {
			struct strbuf one = STRBUF_INIT;
			if (literal_append(&one, nm.s, parts[p][0], parts[p][1]) >= 2)
				strbuf_appendf(re, "|%s", strbuf_str(&one));
			strbuf_free(&one);
		}
		strbuf_append(re, ")");
	}
	scrub_norm_free(&nm);
	return true;
}

/* A number (phone, insured number): its digits with any grouping. */
static bool digits_pattern(struct strbuf *re, const char *value)
{
	struct scrub_norm nm;
	scrub_norm_make(value, &nm);
	size_t nd = 0;
	strbuf_append(re, "(?<![0-9])\\(?");
	for (size_t i = 0; i < nm.len; i++)
		if (nm.s[i] >= '0' && nm.s[i] <= '9') {
			if (nd++)
				strbuf_append(re, "[-\\s()]*");
			strbuf_appendc(re, nm.s[i]);
		}
	strbuf_append(re, "(?![0-9])");
	scrub_norm_free(&nm);
	return nd >= 6;
}

/* The era and its year for a western date, for the styles people write. */
static void era_of(int y, int m, int d, const char **era, const char **abbr, int *ey)
{
	long k = (long)y * 10000 + m * 100 + d;
	if (k >= 19890108) {
		*era = "平成", *abbr = "h", *ey = y - 1988;
	} else if (k >= 19261225) {
		*era = "昭和", *abbr = "s", *ey = y - 1925;
	} else if (k >= 19120730) {
		*era = "大正", *abbr = "t", *ey = y - 1911;
	} else {
		*era = "明治", *abbr = "m", *ey = y - 1867;
	}
	if (k >= 20190501)
		*era = "令和", *abbr = "r", *ey = y - 2018;
}

static bool birth_pattern(struct strbuf *re, const char *value)
{
	int y, m, d;
	char tail;
	if (sscanf(value, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 || y < 1850 || m < 1 || m > 12 ||
	    d < 1 || d > 31)
		return false;
	const char *era, *abbr;
	int ey;
	era_of(y, m, d, &era, &abbr, &ey);
	char eyear[24];
	if (ey == 1)
		snprintf(eyear, sizeof eyear, "(?:1|元)");
	else
		snprintf(eyear, sizeof eyear, "%d", ey);
	strbuf_appendf(
	    re,
	    "(?<![0-9])(?:%d|(?:%s|%.3s|(?<![a-z])%s)\\s?%s)\\s?[-/.年]\\s?0?%d\\s?[-/.月]"
	    "\\s?0?%d(?:\\s?日)?(?![0-9])",
	    y, era, era, abbr, eyear, m, d);
	return true;
}

static bool is_boundary(const char *s, size_t at, size_t *len)
{
	static const char *const b[] = {"都", "道", "府", "県", "市", "区", "郡"};
	for (size_t i = 0; i < sizeof b / sizeof b[0]; i++) {
		size_t n = strlen(b[i]);
		if (strncmp(s + at, b[i], n) == 0) {
			*len = n;
			return true;
		}
	}
	return false;
}

/* The address as typed, and each tail after a prefecture, city or ward
 * that still holds a number: down to the block, with 丁目, 番地, 号 and '-'
 * taken for one another. */
static bool address_pattern(struct strbuf *re, const char *value)
{
	struct scrub_norm nm;
	scrub_norm_make(value, &nm);
	strbuf_append(re, "(?:");
	size_t alts = 0;
	for (size_t start = 0; start < nm.len;) {
		if (strpbrk(nm.s + start, "0123456789")) {
			if (alts++)
				strbuf_append(re, "|");
			size_t chars = 0;
			for (size_t i = start; i < nm.len;) {
				static const char *const conn[] = {"丁目", "番地", "番",
								   "号",   "の",   "-"};
				size_t k = 0;
				for (size_t c = 0; c < sizeof conn / sizeof conn[0] && !k; c++)
					if (strncmp(nm.s + i, conn[c], strlen(conn[c])) == 0)
						k = strlen(conn[c]);
				if (k && i > start && nm.s[i - 1] >= '0' && nm.s[i - 1] <= '9') {
					strbuf_append(re, "\\s*(?:丁目|番地?|号|の|-)?");
					i += k;
					continue;
				}
				utf8proc_int32_t c;
				utf8proc_ssize_t n =
				    utf8proc_iterate((const utf8proc_uint8_t *)nm.s + i,
						     (utf8proc_ssize_t)(nm.len - i), &c);
				if (n <= 0)
					break;
				if (c != ' ') {
					if (chars++)
						strbuf_append(re, "\\s*");
					if (c < 0x80 &&
					    !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')))
						strbuf_appendc(re, '\\');
					strbuf_appendn(re, nm.s + i, (size_t)n);
				}
				i += (size_t)n;
			}
		}
		/* on to the next tail */
		size_t i = start, blen = 0;
		while (i < nm.len && !is_boundary(nm.s, i, &blen))
			i++;
		start = i < nm.len ? i + blen : nm.len;
	}
	strbuf_append(re, ")(?![0-9])");
	scrub_norm_free(&nm);
	return alts > 0;
}

/* The whole address as written, numbers or not; false when it has under
 * two characters. */
static bool whole_address_pattern(struct strbuf *re, const char *value)
{
	struct scrub_norm nm;
	scrub_norm_make(value, &nm);
	bool ok = literal_append(re, nm.s, 0, nm.len) >= 2;
	scrub_norm_free(&nm);
	return ok;
}

/* ---- triggers and the table of a person's values (scrub.c compiles a
 * person's rules lazily) ---------------------------------------------- */

/* s normalised, without spaces, '-' or brackets. */
static char *stripped(const char *s, size_t len)
{
	char *t = xmalloc(len + 1);
	size_t k = 0;
	for (size_t i = 0; i < len; i++)
		if (!strchr(" -()\t\n\r", s[i]))
			t[k++] = s[i];
	t[k] = '\0';
	return t;
}

struct trig {
	char **v;
	size_t n, cap;
};

static void trig_add(struct trig *t, char *s)
{
	if (!s || !*s) {
		free(s);
		return;
	}
	t->v = xgrow(t->v, t->n, &t->cap, sizeof *t->v);
	t->v[t->n++] = s;
}

/* Each part of two characters or more, else the whole. */
static void name_triggers(struct trig *t, const char *value)
{
	struct scrub_norm nm;
	scrub_norm_make(value, &nm);
	size_t before = t->n;
	for (size_t i = 0; i < nm.len;) {
		while (i < nm.len && nm.s[i] == ' ')
			i++;
		size_t a = i;
		while (i < nm.len && nm.s[i] != ' ')
			i++;
		char *part = stripped(nm.s + a, i - a);
		if (utf8_chars(part) >= 2)
			trig_add(t, part);
		else
			free(part);
	}
	if (t->n == before)
		trig_add(t, stripped(nm.s, nm.len));
	scrub_norm_free(&nm);
}

/* The last digits: contiguous once separators are taken out. */
static void digits_trigger(struct trig *t, const char *value)
{
	char d[64];
	size_t n = 0;
	struct scrub_norm nm;
	scrub_norm_make(value, &nm);
	for (size_t i = 0; i < nm.len && n < sizeof d - 1; i++)
		if (nm.s[i] >= '0' && nm.s[i] <= '9')
			d[n++] = nm.s[i];
	d[n] = '\0';
	scrub_norm_free(&nm);
	trig_add(t, xstrdup(n > 4 ? d + n - 4 : d));
}

/* The western and the era year. */
static void birth_triggers(struct trig *t, const char *value)
{
	int y, m, d;
	char tail;
	if (sscanf(value, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3)
		return;
	const char *era, *abbr;
	int ey;
	era_of(y, m, d, &era, &abbr, &ey);
	/* the alternatives of birth_pattern: 1942…, 昭和17…, 昭17…, s17… */
	trig_add(t, xasprintf("%d", y));
	const char *y1 = ey == 1 ? "元" : NULL;
	for (int k = 0; k < 2; k++) {
		char n[12];
		snprintf(n, sizeof n, "%d", ey);
		const char *num = k ? y1 : n;
		if (!num)
			continue;
		trig_add(t, xasprintf("%s%s", era + 3, num)); /* 和17: 昭和17 */
		trig_add(t, xasprintf("%.3s%s", era, num));   /* 昭17 */
		trig_add(t, xasprintf("%s%s", abbr, num));    /* s17 */
	}
}

/* Every alternative of address_pattern ends with the address's last part
 * (after its last prefecture, city or ward): its first characters before a
 * number, or its first number. */
static void address_trigger(struct trig *t, const char *value)
{
	struct scrub_norm nm;
	scrub_norm_make(value, &nm);
	char *s = stripped(nm.s, nm.len);
	scrub_norm_free(&nm);
	size_t last = 0, blen;
	for (size_t i = 0; s[i]; i++)
		if (is_boundary(s, i, &blen))
			last = i + blen;
	const char *tail = s + last;
	if (!*tail) { /* ends with 市 or the like: its last two characters */
		size_t n = strlen(s), k = n, c = 0;
		while (k > 0 && c < 2)
			c += ((unsigned char)s[--k] & 0xC0) != 0x80;
		trig_add(t, xstrdup(s + k));
	} else if (*tail >= '0' && *tail <= '9') {
		size_t k = 0;
		while (tail[k] >= '0' && tail[k] <= '9')
			k++;
		trig_add(t, xstrndup(tail, k));
	} else {
		size_t k = 0, c = 0;
		while (tail[k] && !(tail[k] >= '0' && tail[k] <= '9') && c < 2) {
			k++;
			while (((unsigned char)tail[k] & 0xC0) == 0x80)
				k++;
			c++;
		}
		trig_add(t, xstrndup(tail, k));
	}
	free(s);
}

/* A person's values in the order their rules are made: where the value
 * is, its pattern and a second one (NULL: none) for rules of kind, whether
 * a value that makes no pattern is invalid (must), and what in a text
 * hints at it (the trigger). */
static const struct own_value {
	size_t off;
	bool (*pattern)(struct strbuf *re, const char *value);
	bool (*also)(struct strbuf *re, const char *value);
	enum scrub_kind kind;
	bool must;
	void (*trigger)(struct trig *t, const char *value);
} own_values[] = {
    {offsetof(struct scrub_person, name), name_pattern, NULL, SCRUB_OWN_NAME, false, name_triggers},
    {offsetof(struct scrub_person, kana), name_pattern, NULL, SCRUB_OWN_NAME, false, name_triggers},
    {offsetof(struct scrub_person, birth_date), birth_pattern, NULL, SCRUB_OWN_BIRTH, true,
     birth_triggers},
    {offsetof(struct scrub_person, address), address_pattern, whole_address_pattern,
     SCRUB_OWN_ADDRESS, false, address_trigger},
    {offsetof(struct scrub_person, phone), digits_pattern, NULL, SCRUB_OWN_PHONE, true,
     digits_trigger},
    {offsetof(struct scrub_person, insured_no), digits_pattern, NULL, SCRUB_OWN_INSURED, true,
     digits_trigger},
};
#define NOWN (sizeof own_values / sizeof own_values[0])

/* p's value for o; NULL when it has none (absent or empty). */
static const char *own_value_of(const struct scrub_person *p, const struct own_value *o)
{
	const char *v = *(const char *const *)(const void *)((const char *)p + o->off);
	return v && *v ? v : NULL;
}

bool scrub_rules_person(struct scrub_rule **v, size_t *n, size_t *cap, const struct scrub_person *p)
{
	bool ok = true;
	struct strbuf re = STRBUF_INIT;
	for (size_t i = 0; i < NOWN; i++) {
		const struct own_value *o = &own_values[i];
		const char *value = own_value_of(p, o);
		if (!value)
			continue;
		if (o->pattern(&re, value))
			ok &= scrub_rule_add(v, n, cap, strbuf_str(&re), o->kind, false);
		else
			ok &= !o->must;
		strbuf_reset(&re);
		if (o->also && o->also(&re, value))
			ok &= scrub_rule_add(v, n, cap, strbuf_str(&re), o->kind, false);
		strbuf_reset(&re);
	}
	strbuf_free(&re);
	return ok;
}

bool scrub_person_valid(const struct scrub_person *p)
{
	struct strbuf re = STRBUF_INIT;
	bool ok = true;
	for (size_t i = 0; i < NOWN; i++) {
		const char *value = own_value_of(p, &own_values[i]);
		if (value && own_values[i].must)
			ok &= own_values[i].pattern(&re, value);
	}
	strbuf_free(&re);
	return ok;
}

size_t scrub_person_triggers(const struct scrub_person *p, char ***out)
{
	struct trig t = {0};
	for (size_t i = 0; i < NOWN; i++) {
		const char *value = own_value_of(p, &own_values[i]);
		if (value)
			own_values[i].trigger(&t, value);
	}
	*out = t.v;
	return t.n;
}

// SPDX-License-Identifier: MIT
/*
 * report_pdf.c — the summary as an A4 PDF, drawn with cairo and laid out
 * with pango, in the look of a municipal form: ruled tables with shaded
 * heads, a stamp box saying whether the handout goes back at the end, page
 * numbers "n / N" and the handling note on every page.
 *
 * Design note.  Layout is a simple flow down the page: each block asks
 * for the height it needs and a new page starts when it does not fit.  A
 * table row is never split; a table repeats its head row on a new page; an
 * ADL/IADL grid starts on a new page when it would fit whole there but not
 * in what is left of this one; a block title keeps with the first row of
 * its table.  Page numbers need the page count, so the pages are first
 * laid out into a list of drawing operations (struct op: a laid-out text
 * with its place, a rule, a fill), each text measured once; at the end the
 * list is drawn straight onto the PDF surface with "n / N" added, once:
 * no page is recorded and replayed (replaying a cairo recording surface
 * cost more than the layout itself).  Text stays text.  Sizes are points: the pango context is 72
 * dpi.
 *
 * The font is IPAex Gothic (fonts-ipaexfont), falling back to Noto Sans
 * CJK; cairo embeds the glyphs used as a subset, so the file prints the
 * same on a machine without Japanese fonts.
 *
 * This file is the PDF module, kaigi-pdf.so, loaded only when a PDF is made
 * (report_pdf_load.c): every other command, and the UI's first screen,
 * start without cairo, pango, harfbuzz and fontconfig.
 */
#include <cairo-pdf.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "kaigi/utf8.h"
#include "kaigi/xalloc.h"
#include "report_render.h"
#include "report_strings.h"

#define PAGE_W    595.276 /* A4 in points */
#define PAGE_H    841.890
#define MARGIN_X  45.0
#define MARGIN_T  50.0
#define MARGIN_B  58.0
#define CONTENT_W (PAGE_W - 2 * MARGIN_X)
#define BOTTOM    (PAGE_H - MARGIN_B)
#define PAD       2.6 /* inside a table cell */
#define LINE      0.6 /* rule width */
/* A case goes on in what is left of a page when at least this much is. */
#define CASE_MIN_ROOM (0.4 * (BOTTOM - MARGIN_T))

#define FONT "IPAexGothic,IPAexゴシック,Noto Sans CJK JP,sans-serif"

/* Type sizes in points (the pango context is set to 72 dpi, so a point of
 * pango is a point of the page). */
#define FS_TITLE   16.0
#define FS_SUB     12.0
#define FS_ISSUER  11.0
#define FS_CASE    13.0 /* a case's heading */
#define FS_SECTION 12.0
#define FS_BLOCK   10.5 /* ■ block titles */
#define FS_TEXT    10.0 /* paragraphs: the vision, the wish */
#define FS_FACTS   9.5
#define FS_TABLE   9.0
#define FS_NOTE    8.0
#define FS_SMALL   8.0 /* page header and foot */
#define FS_STAMP   10.0

/* One drawing operation of a page, kept until the page count is known. */
enum op_kind {
	OP_PAGE,   /* a new page starts */
	OP_TEXT,   /* layout l at (x, y) */
	OP_LINE,   /* line n of layout l, its baseline's start at (x, y) */
	OP_STROKE, /* a rule from (x, y) to (x2, y2), width w */
	OP_RECT,   /* a rectangle's outline (x, y, x2 = width, y2 = height), width w */
	OP_FILL,   /* a filled rectangle (x, y, x2 = width, y2 = height), grey w */
	OP_GREY,   /* the text colour from here: grey w */
};
struct op {
	enum op_kind k;
	PangoLayout *l; /* a reference, for OP_TEXT and OP_LINE */
	int n;
	double x, y, x2, y2, w;
};

struct pdf {
	PangoContext *pc;
	const struct report_doc *doc;
	int page;
	double y;
	struct op *ops; /* every page, drawn when the page count is known */
	size_t nops, cap;
};

static void op_add(struct pdf *p, struct op o)
{
	p->ops = xgrow(p->ops, p->nops, &p->cap, sizeof *p->ops);
	p->ops[p->nops++] = o;
}

/* ---- text ----------------------------------------------------------------- */

/*
 * Symbols of East Asian Ambiguous width (× △ ↑ ↓ ① ※) are drawn in their
 * full-width forms (OpenType `fwid`), as on the paper forms: IPAex Gothic's
 * default × is a small proportional Latin glyph, so ×1 looked unlike 〇1
 * and △1 in a rating.  Letters and digits keep their own forms.
 */
static void full_width_symbols(PangoLayout *l, const char *text)
{
	PangoAttrList *attrs = NULL;
	for (size_t at = 0; text && text[at];) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)text + at, -1, &cp);
		if (k <= 0) {
			at++;
			continue;
		}
		utf8proc_category_t cat = utf8proc_category(cp);
		bool symbol = cat == UTF8PROC_CATEGORY_SM || cat == UTF8PROC_CATEGORY_SO ||
			      cat == UTF8PROC_CATEGORY_NO || cat == UTF8PROC_CATEGORY_PO;
		if (cp >= 0x80 && symbol && utf8_is_ambiguous(cp)) {
			if (!attrs)
				attrs = pango_attr_list_new();
			PangoAttribute *a = pango_attr_font_features_new("fwid");
			a->start_index = (guint)at;
			a->end_index = (guint)(at + (size_t)k);
			pango_attr_list_insert(attrs, a);
		}
		at += (size_t)k;
	}
	if (attrs) {
		pango_layout_set_attributes(l, attrs);
		pango_attr_list_unref(attrs);
	}
}

static PangoLayout *layout(struct pdf *p, const char *text, double size, bool bold, double width,
			   PangoAlignment align)
{
	PangoLayout *l = pango_layout_new(p->pc);
	PangoFontDescription *fd = pango_font_description_from_string(FONT);
	pango_font_description_set_size(fd, (gint)(size * PANGO_SCALE));
	if (bold)
		pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	if (width > 0) {
		pango_layout_set_width(l, (int)(width * PANGO_SCALE));
		pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	}
	pango_layout_set_alignment(l, align);
	pango_layout_set_line_spacing(l, 1.1f);
	pango_layout_set_text(l, text ? text : "", -1);
	full_width_symbols(l, text);
	return l;
}

static double height_of(PangoLayout *l)
{
	int w, h;
	pango_layout_get_size(l, &w, &h);
	return (double)h / PANGO_SCALE;
}

static double width_of(PangoLayout *l)
{
	int w, h;
	pango_layout_get_size(l, &w, &h);
	return (double)w / PANGO_SCALE;
}

static void show(struct pdf *p, PangoLayout *l, double x, double y)
{
	op_add(p, (struct op){.k = OP_TEXT, .l = g_object_ref(l), .x = x, .y = y});
}

static void rect(struct pdf *p, double x, double y, double w, double h, double width)
{
	op_add(p, (struct op){.k = OP_RECT, .x = x, .y = y, .x2 = w, .y2 = h, .w = width});
}

static void grey(struct pdf *p, double g)
{
	op_add(p, (struct op){.k = OP_GREY, .w = g});
}

/* Draw text at (x, y) and return its height. */
static double text_at(struct pdf *p, const char *text, double size, bool bold, double x, double y,
		      double width, PangoAlignment align)
{
	PangoLayout *l = layout(p, text, size, bold, width, align);
	show(p, l, x, y);
	double h = height_of(l);
	g_object_unref(l);
	return h;
}

static void hline(struct pdf *p, double x0, double x1, double y, double w)
{
	op_add(p, (struct op){.k = OP_STROKE, .x = x0, .y = y, .x2 = x1, .y2 = y, .w = w});
}

static void vline(struct pdf *p, double x, double y0, double y1)
{
	op_add(p, (struct op){.k = OP_STROKE, .x = x, .y = y0, .x2 = x, .y2 = y1, .w = LINE});
}

static void fill(struct pdf *p, double x, double y, double w, double h, double g)
{
	op_add(p, (struct op){.k = OP_FILL, .x = x, .y = y, .x2 = w, .y2 = h, .w = g});
}

/* ---- pages ---------------------------------------------------------------- */

/* The stamp at the top right: whether the handout goes back. */
static void stamp(struct pdf *p)
{
	const char *lang = p->doc->lang;
	const char *text = rs(p->doc->names ? RS_STAMP_NAMES : RS_STAMP_ANON, lang);
	PangoLayout *l = layout(p, text, FS_STAMP, true, -1, PANGO_ALIGN_LEFT);
	double w = width_of(l) + 12, h = height_of(l) + 6;
	double x = PAGE_W - MARGIN_X - w, y = 22;
	rect(p, x, y, w, h, 1.2);
	show(p, l, x + 6, y + 3);
	g_object_unref(l);
}

static void page_begin(struct pdf *p)
{
	op_add(p, (struct op){.k = OP_PAGE});
	p->page++;
	stamp(p);
	p->y = MARGIN_T;
	if (p->page == 1)
		return;
	/* Later pages: which meeting, on a thin rule. */
	struct strbuf h = STRBUF_INIT;
	strbuf_appendf(&h, "%s　%s", p->doc->title, p->doc->subtitle ? p->doc->subtitle : "");
	grey(p, 0.25);
	PangoLayout *l =
	    layout(p, strbuf_str(&h), FS_SMALL, false, CONTENT_W - 130, PANGO_ALIGN_LEFT);
	pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END); /* one line, under the stamp */
	show(p, l, MARGIN_X, 27);
	g_object_unref(l);
	grey(p, 0);
	hline(p, MARGIN_X, PAGE_W - MARGIN_X, 42, 0.4);
	strbuf_free(&h);
}

#define FOOT_Y (PAGE_H - MARGIN_B + 14)

/* The foot of the page but its number, which waits for the page count. */
static void page_end(struct pdf *p)
{
	hline(p, MARGIN_X, PAGE_W - MARGIN_X, FOOT_Y, 0.4);
	if (p->doc->footer)
		text_at(p, p->doc->footer, FS_SMALL, false, MARGIN_X, FOOT_Y + 4, CONTENT_W - 70,
			PANGO_ALIGN_LEFT);
}

static void new_page(struct pdf *p)
{
	page_end(p);
	page_begin(p);
}

/* Start a new page unless h more points fit on this one. */
static void need(struct pdf *p, double h)
{
	if (p->y + h > BOTTOM && p->y > MARGIN_T + 1)
		new_page(p);
}

/* ---- tables --------------------------------------------------------------- */

struct tab {
	const struct report_table *t;
	bool head;      /* draw the head row */
	bool label_col; /* the first column is shaded like a head (facts) */
	double size;    /* font size */
	double *w;      /* column widths */
};

/* Short codes and the labels of a facts table stay as wide as their text. */
static bool keeps_width(const struct tab *tb, size_t c)
{
	return tb->t->cols[c].center || (c == 0 && tb->label_col);
}

/* Column widths filling the content width: short-code columns keep their
 * natural width, the rest share the room by weight, none much wider than
 * its text needs unless there is room to spare. */
static void widths(struct pdf *p, struct tab *tb)
{
	const struct report_table *t = tb->t;
	size_t n = t->ncols;
	double *nat = xcalloc(n, sizeof *nat);
	bool *fixed = xcalloc(n, sizeof *fixed);
	double total = 0;
	for (size_t c = 0; c < n; c++) {
		for (size_t r = 0; r <= t->nrows; r++) {
			const char *s = r == 0 ? (tb->head ? t->cols[c].head : "")
					       : report_cell_text(t, r - 1, c);
			PangoLayout *l = layout(p, s, tb->size, r == 0, -1, PANGO_ALIGN_LEFT);
			double x = width_of(l) + 2 * PAD + 1;
			g_object_unref(l);
			if (x > nat[c])
				nat[c] = x;
		}
		if (nat[c] < 20)
			nat[c] = 20;
		/* Labels of facts line up from one box to the next. */
		if (c == 0 && tb->label_col && nat[c] < CONTENT_W * 0.18)
			nat[c] = CONTENT_W * 0.18;
		total += nat[c];
	}
	double left = CONTENT_W;
	unsigned weights = 0;
	for (size_t c = 0; c < n; c++) {
		bool label = c == 0 && tb->label_col && nat[c] <= CONTENT_W / 3;
		if ((label || (t->cols[c].center && nat[c] <= CONTENT_W / 5)) &&
		    total > CONTENT_W) {
			tb->w[c] = nat[c];
			fixed[c] = true;
			left -= nat[c];
		} else {
			weights += t->cols[c].weight;
		}
	}
	if (total <= CONTENT_W) {
		/* Everything fits: spread the spare room over the text columns. */
		unsigned tw = 0;
		for (size_t c = 0; c < n; c++)
			tw += keeps_width(tb, c) ? 0 : t->cols[c].weight;
		for (size_t c = 0; c < n; c++)
			tb->w[c] = nat[c] + (tw && !keeps_width(tb, c)
						 ? (CONTENT_W - total) * t->cols[c].weight / tw
						 : 0);
		if (!tw)
			for (size_t c = 0; c < n; c++)
				tb->w[c] = nat[c] * CONTENT_W / total;
		goto done;
	}
	for (bool changed = true; changed && weights;) {
		changed = false;
		for (size_t c = 0; c < n; c++) {
			if (fixed[c])
				continue;
			double share = left * t->cols[c].weight / weights;
			if (nat[c] <= share) {
				tb->w[c] = nat[c];
				fixed[c] = true;
				left -= nat[c];
				weights -= t->cols[c].weight;
				changed = true;
			}
		}
	}
	for (size_t c = 0; c < n; c++)
		if (!fixed[c])
			tb->w[c] = weights ? left * t->cols[c].weight / weights : 20;
done:
	free(nat);
	free(fixed);
}

/* The laid-out cells of one row and its height. */
struct row {
	PangoLayout **cells;
	double h;
};

static void row_make(struct pdf *p, const struct tab *tb, size_t r, struct row *out)
{
	const struct report_table *t = tb->t;
	out->cells = xcalloc(t->ncols, sizeof *out->cells);
	out->h = 0;
	for (size_t c = 0; c < t->ncols; c++) {
		bool head = r == (size_t)-1;
		const char *s = head ? t->cols[c].head : report_cell_text(t, r, c);
		if (!head && t->cols[c].merge && r > 0 &&
		    strcmp(s, report_cell_text(t, r - 1, c)) == 0)
			s = ""; /* shown once, in the first row of the run */
		PangoAlignment al =
		    head || t->cols[c].center ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT;
		out->cells[c] = layout(p, s, tb->size, head, tb->w[c] - 2 * PAD, al);
		double h = height_of(out->cells[c]) + 2 * PAD;
		if (h > out->h)
			out->h = h;
	}
}

static void row_free(const struct report_table *t, struct row *rw)
{
	for (size_t c = 0; c < t->ncols; c++)
		g_object_unref(rw->cells[c]);
	free(rw->cells);
}

/*
 * Draw a row at p->y.  merged_above[c] leaves out the rule between this
 * cell and the one above (the same value continues).
 */
static void row_draw(struct pdf *p, const struct tab *tb, const struct row *rw, bool head,
		     const bool *merged_above)
{
	const struct report_table *t = tb->t;
	double x = MARGIN_X;
	for (size_t c = 0; c < t->ncols; c++) {
		if (head)
			fill(p, x, p->y, tb->w[c], rw->h, 0.86);
		else if (c == 0 && tb->label_col)
			fill(p, x, p->y, tb->w[c], rw->h, 0.92);
		show(p, rw->cells[c], x + PAD, p->y + PAD);
		if (!merged_above || !merged_above[c])
			hline(p, x, x + tb->w[c], p->y, LINE);
		vline(p, x, p->y, p->y + rw->h);
		x += tb->w[c];
	}
	vline(p, x, p->y, p->y + rw->h);
	p->y += rw->h;
}

static double table_width(const struct tab *tb)
{
	double w = 0;
	for (size_t c = 0; c < tb->t->ncols; c++)
		w += tb->w[c];
	return w;
}

static double block_title_height(struct pdf *p, const char *title);
static void block_title(struct pdf *p, const char *title);

/*
 * A table with its title.  Every row is laid out once, up front, so the
 * table knows its height: a grid that fits a page but not what is left of
 * this one starts a new page, and the title always keeps with the head and
 * the first row.  Rows never split; the head repeats on each new page.
 */
static void table(struct pdf *p, struct tab *tb, const char *title)
{
	const struct report_table *t = tb->t;
	double *w = xcalloc(t->ncols, sizeof *w);
	tb->w = w;
	widths(p, tb);
	double tw = table_width(tb);
	struct row head = {0};
	if (tb->head)
		row_make(p, tb, (size_t)-1, &head);
	struct row *rows = xcalloc(t->nrows ? t->nrows : 1, sizeof *rows);
	double all = block_title_height(p, title) + head.h;
	for (size_t r = 0; r < t->nrows; r++) {
		row_make(p, tb, r, &rows[r]);
		all += rows[r].h;
	}
	if (t->grid && all <= BOTTOM - MARGIN_T && p->y + all > BOTTOM)
		new_page(p);
	need(p, block_title_height(p, title) + head.h + (t->nrows ? rows[0].h : 0));
	block_title(p, title);
	bool *merged = xcalloc(t->ncols, sizeof *merged);
	if (tb->head)
		row_draw(p, tb, &head, true, NULL);
	bool top_of_page = false;
	for (size_t r = 0; r < t->nrows; r++) {
		if (p->y + rows[r].h > BOTTOM && p->y > MARGIN_T + 1) {
			hline(p, MARGIN_X, MARGIN_X + tw, p->y, LINE);
			new_page(p);
			if (tb->head)
				row_draw(p, tb, &head, true, NULL);
			top_of_page = true;
		}
		for (size_t c = 0; c < t->ncols; c++)
			merged[c] =
			    !top_of_page && r > 0 && t->cols[c].merge &&
			    *report_cell_text(t, r, c) &&
			    strcmp(report_cell_text(t, r, c), report_cell_text(t, r - 1, c)) == 0;
		row_draw(p, tb, &rows[r], false, merged);
		row_free(t, &rows[r]);
		top_of_page = false;
	}
	hline(p, MARGIN_X, MARGIN_X + tw, p->y, LINE);
	if (tb->head)
		row_free(t, &head);
	free(rows);
	free(merged);
	free(w);
	tb->w = NULL;
}

/* ---- blocks --------------------------------------------------------------- */

static double block_title_height(struct pdf *p, const char *title)
{
	if (!title)
		return 0;
	PangoLayout *l = layout(p, title, FS_BLOCK, true, CONTENT_W, PANGO_ALIGN_LEFT);
	double h = height_of(l) + 8;
	g_object_unref(l);
	return h;
}

static void block_title(struct pdf *p, const char *title)
{
	if (!title)
		return;
	p->y += 4;
	struct strbuf s = STRBUF_INIT;
	strbuf_appendf(&s, "■ %s", title);
	p->y +=
	    text_at(p, strbuf_str(&s), FS_BLOCK, true, MARGIN_X, p->y, CONTENT_W, PANGO_ALIGN_LEFT);
	p->y += 4;
	strbuf_free(&s);
}

static void note(struct pdf *p, const char *text)
{
	PangoLayout *l = layout(p, text, FS_NOTE, false, CONTENT_W, PANGO_ALIGN_LEFT);
	double h = height_of(l);
	need(p, h + 3);
	show(p, l, MARGIN_X, p->y + 2);
	p->y += h + 3;
	g_object_unref(l);
}

/* Facts as a two-column ruled table, labels shaded. */
static void facts(struct pdf *p, const struct report_block *b)
{
	struct report_table t = {0};
	struct report_col cols[2] = {{NULL, 1, false, false}, {NULL, 4, false, false}};
	char **cells = xcalloc(2 * b->nfacts, sizeof *cells);
	for (size_t i = 0; i < b->nfacts; i++) {
		cells[2 * i] = b->facts[i].label;
		cells[2 * i + 1] = b->facts[i].value;
	}
	t.ncols = 2;
	t.cols = cols;
	t.nrows = b->nfacts;
	t.cells = cells;
	struct tab tb = {.t = &t, .head = false, .label_col = true, .size = FS_FACTS};
	table(p, &tb, b->title);
	free(cells);
}

/* A paragraph in a ruled box, split line by line across pages. */
static void paragraph(struct pdf *p, const char *text)
{
	PangoLayout *l = layout(p, text, FS_TEXT, false, CONTENT_W - 4 * PAD, PANGO_ALIGN_LEFT);
	double top = p->y;
	p->y += 2 * PAD;
	PangoLayoutIter *it = pango_layout_get_iter(l);
	int n = 0;
	do {
		PangoRectangle lr;
		pango_layout_iter_get_line_extents(it, NULL, &lr);
		double lh = (double)lr.height / PANGO_SCALE;
		if (p->y + lh + 2 * PAD > BOTTOM) {
			rect(p, MARGIN_X, top, CONTENT_W, p->y - top, LINE);
			new_page(p);
			top = p->y;
			p->y += 2 * PAD;
		}
		double base = (double)pango_layout_iter_get_baseline(it) / PANGO_SCALE;
		double ly = (double)lr.y / PANGO_SCALE;
		op_add(p, (struct op){.k = OP_LINE,
				      .l = g_object_ref(l),
				      .n = n++,
				      .x = MARGIN_X + 2 * PAD + (double)lr.x / PANGO_SCALE,
				      .y = p->y + (base - ly)});
		p->y += lh;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	p->y += 2 * PAD;
	rect(p, MARGIN_X, top, CONTENT_W, p->y - top, LINE);
	g_object_unref(l);
}

static void block(struct pdf *p, const struct report_block *b)
{
	switch (b->kind) {
	case REPORT_BLOCK_FACTS:
		facts(p, b);
		break;
	case REPORT_BLOCK_TEXT: {
		/* Whole on one page when it fits a page, with its title. */
		double th = block_title_height(p, b->title);
		PangoLayout *l =
		    layout(p, b->text, FS_TEXT, false, CONTENT_W - 4 * PAD, PANGO_ALIGN_LEFT);
		double h = height_of(l) + 4 * PAD;
		g_object_unref(l);
		need(p, th + (h <= BOTTOM - MARGIN_T - th ? h : 40));
		block_title(p, b->title);
		paragraph(p, b->text);
		break;
	}
	case REPORT_BLOCK_TABLE: {
		struct tab tb = {.t = &b->table, .head = true, .size = FS_TABLE};
		table(p, &tb, b->title);
		if (b->table.note)
			note(p, b->table.note);
		break;
	}
	}
	p->y += 5;
}

static void section_heading(struct pdf *p, const struct report_section *s)
{
	double size = s->new_page ? FS_CASE : FS_SECTION;
	PangoLayout *l = layout(p, s->title, size, true, CONTENT_W - 20, PANGO_ALIGN_LEFT);
	double h = height_of(l) + 8;
	need(p, h + 60);
	p->y += 4;
	fill(p, MARGIN_X, p->y, CONTENT_W, h, 0.90);
	fill(p, MARGIN_X, p->y, 6, h, 0.0);
	if (s->new_page) {
		rect(p, MARGIN_X, p->y, CONTENT_W, h, 0.8);
	}
	show(p, l, MARGIN_X + 14, p->y + 4);
	p->y += h + 6;
	g_object_unref(l);
}

static void title_block(struct pdf *p)
{
	const struct report_doc *d = p->doc;
	if (d->banner) {
		PangoLayout *l =
		    layout(p, d->banner, FS_SECTION, true, CONTENT_W - 12, PANGO_ALIGN_CENTER);
		double h = height_of(l) + 8;
		rect(p, MARGIN_X, p->y, CONTENT_W, h, 1.4);
		show(p, l, MARGIN_X + 6, p->y + 4);
		g_object_unref(l);
		p->y += h + 8;
	}
	hline(p, MARGIN_X, PAGE_W - MARGIN_X, p->y, 1.6);
	p->y += 8;
	if (d->issuer)
		p->y += 2 + text_at(p, d->issuer, FS_ISSUER, false, MARGIN_X, p->y, CONTENT_W,
				    PANGO_ALIGN_CENTER);
	p->y += text_at(p, d->title, FS_TITLE, true, MARGIN_X, p->y, CONTENT_W, PANGO_ALIGN_CENTER);
	if (d->subtitle)
		p->y += 2 + text_at(p, d->subtitle, FS_SUB, false, MARGIN_X, p->y + 2, CONTENT_W,
				    PANGO_ALIGN_CENTER);
	p->y += 8;
	hline(p, MARGIN_X, PAGE_W - MARGIN_X, p->y, 1.6);
	p->y += 6;
}

/* ---- the document ------------------------------------------------------------ */

static void draw(struct pdf *p)
{
	page_begin(p);
	title_block(p);
	for (size_t si = 0; si < p->doc->nsecs; si++) {
		const struct report_section *s = &p->doc->secs[si];
		/* A case starts a new page only when little of this one is left:
		 * starting every case on a page of its own left the meeting's
		 * page half empty and a case's last table alone on a page. */
		if (s->new_page && p->y > MARGIN_T + 1 && BOTTOM - p->y < CASE_MIN_ROOM)
			new_page(p);
		else if (s->new_page && p->y > MARGIN_T + 1)
			p->y += 10;
		section_heading(p, s);
		for (size_t bi = 0; bi < s->nblocks; bi++)
			block(p, &s->blocks[bi]);
	}
	page_end(p);
}

static cairo_status_t to_strbuf(void *ctx, const unsigned char *data, unsigned int len)
{
	if (ctx)
		strbuf_appendn(ctx, (const char *)data, len);
	return CAIRO_STATUS_SUCCESS;
}

/* The page number "n / N" at the foot. */
static void page_number(cairo_t *cr, PangoContext *pc, int n, int of)
{
	char num[48];
	snprintf(num, sizeof num, "%d / %d", n, of);
	struct pdf q = {.pc = pc};
	PangoLayout *l = layout(&q, num, 9, false, 60, PANGO_ALIGN_RIGHT);
	cairo_set_source_rgb(cr, 0, 0, 0);
	cairo_move_to(cr, PAGE_W - MARGIN_X - 60, FOOT_Y + 4);
	pango_cairo_show_layout(cr, l);
	g_object_unref(l);
}

/* Draw the operations onto the PDF, page by page, numbered. */
static void replay(struct pdf *p, cairo_t *cr)
{
	int page = 0;
	cairo_set_source_rgb(cr, 0, 0, 0);
	for (size_t i = 0; i < p->nops; i++) {
		struct op *o = &p->ops[i];
		switch (o->k) {
		case OP_PAGE:
			if (page) {
				page_number(cr, p->pc, page, p->page);
				cairo_show_page(cr);
			}
			page++;
			cairo_set_source_rgb(cr, 0, 0, 0);
			break;
		case OP_TEXT:
			cairo_move_to(cr, o->x, o->y);
			pango_cairo_show_layout(cr, o->l);
			break;
		case OP_LINE:
			cairo_move_to(cr, o->x, o->y);
			pango_cairo_show_layout_line(cr,
						     pango_layout_get_line_readonly(o->l, o->n));
			break;
		case OP_STROKE:
			cairo_set_line_width(cr, o->w);
			cairo_move_to(cr, o->x, o->y);
			cairo_line_to(cr, o->x2, o->y2);
			cairo_stroke(cr);
			break;
		case OP_RECT:
			cairo_set_line_width(cr, o->w);
			cairo_rectangle(cr, o->x, o->y, o->x2, o->y2);
			cairo_stroke(cr);
			break;
		case OP_FILL:
			cairo_set_source_rgb(cr, o->w, o->w, o->w);
			cairo_rectangle(cr, o->x, o->y, o->x2, o->y2);
			cairo_fill(cr);
			cairo_set_source_rgb(cr, 0, 0, 0);
			break;
		case OP_GREY:
			cairo_set_source_rgb(cr, o->w, o->w, o->w);
			break;
		}
		if (o->l)
			g_object_unref(o->l);
	}
	if (page) {
		page_number(cr, p->pc, page, p->page);
		cairo_show_page(cr);
	}
	free(p->ops);
}

/* Lay the document out into operations, then draw them on the PDF. */
static enum kaigi_status render(const struct report_doc *doc, PangoFontMap *fm, struct strbuf *out,
				struct kaigi_error *err)
{
	PangoContext *pc = pango_font_map_create_context(fm);
	pango_cairo_context_set_resolution(pc, 72); /* pango points = page points */
	cairo_font_options_t *fo = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	pango_cairo_context_set_font_options(pc, fo);
	cairo_font_options_destroy(fo);
	PangoLanguage *lang =
	    pango_language_from_string(strcmp(doc->lang, "en") == 0 ? "en" : "ja");
	pango_context_set_language(pc, lang);
	struct pdf p = {.pc = pc, .doc = doc};
	draw(&p);

	cairo_surface_t *sf = cairo_pdf_surface_create_for_stream(to_strbuf, out, PAGE_W, PAGE_H);
	cairo_pdf_surface_set_metadata(sf, CAIRO_PDF_METADATA_TITLE, doc->title);
	cairo_pdf_surface_set_metadata(sf, CAIRO_PDF_METADATA_CREATOR, "kaigi " KAIGI_VERSION);
	cairo_t *cr = cairo_create(sf);
	replay(&p, cr);
	g_object_unref(pc);
	cairo_status_t cs = cairo_status(cr);
	cairo_destroy(cr);
	cairo_surface_finish(sf);
	if (cs == CAIRO_STATUS_SUCCESS)
		cs = cairo_surface_status(sf);
	cairo_surface_destroy(sf);
	if (cs != CAIRO_STATUS_SUCCESS)
		return kaigi_error_set(err, KAIGI_EENV, NULL, 0, 0,
				       "cairo could not draw the PDF: %s",
				       cairo_status_to_string(cs));
	return KAIGI_OK;
}

/* Which kaigi this module belongs to: the loader refuses another's. */
const char kaigi_pdf_module_version[] = KAIGI_VERSION;

enum kaigi_status kaigi_pdf_module_render(const struct report_doc *doc, struct strbuf *out,
					  struct kaigi_error *err);
enum kaigi_status kaigi_pdf_module_render(const struct report_doc *doc, struct strbuf *out,
					  struct kaigi_error *err)
{
	/* One font map for the life of the process, kept in a static rather
	 * than pango's per-thread default: loading IPAex Gothic again for each
	 * PDF would cost more than drawing it, and a pointer leak checkers can
	 * see is not reported as lost.  kaigi draws from one thread. */
	static PangoFontMap *fm;
	if (!fm)
		fm = pango_cairo_font_map_new();
	return render(doc, fm, out, err);
}

#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""check_report.py CHECK — the report tests that run the real binary.

Each CHECK imports tests/data/report/meeting.yaml into a fresh database with
`kaigi import` and renders the meeting of 2025-06-12 with `kaigi report`:

  text        content in order; every line at most 80 display columns;
              no line of text (nor of a table cell) starts with 、。」） …
  markdown    content; every table row has the table's number of cells
  html        content; one self-contained file: no URL, no external
              resource, a CSP forbidding requests, page breaks between cases
  pdf         content through pdftotext; A4; the expected pages; IPAex
              Gothic embedded (pdffonts)
  image       page 2 as a PNG (pdftoppm) against tests/data/report/page2.png
  anonymised  no format holds any value of sensitive.txt; with --names they
              are there and the document says it holds personal information
  cli         finding meetings, formats, -o, exit statuses

Exit 77 (meson: skipped) when a tool a check needs is missing.
Set KAIGI_UPDATE_REFERENCE=1 to rewrite the reference image (look at it!).
"""
import os
import shutil
import subprocess
import sys
import tempfile
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pngdiff  # noqa: E402

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from kaigi_test import BIN, SKIP, TempDb, fail, run_check, source  # noqa: E402

DATA = source("tests", "data", "report")
FIXTURE = os.path.join(DATA, "meeting.yaml")
MEETING = "2025-06-12"

# What the summary of the fixture must hold, in this order (Japanese).
CONTENT_JA = [
    "令和7年度 第3回 自立支援型地域ケア個別会議",
    "自立支援型地域ケア個別会議",          # the kind
    "令和7年6月12日（木）",               # date
    "13:30",
    "みどり市役所 本庁舎3階 301会議室",    # place
    "みどり市 高齢介護課",                 # facilitator by organisation
    "みどり市は、住み慣れた地域で",         # the vision (given with --vision)
    "多職種の視点から",                    # purpose
    "3事例それぞれについて",                # today's target
    "3事例とも課題・目標",                  # reached
    "服薬管理の地域課題について",           # left for next time
    "出席者（14名）",
    "リハビリ職（PT・OT・ST）",             # attendance by the template's roles
]
CONTENT_JA += [
    "MD-2025-031", "H.Y.", "80-84", "女性", "要支援2", "独居。長女が市外に住み",
    "一人でスーパーへ買い物に行って",       # the wish
    "ADL・IADL状況", "事前判定", "事後予測", "屋外歩行", "↑",
    "買い物に行けない", "屋外を10分以上続けて歩ける体力",   # issue: demand, need
    "長期目標", "2025-06〜2026-06",   # goal with its period (a range)
    "一人でスーパーへ買い物",
    "理学療法士（PT）", "作業療法士（OT）", "管理栄養士",   # advice by profession
    "ケアマネジャー", "シルバーカーと浴槽台", "令和7年6月30日",  # action who/what/when
    "支援経過の報告日", "令和7年9月11日（木）",
    "坂道の途中に休める場所",               # regional issue of the case
    "MD-2025-032", "男性", "事業対象者", "妻と二人暮らし",
    "MD-2024-118", "要介護1", "課題整理総括表", "前回", "↓",
    "服薬管理を支える仕組みがない",
    "本日の地域課題（まとめ）", "通院・買い物の移動手段が乏しい",
    "会議終了時に回収します",              # the footer
]
# Content of the fixture that must never reach the summary: the hint of a
# grid is a legend and stays; blank grid rows are left out.
ABSENT = ["室内移動の", "着脱衣", "ごみ出しはっきり"]

VISION = "みどり市は、住み慣れた地域で自分らしく暮らし続けられるまちを目指します。"
NO_START = set("、。，．・：；？！）］｝〕〉》」』】ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々)]},.:;!?")


def need_tool(name):
    if not shutil.which(name):
        print("SKIP: %s is not installed" % name)
        sys.exit(SKIP)


def width(s, cjk=False):
    """Display width as a terminal counts it (East Asian Wide/Full = 2);
    cjk: as a terminal in a Japanese locale, Ambiguous (↑ △ × ①) = 2 too."""
    w = 0
    wide = ("W", "F", "A") if cjk else ("W", "F")
    for ch in s:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        w += 2 if unicodedata.east_asian_width(ch) in wide else 1
    return w


class Env(TempDb):
    """A database with the fixture imported (no user forms), and its
    report in each format."""

    def __init__(self):
        super().__init__(FIXTURE, "kaigi-report-")

    def report(self, fmt, lang="ja", extra=(), binary=False):
        args = ["report", MEETING, "--format", fmt, "--vision", VISION] + list(extra)
        if fmt == "pdf":
            out = os.path.join(self.dir, "r-%s-%d.pdf" % (lang, len(extra)))
            args += ["-o", out]
        r = self.run(args, lang)
        if r.returncode != 0:
            fail("kaigi %s: exit %d: %s" % (" ".join(args), r.returncode, r.stderr.decode()))
        if fmt == "pdf":
            return out if binary else pdf_text(out)
        return r.stdout.decode("utf-8")


def pdf_text(path):
    need_tool("pdftotext")
    r = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", path, "-"], capture_output=True)
    if r.returncode != 0:
        fail("pdftotext: " + r.stderr.decode())
    return r.stdout.decode("utf-8")


def squash(s):
    return "".join(s.split())


def check_order(text, items, what, squashed=False):
    hay = squash(text) if squashed else text
    at = 0
    for item in items:
        needle = squash(item) if squashed else item
        i = hay.find(needle, at)
        if i < 0:
            where = "anywhere" if hay.find(needle) < 0 else "after the previous item"
            fail("%s: '%s' not found %s" % (what, item, where))
        at = i + len(needle)
    for item in ABSENT:
        if item in hay:
            fail("%s: '%s' should not be there" % (what, item))


def sensitive_values():
    vals = []
    with open(os.path.join(DATA, "sensitive.txt"), encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                vals.append(line)
    return vals


# ---- checks ---------------------------------------------------------------------


def check_text(e):
    text = e.report("txt")
    check_order(text, CONTENT_JA, "text")
    for n, line in enumerate(text.split("\n"), 1):
        # 80 columns also in a Japanese terminal (↑ △ × ① made
        # 34 lines 81–82 columns there)
        if width(line, cjk=True) > 80:
            fail("text line %d is %d columns in a CJK terminal: %s" %
                 (n, width(line, cjk=True), line))
        body = line.strip()
        # Table rows: each cell's text; otherwise the line after its indent
        # and any "label : " prefix.
        parts = [c.strip() for c in body.split("|")[1:-1]] if body.startswith("|") else [body]
        for p in parts:
            if " : " in p:
                p = p.split(" : ", 1)[1].strip()
            if p and p[0] in NO_START:
                fail("text line %d starts a line with '%s': %s" % (n, p[0], line))
    # Table cells are not split mid-word where a better break exists
    # (個人因｜子, コーディ｜ネーター).
    for word in ("因子）", "コーディネーター", "資源発掘"):
        if word not in text:
            fail("text splits '%s' inside a table cell" % word)
    # Tables line up: every ruled line of one table has the same width.
    widths = {width(l, cjk=True) for l in text.split("\n") if l.startswith(("+", "|"))}
    if max(widths) > 80:
        fail("a table is wider than 80 columns")
    en = e.report("txt", lang="en")
    check_order(en, ["Meeting summary", "Attendance (14)", "Case 1: MD-2025-031",
                     "ADL/IADL situation", "Issues", "Goals", "Advice by profession",
                     "Agreed actions", "Follow-up report date", "Regional issues raised today",
                     "collected at the end of the meeting"], "text (en)")
    for n, line in enumerate(en.split("\n"), 1):
        if width(line) > 80:
            fail("English text line %d is %d columns" % (n, width(line)))
    narrow = e.run(["report", MEETING, "--width", "60"]).stdout.decode()
    if max(width(l, cjk=True) for l in narrow.split("\n")) > 60:
        fail("--width 60 is not kept")


def md_cells(row):
    """Cells of a pipe-table row, honouring backslash escapes."""
    cells, cur, esc = [], "", False
    for ch in row.strip()[1:]:
        if esc:
            cur += ch
            esc = False
        elif ch == "\\":
            esc = True
        elif ch == "|":
            cells.append(cur)
            cur = ""
        else:
            cur += ch
    return cells


def check_markdown(e):
    md = e.report("md")
    check_order(md, CONTENT_JA, "markdown")
    lines = md.split("\n")
    tables = 0
    i = 0
    while i < len(lines):
        if lines[i].startswith("|") and i + 1 < len(lines) and lines[i + 1].startswith("|-") \
                or (lines[i].startswith("|") and i + 1 < len(lines)
                    and lines[i + 1].startswith("|:")):
            n = len(md_cells(lines[i]))
            tables += 1
            j = i + 1
            while j < len(lines) and lines[j].startswith("|"):
                if len(md_cells(lines[j])) != n:
                    fail("markdown line %d has %d cells, the table %d" %
                         (j + 1, len(md_cells(lines[j])), n))
                j += 1
            i = j
        else:
            i += 1
    if tables < 15:
        fail("markdown has %d tables, expected at least 15" % tables)
    if not lines[0].startswith("# "):
        fail("markdown does not start with a title")


def check_html(e):
    from html.parser import HTMLParser
    html = e.report("html")
    import html as htmlmod
    check_order(htmlmod.unescape(html), CONTENT_JA, "html")
    low = html.lower()
    for bad in ("http://", "https://", "//fonts", "src=", "href=", "@import", "url(",
                "<script", "<link", "<img", "<iframe"):
        if bad in low:
            fail("html refers to something outside itself: %s" % bad)
    for want in ("default-src 'none'", "@page{size:a4", "break-before:page",
                 "<section class=\"case\">", "charset=\"utf-8\""):
        if want not in low:
            fail("html lacks %s" % want)
    if html.count("<section class=\"case\">") != 3:
        fail("html should have 3 case sections")

    class Balance(HTMLParser):
        VOID = {"meta", "br", "col", "link", "img", "hr", "input"}

        def __init__(self):
            super().__init__()
            self.stack = []

        def handle_starttag(self, tag, attrs):
            if tag not in self.VOID:
                self.stack.append(tag)

        def handle_endtag(self, tag):
            if not self.stack or self.stack[-1] != tag:
                fail("html: </%s> closes <%s>" % (tag, self.stack[-1] if self.stack else "-"))
            self.stack.pop()

    b = Balance()
    b.feed(html)
    if b.stack:
        fail("html: unclosed %s" % b.stack)


def pdf_info(path, key):
    need_tool("pdfinfo")
    out = subprocess.run(["pdfinfo", path], capture_output=True).stdout.decode()
    for line in out.split("\n"):
        if line.startswith(key + ":"):
            return line.split(":", 1)[1].strip()
    return ""


def check_pdf(e):
    if not pdf_built(e):
        return
    path = e.report("pdf", binary=True)
    check_order(pdf_text(path), CONTENT_JA, "pdf", squashed=True)
    if not pdf_info(path, "Page size").startswith("595.276 x 841.89"):
        fail("pdf is not A4: " + pdf_info(path, "Page size"))
    pages = int(pdf_info(path, "Pages"))
    # The cover with attendance, case 1 on a page and the top of the next,
    # case 2 below it, case 3 (a follow-up: its grid compared with last time
    # too) on the next and the rest of it with the meeting's regional issues
    # on the last: a change here is a layout change to look at.  (Each case
    # on pages of its own took 6, with a page holding an eighth.)
    if pages != 5:
        fail("pdf has %d pages, expected 5" % pages)
    need_tool("pdffonts")
    fonts = subprocess.run(["pdffonts", path], capture_output=True).stdout.decode()
    ipa = [l for l in fonts.split("\n") if "IPAexGothic" in l]
    if not ipa:
        fail("IPAex Gothic is not in the pdf:\n" + fonts)
    for l in fonts.split("\n")[2:]:
        if l.strip() and l.split()[-5] != "yes":
            fail("a font is not embedded: " + l)
    text = pdf_text(path)
    for i in range(1, pages + 1):
        if "%d/%d" % (i, pages) not in squash(text):
            fail("page number %d / %d missing" % (i, pages))
    # Issue 16: the PDF stack (cairo, pango …) is a module loaded for a PDF
    # only; kaigi itself starts without it, as fast as dialog.
    need_tool("ldd")
    libs = subprocess.run(["ldd", BIN], capture_output=True).stdout.decode()
    for lib in ("libcairo", "libpango", "libharfbuzz", "libfontconfig", "libfreetype"):
        if lib in libs:
            fail("kaigi links %s at start; only kaigi-pdf.so should:\n%s" % (lib, libs))
    # A case's heading is on the page where its facts start; two cases fit
    # in four pages; no page but the last is near empty.
    page_texts = text.split("\f")
    for n, code in enumerate(["MD-2025-031", "MD-2025-032", "MD-2024-118"]):
        first = next(i for i, p in enumerate(page_texts) if code in p)
        if ("事例%d" % (n + 1)) not in squash(page_texts[first]):
            fail("case %d's heading is apart from its facts" % (n + 1))
    last_of_case2 = max(i for i, p in enumerate(page_texts) if "MD-2025-032" in p or
                        "妻と二人暮らし" in p or "ごみ分別を近所の班長" in p)
    # With the case facts the room worked from the second case
    # runs onto a fourth page; the third starts below it there.
    if last_of_case2 > 3:
        fail("the first two cases take %d pages, not 4" % (last_of_case2 + 1))
    for i, pt in enumerate(page_texts[:pages - 1]):
        lines = [l for l in pt.split("\n") if l.strip()]
        if len(lines) < 25:
            fail("page %d is near empty (%d lines)" % (i + 1, len(lines)))
    # A rating's symbol is drawn full width in the CJK font: ×1 as wide as
    # 〇2 and △1 (× fell back to a small Latin glyph).
    import re
    bbox = subprocess.run(["pdftotext", "-bbox", "-f", "2", "-l", "2", path, "-"],
                          capture_output=True).stdout.decode()
    wide = {}
    for x0, x1, word in re.findall(r'xMin="([\d.]+)"[^>]*xMax="([\d.]+)"[^>]*>([^<]+)<', bbox):
        if word in ("×1", "〇2", "△1"):
            wide.setdefault(word, float(x1) - float(x0))
    if len(wide) != 3 or abs(wide["×1"] - wide["〇2"]) > 0.5 or abs(wide["△1"] - wide["〇2"]) > 0.5:
        fail("ratings are not drawn alike: %r" % wide)
    en = e.report("pdf", lang="en")
    check_order(en, ["Meeting summary", "Case 1: MD-2025-031", "Advice by profession"],
                "pdf (en)", squashed=True)


def pdf_built(e):
    r = e.run(["report", MEETING, "--format", "pdf", "-o", os.path.join(e.dir, "probe.pdf")])
    if r.returncode == 3 and b"without PDF" in r.stderr:
        print("SKIP: kaigi was built without PDF support")
        sys.exit(SKIP)
    return True


def check_image(e):
    need_tool("pdftoppm")
    pdf_built(e)
    path = e.report("pdf", binary=True)
    png = os.path.join(e.dir, "page")
    subprocess.run(["pdftoppm", "-png", "-gray", "-r", "50", "-f", "2", "-l", "2",
                    "-singlefile", path, png], check=True)
    ref = os.path.join(DATA, "page2.png")
    if os.environ.get("KAIGI_UPDATE_REFERENCE"):
        shutil.copy(png + ".png", ref)
        print("wrote " + ref)
        return
    ok, why = pngdiff.compare(png + ".png", ref)
    if not ok:
        keep = os.path.join(tempfile.gettempdir(), "kaigi-report-page2.png")
        shutil.copy(png + ".png", keep)
        fail("page 2 differs from %s: %s (got %s)" % (ref, why, keep))
    print("page 2 matches the reference: " + why)


def check_anonymised(e):
    values = sensitive_values()
    outputs = {}
    for fmt in ("txt", "md", "html"):
        for lang in ("ja", "en"):
            outputs["%s/%s" % (fmt, lang)] = e.report(fmt, lang=lang)
    have_pdf = e.run(["report", MEETING, "-o", os.path.join(e.dir, "p.pdf")]).returncode == 0
    if have_pdf:
        outputs["pdf/ja"] = e.report("pdf")
    for name, out in outputs.items():
        flat = squash(out)
        for v in values:
            if v in out or squash(v) in flat:
                fail("anonymised %s holds the sensitive value '%s'" % (name, v))
        if "個人情報を含む" in out or "CONFIDENTIAL" in out:
            fail("anonymised %s says it holds personal information" % name)
    # The check would see them: with --names they are there.
    named = {"txt": e.report("txt", extra=["--names"])}
    if have_pdf:
        named["pdf"] = e.report("pdf", extra=["--names"])
    for name, out in named.items():
        flat = squash(out)
        # 清水 誠 was absent: absent participants are not listed at all.
        missing = [v for v in values if squash(v) not in flat and v != "清水 誠"]
        if missing:
            fail("--names %s lacks %s" % (name, missing))
        if "個人情報を含む資料です" not in flat:
            fail("--names %s does not say it holds personal information" % name)


def check_cli(e):
    def expect(args, status, what, lang="ja"):
        r = e.run(args, lang)
        if r.returncode != status:
            fail("kaigi %s: exit %d, expected %d (%s): %s" %
                 (" ".join(args), r.returncode, status, what, r.stderr.decode()))
        return r

    listing = expect(["meetings"], 0, "meetings").stdout.decode()
    lines = listing.strip().split("\n")
    if len(lines) != 2 or not lines[0].startswith("2025-06-12  13:30  0c9e8d7f   3事例"):
        fail("kaigi meetings: " + listing)
    if "2025-03-13" not in lines[1]:
        fail("kaigi meetings does not list the earlier meeting: " + listing)
    full = expect(["report", MEETING], 0, "by date").stdout
    expect(["report", "latest"], 0, "latest")
    mid = "0c9e8d7f-6a5b-4c3d-8e1f-2a3b4c5d6e70"
    if expect(["report", mid], 0, "by id").stdout != full:
        fail("the same meeting by id and by date differ")
    expect(["report", mid[:8]], 0, "by id prefix")
    expect(["report", "2025-06-13"], 1, "a date without a meeting")
    expect(["report", "nonsense"], 1, "neither id nor date")
    expect(["report", MEETING, "--format", "docx"], 2, "unknown format")
    expect(["report"], 2, "no meeting")
    expect(["report", MEETING, "--bogus"], 2, "unknown option")
    out = os.path.join(e.dir, "summary.md")
    expect(["report", MEETING, "-o", out], 0, "format from the extension")
    with open(out, encoding="utf-8") as f:
        if not f.read().startswith("# "):
            fail("-o summary.md did not write Markdown")
    if os.stat(out).st_mode & 0o077:
        fail("the summary file is readable by others")
    expect(["report", MEETING, "-o", os.path.join(e.dir, "missing", "x.txt")], 3,
           "unwritable output")
    missing_db = subprocess.run([BIN, "--db", os.path.join(e.dir, "none.db"), "report",
                                 MEETING], capture_output=True, env=e.env)
    if missing_db.returncode != 3 or os.path.exists(os.path.join(e.dir, "none.db")):
        fail("a missing database must be refused (exit 3) and not created")
    # The town and its vision come from the town settings: the shipped
    # example without a user file, the user's file when there is one.
    shipped = expect(["report", MEETING], 0, "settings").stdout.decode()
    if "みどり町" not in shipped or "住み慣れた地域で" not in shipped:
        fail("the shipped town settings are not on the summary")
    conf = os.path.join(e.env["XDG_CONFIG_HOME"], "kaigi")
    os.makedirs(conf, exist_ok=True)
    with open(os.path.join(conf, "config.yaml"), "w", encoding="utf-8") as f:
        f.write("town: {ja: さくら市, en: Sakura City}\nvision: {ja: だれもが役割をもつまち, "
                "en: A city where everyone has a part}\n")
    own = expect(["report", MEETING], 0, "own settings").stdout.decode()
    if "さくら市" not in own or "だれもが役割をもつまち" not in own or "みどり町" in own:
        fail("the user's town settings are not used")
    en = expect(["report", MEETING], 0, "own settings", lang="en").stdout.decode()
    if "Sakura City" not in en or "A city where everyone has a part" not in en:
        fail("the town settings are not used in English")
    with open(os.path.join(conf, "config.yaml"), "w", encoding="utf-8") as f:
        f.write("town: [broken\n")
    r = expect(["report", MEETING], 0, "broken settings still make a summary")
    if b"config.yaml:" not in r.stderr:
        fail("a broken settings file is not reported: " + r.stderr.decode())
    os.remove(os.path.join(conf, "config.yaml"))
    helptext = expect(["report", "--help"], 0, "help").stdout.decode()
    if "--names" not in helptext:
        fail("kaigi report --help does not mention --names")


CHECKS = {
    "text": check_text,
    "markdown": check_markdown,
    "html": check_html,
    "pdf": check_pdf,
    "image": check_image,
    "anonymised": check_anonymised,
    "cli": check_cli,
}


def main():
    return run_check(CHECKS, Env, "ok: {name}")


if __name__ == "__main__":
    sys.exit(main())

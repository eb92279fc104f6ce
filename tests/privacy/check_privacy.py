#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""check_privacy.py CHECK — anonymised for real, on the real binary.

Each CHECK imports tests/data/privacy/meeting.yaml (identifying values in the
identity fields, in sensitive fields and typed into free text) into a fresh
database and runs one family of outputs:

  summary   every format (txt, md, html in ja and en; pdf through pdftotext)
            holds none of identifying.txt, and still holds the ordinary text
            around them; --names is marked as personal information
  regional  kaigi report regional, every format and csv: none of them
  search    kaigi search for each identifying value and each ordinary word:
            no output holds an identifying value; --names is marked
  export    export yaml|csv --anonymised holds none, says so in its first
            line / file names; the plain export says it is complete, and
            --identity adds the identity fields
  identity  the identity fields round-trip through import and export
            --identity; a bad birth date is refused with FILE:LINE:COL

Exit 77 (skipped) when a tool a check needs is missing.
"""
import csv
import io
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from kaigi_test import TempDb, fail, run_check, source  # noqa: E402

DATA = source("tests", "data", "privacy")
FIXTURE = os.path.join(DATA, "meeting.yaml")
MEETING = "2026-11-20"
MARK = "〔伏せ字〕"


def lines_of(name):
    with open(os.path.join(DATA, name), encoding="utf-8") as f:
        return [l.rstrip("\n") for l in f if l.strip() and not l.startswith("#")]


IDENTIFYING = lines_of("identifying.txt")
ORDINARY = lines_of("ordinary.txt")


def squash(s):
    return "".join(s.split())


def fixture_db():
    """A database with the fixture imported."""
    return TempDb(FIXTURE, "kaigi-privacy-")


def pdf_text(path):
    if not shutil.which("pdftotext"):
        print("SKIP: pdftotext missing")
        sys.exit(77)
    r = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", path, "-"], capture_output=True)
    if r.returncode != 0:
        fail("pdftotext: " + r.stderr.decode())
    return r.stdout.decode("utf-8")


def holds_none(what, out):
    flat = squash(out)
    for v in IDENTIFYING:
        if v in out or squash(v) in flat:
            i = flat.find(squash(v))
            fail("%s holds the identifying value '%s': …%s…" % (what, v, flat[max(0, i - 30):i + 30]))


# ---- checks -----------------------------------------------------------------


def check_summary(e):
    outs = {}
    for fmt in ("txt", "md", "html"):
        for lang in ("ja", "en"):
            outs["%s/%s" % (fmt, lang)] = e.ok(["report", MEETING, "--format", fmt], lang)
    pdf = os.path.join(e.dir, "s.pdf")
    r = e.run(["report", MEETING, "-o", pdf])
    if r.returncode == 0:
        outs["pdf/ja"] = pdf_text(pdf)
    elif b"without PDF" not in r.stderr:
        fail("pdf: " + r.stderr.decode())
    for name, out in outs.items():
        holds_none("the anonymised summary (%s)" % name, out)
        if MARK not in out:
            fail("the summary (%s) hides nothing: the fixture's free text was not shown?" % name)
    ja = outs["md/ja"]
    # ordinary text around the hidden values survives
    for keep in ["独居。長女（携帯", "が月に1回訪問する", "一人でスーパーへ買い物に行きたい",
                 "（包括）", "301会議室", "令和8年11月20日", "令和8年11月30日", "1日3食をとる",
                 "坂道の途中に休める場所がない"]:
        if keep not in ja:
            fail("the summary lost ordinary text '%s'" % keep)
    # raised in the case and registered too: printed once in the case, once
    # in the meeting's roll-up (it was twice in the case)
    n = ja.count("坂道の途中に休める場所がない")
    if n != 2:
        fail("the regional issue is printed %d times, not 2 (case + roll-up)" % n)
    named = e.ok(["report", MEETING, "--format", "txt", "--names"])
    if "個人情報を含む資料です" not in squash(named):
        fail("--names summary is not marked as personal information")
    if "山田" not in named or "0562-92-1234" not in named:
        fail("--names summary hides the values it should show")
    named_md = e.ok(["report", MEETING, "--format", "md", "--names"])
    for v in ["**氏名**: 山田 花子", "**生年月日**: 1942-03-15", "**被保険者番号**: 1234567890"]:
        if v not in named_md:
            fail("--names summary lacks the identity '%s'" % v)


def check_regional(e):
    for fmt in ("txt", "md", "html", "csv"):
        out = e.ok(["report", "regional", "--format", fmt])
        holds_none("the regional report (%s)" % fmt, out)
        if fmt in ("md", "csv") and "坂道の途中に休める場所がない" not in out:
            fail("the regional report (%s) lost the issue" % fmt)
    pdf = os.path.join(e.dir, "r.pdf")
    if e.run(["report", "regional", "-o", pdf]).returncode == 0:
        holds_none("the regional report (pdf)", pdf_text(pdf))


def check_search(e):
    found_any = False
    for q in IDENTIFYING + ORDINARY:
        r = e.run(["search", q, "--limit", "0"])
        if r.returncode != 0:
            fail("search %s: exit %d %s" % (q, r.returncode, r.stderr.decode()))
        out = r.stdout.decode("utf-8")
        holds_none("search '%s'" % q, out)
        if out and "個人情報を含みます" in out:
            fail("search without --names is marked as personal information")
        found_any |= bool(out)
    for q in ORDINARY:
        if q in ("2026年度から",):
            continue
        out = e.ok(["search", q])
        if not out:
            fail("search finds nothing for the ordinary '%s'" % q)
    # an ordinary word of the text that held the name: the name is hidden there
    out = e.ok(["search", "腰痛で長く"])
    if MARK not in out:
        fail("search snippet of a text with a name shows no mark: " + out)
    named = e.ok(["search", "腰痛で長く", "--names"])
    if not named.startswith("【個人情報を含みます"):
        fail("search --names is not marked as personal information: " + named)
    if "山田花子" not in named:
        fail("search --names hides what it should show: " + named)
    out = e.ok(["search", "スーパー"], "en")
    named = e.ok(["search", "スーパー", "--names"], "en")
    if not named.startswith("[Contains personal information"):
        fail("search --names (en) is not marked")


def check_export(e):
    anon = os.path.join(e.dir, "anon.yaml")
    e.ok(["export", "yaml", "--anonymised", "-o", anon])
    with open(anon, encoding="utf-8") as f:
        text = f.read()
    if not text.startswith("# kaigi records — ANONYMISED"):
        fail("the anonymised export does not say so in its first line: " + text[:80])
    holds_none("export yaml --anonymised", text)
    for keep in ["PV-2026-001", "80-84", "降圧薬を1日3回", "301号室", MARK]:
        if keep not in text:
            fail("export yaml --anonymised lost '%s'" % keep)
    # what leaves the centre is still a record file: it imports
    e3 = TempDb(prefix="kaigi-privacy3-", env=e.env)
    try:
        e3.ok(["import", anon])
        holds_none("the anonymised export imported and exported again",
                   e3.ok(["export", "yaml"]))
    finally:
        e3.close()
    plain = e.ok(["export", "yaml"])
    if not plain.startswith("# kaigi records — COMPLETE"):
        fail("the plain export does not say it is complete: " + plain[:80])
    if "山田花子さんは" not in plain or "ヤマダ・ハ" not in plain:
        fail("the plain export is not complete")
    if "name: 山田 花子" in plain or "1942-03-15" in plain.replace("生年月日は1942-03-15", ""):
        fail("the plain export holds identity fields without --identity")
    if e.run(["export", "yaml", "--anonymised", "--identity"]).returncode != 2:
        fail("--anonymised with --identity is not a usage error")
    d = os.path.join(e.dir, "csv")
    e.ok(["export", "csv", "--anonymised", "-o", d])
    names = sorted(os.listdir(d))
    if not names or any("anonymised" not in n for n in names):
        fail("anonymised CSV files do not say so in their names: %s" % names)
    for n in names:
        with open(os.path.join(d, n), encoding="utf-8-sig") as f:
            holds_none("export csv --anonymised (%s)" % n, f.read())
    d2 = os.path.join(e.dir, "csv2")
    e.ok(["export", "csv", "-o", d2])
    if any("anonymised" in n for n in os.listdir(d2)):
        fail("plain CSV files are named anonymised")


def check_identity(e):
    full = e.ok(["export", "yaml", "--identity"])
    if not full.startswith("# kaigi records — COMPLETE, WITH IDENTITY"):
        fail("export --identity does not say so: " + full[:90])
    for v in ["name: 山田 花子", "kana: やまだ はなこ", "birth_date: 1942-03-15",
              "address: 愛知県豊明市栄町3丁目5番地12", "phone: 0562-92-1234",
              "insured_no: 1234567890"]:
        if v not in full:
            fail("export --identity lacks '%s'" % v)
    # round trip: into an empty database and out again, the same bytes
    path = os.path.join(e.dir, "full.yaml")
    with open(path, "w", encoding="utf-8") as f:
        f.write(full)
    e2 = TempDb(prefix="kaigi-privacy2-", env=e.env)
    try:
        e2.ok(["import", path])
        again = e2.ok(["export", "yaml", "--identity"])
        if again != full:
            fail("export --identity → import → export differs")
    finally:
        e2.close()
    # the audit trail says an identity value changed, never what it is
    import sqlite3
    con = sqlite3.connect("file:%s?mode=ro" % e.db, uri=True)
    rows = con.execute("SELECT path, old, new FROM audit WHERE tbl = 'person_identity'").fetchall()
    con.close()
    if not any(r[0] == "name" for r in rows):
        fail("identity changes are not audited: %r" % rows)
    if any(r[1] is not None or r[2] is not None for r in rows):
        fail("the audit trail holds identity values: %r" % rows)
    bad = os.path.join(e.dir, "bad.yaml")
    with open(bad, "w", encoding="utf-8") as f:
        f.write("kaigi: records\nversion: 1\npeople:\n  - code: X-1\n    birth_date: 1942/3/15\n")
    r = e.run(["import", bad])
    err = r.stderr.decode()
    if r.returncode != 1 or "bad.yaml:5:17: error:" not in err or "YYYY-MM-DD" not in err:
        fail("a bad birth date: exit %d, %s" % (r.returncode, err))
    if "X-1" in e.ok(["export", "yaml"]):
        fail("a refused import changed the database")


CHECKS = {
    "summary": check_summary,
    "regional": check_regional,
    "search": check_search,
    "export": check_export,
    "identity": check_identity,
}


def main():
    return run_check(CHECKS, fixture_db)


if __name__ == "__main__":
    sys.exit(main())

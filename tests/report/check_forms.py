#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""check_forms.py — the shipped case sheets, each end to end through the binary.

For the forms 入院前の状況報告書 (hospital_admission_report), 連携シート
(renkei_sheet) and the household case sheet (household_case_sheet): the form
loads and checks (`kaigi forms check`); a record answering every item —
generated here from the form's own YAML, so a field added later is covered
too — imports into a case of the Kawasaki-style template household_review;
the export holds every answer; the case packet prints every item that is not
sensitive (and no sensitive one).  For 地域概要 (region_overview), whose
answers live in the town settings: every item, and the calculated shares,
print on the cover of `kaigi report regional`.
"""
import os
import subprocess
import sys
import tempfile

import yaml

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from kaigi_test import BIN, ROOT, fail  # noqa: E402

CASE_FORMS = ["household_case_sheet", "hospital_admission_report", "renkei_sheet"]


def form_file(fid):
    for name in os.listdir(os.path.join(ROOT, "forms")):
        path = os.path.join(ROOT, "forms", name)
        with open(path, encoding="utf-8") as f:
            doc = yaml.safe_load(f)
        if doc.get("form") == fid:
            return path, doc
    fail("no form %s" % fid)


def choices_of(doc, f):
    c = f.get("choices")
    return doc["choices"][c] if isinstance(c, str) else c


def value_for(doc, f, n):
    """A valid answer for field f (n makes texts unique)."""
    t = f["type"]
    if t in ("text", "longtext"):
        return "答%d" % n if f.get("constraint") else "記入%d番の答え" % n
    if t == "integer":
        return max(f.get("min", 1), 1)
    if t == "decimal":
        return max(f.get("min", 1), 1)
    if t == "date":
        return "2026-12-%02d" % (1 + n % 28)
    if t == "boolean":
        return True
    if t == "select_one":
        return choices_of(doc, f)[-1]["value"]
    if t == "select_multiple":
        return [c["value"] for c in choices_of(doc, f)[:2]]
    return None


def answers_for(doc):
    """Every item of the form answered; with the printable texts expected."""
    out, n, shown, hidden = {}, 0, [], []
    for sec in doc["sections"]:
        for f in sec["fields"]:
            n += 1
            if f["type"] == "calculate":
                continue
            if f["type"] == "grid":
                cols = [c for c in f["columns"] if c["type"] != "calculate"]
                out[f["id"]] = {r["id"]: {c["id"]: value_for(doc, c, n) for c in cols}
                                for r in f["rows"]}
                shown += [r["label"]["ja"] for r in f["rows"]]
            elif f["type"] == "list":
                item = {}
                for s in f["fields"]:
                    n += 1
                    item[s["id"]] = value_for(doc, s, n)
                    if s["type"] in ("text", "longtext"):
                        (hidden if s.get("sensitive") else shown).append(item[s["id"]])
                out[f["id"]] = [item]
            else:
                out[f["id"]] = value_for(doc, f, n)
                if f.get("sensitive"):
                    if f["type"] in ("text", "longtext"):
                        hidden.append(out[f["id"]])
                else:
                    shown.append(f["label"]["ja"])
    return out, shown, hidden


def run(args, env=None, check=True):
    r = subprocess.run([BIN] + args, capture_output=True, env=env)
    if check and r.returncode != 0:
        fail("kaigi %s: %d\n%s" % (" ".join(args), r.returncode, r.stderr.decode()))
    return r.stdout.decode("utf-8")


def flat(text):
    return "".join(line.strip() for line in text.split("\n"))


def main():
    tmp = tempfile.mkdtemp(prefix="kaigi-forms-")
    db = os.path.join(tmp, "k.db")
    records, expect = [], {}
    for fid in CASE_FORMS:
        path, doc = form_file(fid)
        run(["forms", "check", path])
        answers, shown, hidden = answers_for(doc)
        records.append({"form": fid, "answers": answers})
        expect[fid] = (answers, shown, hidden)
    rec = {"kaigi": "records", "version": 1,
           "people": [{"code": "KW-2026-001", "initials": "A.B.", "age_band": "80代"}],
           "meetings": [{"template": "household_review", "title": "夜の事例検討会",
                         "date": "2026-12-24", "start": "18:30",
                         "cases": [{"person": "KW-2026-001", "records": records}]}]}
    src = os.path.join(tmp, "in.yaml")
    with open(src, "w", encoding="utf-8") as f:
        yaml.safe_dump(rec, f, allow_unicode=True)
    run(["--db", db, "import", "-q", src])
    # Exported: every answer comes back.
    back = yaml.safe_load(run(["--db", db, "export", "yaml"]))
    got = {r["form"]: r["answers"] for r in back["meetings"][0]["cases"][0]["records"]}
    for fid in CASE_FORMS:
        answers = expect[fid][0]
        for key, v in answers.items():
            g = got.get(fid, {}).get(key)
            if isinstance(v, list) and v and isinstance(v[0], dict):
                g = [{k: x for k, x in item.items() if k != "_id"} for item in g or []]
            if isinstance(v, bool):
                g = g in (True, 1, "true")
            if isinstance(v, list) and v and not isinstance(v[0], dict) and isinstance(g, str):
                g = g.split()
            if str(g) != str(v) and g != v:
                fail("%s.%s exported as %r, imported %r" % (fid, key, g, v))
    # Printed: the packet holds every item not sensitive, no sensitive one.
    packet = run(["--db", db, "--lang", "ja", "report", "latest", "--packet", "--format",
                  "md"])
    text = flat(packet)
    for fid in CASE_FORMS:
        _, shown, hidden = expect[fid]
        for s in shown:
            if str(s) not in text:
                fail("%s: '%s' is not in the printed packet" % (fid, s))
        for h in hidden:
            if str(h) in text:
                fail("%s: the sensitive answer '%s' is printed" % (fid, h))
    for word in ("資料回収", "身長", "体重"):
        if (word in text) != (word == "資料回収"):
            fail("packet and '%s'" % word)
    # 地域概要: kept with the settings, printed on the regional report's cover.
    path, doc = form_file("region_overview")
    run(["forms", "check", path])
    answers, shown, _ = answers_for(doc)
    answers.update({"population": 10000, "pop65": 3000, "pop75": 1500, "certified": 600})
    conf = os.path.join(tmp, "conf", "kaigi")
    os.makedirs(conf)
    with open(os.path.join(conf, "config.yaml"), "w", encoding="utf-8") as f:
        yaml.safe_dump({"town": "テスト町", "region_overview": answers}, f, allow_unicode=True)
    env = dict(os.environ, XDG_CONFIG_HOME=os.path.join(tmp, "conf"))
    cover = flat(run(["--db", db, "--lang", "ja", "report", "regional", "--format", "md"],
                     env=env))
    for s in shown + ["30%", "15%", "20%"]:
        if str(s) not in cover:
            fail("region overview: '%s' is not on the cover" % s)
    print("ok")


if __name__ == "__main__":
    main()

# SPDX-License-Identifier: MIT
"""The small things that cost keys under time pressure.

- A case added in the meeting (initials, age band, sex) starts its case
  sheet with them, and with the meeting's date as カンファレンス日.
- The close check asks only about forms this meeting uses for this case
  (not the follow-up 評価表 of a first review), flags an empty follow-up
  report date, and Enter closes the case anyway.
- A closed case is marked ✓済 in the meeting's case list, and stays so.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kaigi_pty import (Kaigi, check, db, demo_db, goto_section, open_today_cases,  # noqa: E402
                       run, tempdir)


def main():
    home = tempdir()
    with Kaigi(["demo"], home) as k:
        open_today_cases(k)
        # ---- a case added in the meeting
        k.send("a")
        k.wait_for("事例提供者")
        k.type("K.M")
        k.send("tab")
        k.type("70代")
        k.send("tab", "enter")
        k.wait_for("絞り込み")
        k.type("男")
        k.send("enter")
        k.wait_for(lambda t: "70代" in t and "男" in t and "絞り込み" not in t)
        k.send("esc")
        t = k.wait_for("3. K-")
        check("✓済" not in t, "a case is marked finished before it is closed:\n" + t)
        k.send("enter")  # start the case just added
        k.wait_for("論点の提示")
        goto_section(k, "基本情報")
        t = k.wait_for("カンファレンス日")
        con = db(demo_db(home))
        date = con.execute("SELECT m.date FROM meeting m JOIN case_review c ON "
                           "c.meeting_id = m.id JOIN person p ON p.id = c.person_id "
                           "WHERE p.initials = 'K.M'").fetchone()[0]
        for want in ("K.M", "70代", "男", date):
            check(want in t, "the case sheet does not start with %s:\n%s" % (want, t))
        # ---- the close check
        k.send("M-c")  # on a field a plain c is text
        t = k.wait_for("未入力があります")
        check("支援経過の報告日" in t, "an empty follow-up date is not flagged:\n" + t)
        check("評価日" not in t and "未入力があります（1件）" in t,
              "the close check asks about the follow-up form of a first review:\n" + t)
        k.send("enter")  # the default: close anyway
        t = k.wait_for("3. ✓済 K-")
        check("1. K-" in t or "1. ✓済" not in t, t)
        closed = con.execute("SELECT count(*) FROM case_review WHERE closed IS NOT NULL"
                             ).fetchone()[0]
        check(closed == 1, "closed cases in the database: %d" % closed)
        k.send("q")


run(main)

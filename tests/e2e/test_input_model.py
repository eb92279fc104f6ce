# SPDX-License-Identifier: MIT
"""The form page's input model, one regression test per problem of the
model before it (plain letters as commands).

1. A leading ASCII letter typed on a focused field starts editing with it
   (B病院, BMI18.7…, Bクリニック in a participant's organisation).
2. Tab in a long text keeps it and goes on to the next field: what is
   typed next lands there, not appended to the long text.
3. A refused value stays as typed with a Japanese reason and an example;
   Tab keeps it as a draft marked not valid (never an answer, never in the
   audit trail); Esc on changed text asks before throwing it away.
5. `t` and `+90` typed on a focused date act on the field: the timer is
   neither paused nor extended.
(4, drafts surviving SIGKILL, is test_drafts_kill.py.)
Also: Space on a single choice chooses the highlighted choice, and a key
that does nothing says so on the status line.
"""
import datetime
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kaigi_pty import (Kaigi, answer, check, db, demo_db, eventually, goto_section,  # noqa: E402
                       open_today_case, run, tempdir)

CODE = "K-2026-003"


def value(home, form, field, **kw):
    return answer(db(demo_db(home)), form, field, case_code=CODE, **kw)


def no_english(text):
    """No English sentence on the screen (three words of letters)."""
    m = re.search(r"[A-Za-z]{2,} [A-Za-z]{2,} [A-Za-z]{2,}", text)
    check(m is None, "English on a Japanese screen: %r\n%s" % (m and m.group(0), text))


def main():
    home = tempdir()
    today = datetime.date.today()
    with Kaigi(["demo"], home) as k:
        open_today_case(k)
        # ---- 1: letters start editing
        goto_section(k, "基本情報")
        k.wait_for("イニシャル")
        k.send("down", "down")  # 担当
        k.type("B病院の相談員")
        k.send("tab")
        k.wait_for("B病院の相談員")
        check(eventually(lambda: value(home, "toyoake_case_sheet", "care_manager") ==
                         ["B病院の相談員"]),
              "B病院: %r" % value(home, "toyoake_case_sheet", "care_manager"))
        # ---- 5: t on a date is today, and the timer keeps running
        k.send("down")  # 初回訪問日 (カンファレンス日 is the meeting's date)
        k.type("t")
        k.send("tab")
        k.wait_for(today.isoformat())
        # (today's date is on the screen already: カンファレンス日)
        check(eventually(lambda: value(home, "toyoake_case_sheet", "first_visit_date") ==
                         [today.isoformat()]),
              "t: %r" % value(home, "toyoake_case_sheet", "first_visit_date"))
        check("⏸" not in k.text(), "t paused the timer:\n" + k.text())
        # ---- 3: a refused number, in Japanese, kept as a draft
        k.type("八十一")  # 年齢, typed where the focus is
        k.send("enter")
        t = k.wait_for("整数ではありません")
        # the reason wraps under the field: its example may run onto a line of its own
        check("例：" in t and "12）" in t, "no example in the reason:\n" + t)
        no_english(t)
        k.send("tab")
        t = k.wait_for("［未確定］八十一")
        no_english(t)
        check(eventually(lambda: value(home, "toyoake_case_sheet", "age") == [81]), "a refused age was saved")
        con = db(demo_db(home))
        d = con.execute("SELECT field, text, refused FROM draft").fetchall()
        check(d == [("age", "八十一", 1)], "draft: %r" % d)
        audit = con.execute("SELECT count(*) FROM audit WHERE new LIKE '%八十一%'"
                            ).fetchone()[0]
        check(audit == 0, "the refused value reached the audit trail")
        # Esc on changed text asks; n goes back to it, y throws it away.
        k.send("up", "enter")  # 年齢 again: the editor opens on the draft
        k.send("bs", "bs", "bs")
        k.type("82")
        k.send("esc")
        k.wait_for("捨てますか")
        k.send("n")
        k.wait_gone("捨てますか")
        k.send("enter")
        k.wait_for("82 歳")
        check(eventually(lambda: value(home, "toyoake_case_sheet", "age") == [82]), "the repaired age")
        check(db(demo_db(home)).execute("SELECT count(*) FROM draft").fetchone()[0] == 0,
              "the draft stayed after the repair")
        # ---- Space on a single choice chooses
        k.send("down", "down")  # 年代 (filled when the case was added), 性別
        k.send("enter")
        k.wait_for("絞り込み")
        k.send("down", " ")
        k.wait_gone("絞り込み")
        check(value(home, "toyoake_case_sheet", "sex") != ["F"], "Space did not choose")
        # ---- 2: Tab in a long text goes on to the next field
        goto_section(k, "住まいと家族")
        k.wait_for("町名")
        k.send("down")  # 住まい (long text)
        k.type("A棟の2階、エレベーターなし")
        k.send("tab")
        k.type("PT訪問に夫が同席")
        k.send("tab")  # the last field: on to the next section
        k.wait_for("身長")
        check(value(home, "toyoake_case_sheet", "housing") == ["A棟の2階、エレベーターなし"],
              "housing: %r" % value(home, "toyoake_case_sheet", "housing"))
        # A character typed on a filled text field goes on after its text.
        check(value(home, "toyoake_case_sheet", "household") ==
              ["夫（85歳）と二人暮らし。PT訪問に夫が同席"],
              "household: %r" % value(home, "toyoake_case_sheet", "household"))
        # ---- 1 again: an advice starting with ASCII letters
        goto_section(k, "助言")
        k.send("a")
        k.wait_for("絞り込み")
        k.type("管理栄養")
        k.send("enter", "tab")  # the profession chosen, on to the advice
        k.type("BMI18.7、体重を月1回測る")
        k.send("tab")
        k.wait_for("対応する課題")
        adv = value(home, "case_plan", "advice", item=None, col="text")
        check(adv == ["BMI18.7、体重を月1回測る"], "advice: %r" % adv)
        # ---- 5: +90 on the due date of an action; the phase gets no minute
        k.send("esc")
        goto_section(k, "まとめ")
        k.wait_for("役割分担")
        t = k.text()
        planned = re.search(r"\d+:\d\d/(\d+:\d\d) ›", t)
        k.send("down", "down", "down", "a")  # 役割分担
        k.wait_for("誰が")
        k.type("PT")
        k.send("tab")
        k.type("SCの紹介")
        k.send("tab")
        k.type("+90")
        k.send("tab")
        due = (today + datetime.timedelta(days=90)).isoformat()
        k.wait_for(due)
        check(eventually(lambda: value(home, "case_plan", "actions", item=None, col="due") == [due]), "+90")
        check(eventually(lambda: value(home, "case_plan", "actions", item=None, col="who") == ["PT"]), "PT")
        check(eventually(lambda: value(home, "case_plan", "actions", item=None, col="what") == ["SCの紹介"]), "SC")
        t2 = k.text()
        planned2 = re.search(r"\d+:\d\d/(\d+:\d\d) ›", t2)
        check(planned and planned2 and planned.group(1) == planned2.group(1),
              "+ changed the phase's time: %s → %s" % (planned and planned.group(0),
                                                       planned2 and planned2.group(0)))
        check("⏸" not in t2, "the timer was paused")
        # ---- no key is dropped silently: one that does nothing says so
        k.send("esc", "esc")  # the list, then the side list
        k.send("z")
        k.wait_for("「z」はここでは使えません")
        k.send("\x1b[15~")  # F5: bound nowhere
        k.wait_for("このキーはここでは使えません")
    # ---- 1 in a participant: a, a name, Tab, Bクリニック
    with Kaigi(["--db", demo_db(home)], home) as k:
        k.wait_for("これからの会議")
        k.send("enter")
        k.wait_for("目指す姿")
        k.send("down", "down", "enter")  # 参加者
        k.send("a")
        k.wait_for("新しい参加者")
        k.type("田中 一郎")
        k.send("tab")
        k.type("Bクリニック")
        k.send("tab")
        k.wait_for("Bクリニック")
        orgs = [r[0] for r in db(demo_db(home)).execute(
            "SELECT organisation FROM participant WHERE name = '田中 一郎'")]
        check(orgs == ["Bクリニック"], "organisation: %r" % orgs)


if __name__ == "__main__":
    run(main)

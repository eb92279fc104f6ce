# SPDX-License-Identifier: MIT
"""The field editors' rules, seen from the keyboard.

- A constraint refuses an answer inline and keeps the field open with the
  text; leaving keeps the text as a draft marked not valid (not an answer),
  and repairing it later saves it and removes the draft.
- Out-of-range numbers are refused the same way.
- Dates are typed leniently (R8.11.1, -3 for three days ago).
- `relevant` shows and hides a field live (その他の内容 after 5 その他).
- Deleting, bringing back and moving an issue keeps the advice that names it
  pointing at the same issue.
"""
import datetime
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kaigi_pty import (eventually, answer, check, db, demo_answer, demo_case,  # noqa: E402
                       demo_db, goto_section, run)


def drafts(home):
    return db(demo_db(home)).execute("SELECT field, text, refused FROM draft").fetchall()


def retype(k, text):
    k.send("enter", "end", "\x15")
    k.type(text)
    k.send("enter")


def main():
    with demo_case("基本情報", "イニシャル") as (home, k):
        # ---- a constraint: initials at most 8 characters
        k.send("down")
        retype(k, "ABCDEFGHIJ")
        k.wait_for("イニシャルのみ（8文字まで）")
        check(eventually(lambda: demo_answer(home, "toyoake_case_sheet", "initials") == ["Y.H"]), "refused but saved")
        k.send("enter")  # the same text again: still refused, still there
        k.wait_for("まだ保存されていません")
        check("ABCDEFGHIJ" in k.text(), "the refused text left the field")
        k.send("tab")  # leaving keeps it as a draft marked not valid
        k.wait_for("［未確定］ABCDEFGHIJ")
        check(eventually(lambda: demo_answer(home, "toyoake_case_sheet", "initials") == ["Y.H"]), "kept as draft but saved")
        check(eventually(lambda: drafts(home) == [("initials", "ABCDEFGHIJ", 1)]), drafts(home))
        k.send("up", "enter")  # repaired later: the editor opens on the draft
        k.wait_for("イニシャルのみ（8文字まで）")
        k.send("bs", "bs", "bs", "bs", "bs", "bs", "bs")
        k.send("enter")
        k.wait_gone("［未確定］")
        check(eventually(lambda: demo_answer(home, "toyoake_case_sheet", "initials") == ["ABC"]), "repaired")
        check(eventually(lambda: drafts(home) == []), "the draft stayed after the repair")
        # ---- a date typed leniently
        k.send("down", "down", "down")  # 初回訪問日
        retype(k, "-3")
        want = (datetime.date.today() - datetime.timedelta(days=3)).isoformat()
        k.wait_for(want)
        check(eventually(lambda: demo_answer(home, "toyoake_case_sheet", "first_visit_date") == [want]), "date")
        # ---- a number out of range
        k.send("down")  # 年齢
        retype(k, "150")
        t = k.wait_for(lambda t: "150" in t and "120" in t)
        check(eventually(lambda: demo_answer(home, "toyoake_case_sheet", "age") == [81]), "the age was changed: " + t)
        k.send("\x15")
        k.type("82")
        k.send("enter")
        k.wait_for("82 歳")
        # ---- relevance: その他の内容 shows only with 5 その他
        check("その他の内容" not in k.text(), "その他の内容 shown too early")
        k.send("end")  # 特徴（要となる問題点）
        k.send("enter")
        k.wait_for("絞り込み")
        k.type("その他")
        k.send(" ", "enter")
        k.wait_for("その他の内容")
        k.send("del")  # clear 特徴 (the focus stays on it)
        k.wait_gone("その他の内容")
        # ---- issues and the advice that names them
        goto_section(k, "質疑")
        k.send("down")
        for need in ("歩いて通院できる", "夫の介護負担を減らす"):
            k.send("a")
            k.wait_for("困り事（デマンド）")
            k.send("tab", "enter")
            k.type(need)
            k.send("enter", "esc")
            k.wait_for(need)
        goto_section(k, "助言")
        k.send("a")
        k.wait_for("絞り込み")
        k.type("作業")
        k.send("enter", "down", "enter")
        k.type("家事の分担を一緒に考える。")
        k.send("tab", "enter")  # Tab keeps the long text and goes on to 対応する課題
        k.wait_for("2. 夫の介護負担を減らす")
        k.send("down", "enter", "esc")
        k.wait_for("専門職からの助言 (1)")
        check(eventually(lambda: demo_answer(home, "case_plan", "advice", item=None, col="issue") == ["2"]), "advice → 2")
        goto_section(k, "質疑")
        k.send("down", "down")  # issue 1
        k.send("d")
        k.wait_for("u で元に戻せます")
        check(demo_answer(home, "case_plan", "advice", item=None, col="issue") == ["1"],
              "after deleting issue 1 the advice names issue 1 (the old 2)")
        k.send("u")
        k.wait_for("元に戻しました")
        k.wait_for("1. 歩いて通院できる")
        check(demo_answer(home, "case_plan", "advice", item=None, col="issue") == ["2"],
              "after undo the advice names issue 2 again")
        k.send("]")  # move issue 1 down
        k.wait_for("1. 夫の介護負担を減らす")
        check(demo_answer(home, "case_plan", "advice", item=None, col="issue") == ["1"],
              "after the move the advice follows its issue to 1")
        k.send("M-w")
        t = k.wait_for("読み上げ — ")
        check("対応する課題: 1. 夫の介護負担を減らす" in t.replace("\n", "") or
              "夫の介護負担を減らす" in t, t)


if __name__ == "__main__":
    run(main)

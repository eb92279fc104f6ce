# SPDX-License-Identifier: MIT
"""SIGKILL in the middle of a case, and a restart that shows every answer
saved before it.

Answers are committed when each field is left, so a killed kaigi (a closed
lid, a flat battery) loses nothing that was left; the field being typed in
at the moment of the kill is the only thing that can be lost.
"""
import os
import signal
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kaigi_pty import (Kaigi, answer, check, db, demo_case, demo_db,  # noqa: E402
                       goto_section, open_case_section, run)


def main():
    with demo_case("身体と医療", "身長") as (home, k):
        k.send("enter")
        k.type("151.5")
        k.send("enter", "down")  # 体重
        k.send("enter")
        k.type("44")
        k.send("enter")
        k.wait_for("BMI")
        k.wait_for("19.2")  # calculated from the two, live
        goto_section(k, "ADL")
        for d in "3251":
            k.send(d)
        goto_section(k, "質疑")
        k.send("down", "a")
        k.wait_for("困り事（デマンド）")
        k.type("膝が痛い")
        k.send("tab")
        k.send("enter")
        k.type("通院を続けられる")
        k.send("enter")
        k.wait_for("通院を続けられる")
        # Typed but not left: this one may be lost.
        k.send("down", "down", "enter")
        k.type("未確定")
        k.pump(0.2)
        k.kill(signal.SIGKILL)
        k.wait_exit()
    con = db(demo_db(home))
    check(answer(con, "toyoake_case_sheet", "height", case_code="K-2026-003") == [151.5], "height")
    check(answer(con, "toyoake_case_sheet", "weight", case_code="K-2026-003") == [44.0], "weight")
    rows = dict(con.execute(
        "SELECT a.item, a.value FROM answer a JOIN form_record r ON r.id = a.record_id JOIN "
        "case_review c ON c.id = r.case_id JOIN person p ON p.id = c.person_id WHERE r.form = "
        "'adl_toyoake' AND p.code = 'K-2026-003' AND a.col = 'before'"))
    check(rows == {"indoor_walk": 3, "outdoor_walk": 2, "outing": 5, "toileting": 1}, rows)
    check(answer(con, "case_plan", "issues", item=None, col="need", case_code="K-2026-003") ==
          ["通院を続けられる"], "issue")
    con.close()

    with Kaigi(["--db", demo_db(home)], home) as k:
        t = open_case_section(k, "身体と医療", "151.5")
        check("44" in t and "19.2" in t, t)
        goto_section(k, "ADL")
        t = k.wait_for("室内歩行")
        row = [r for r in t.split("\n") if "屋外歩行" in r][0]
        check("〇2" in row, "the grid after the restart: %r" % row)
        goto_section(k, "質疑")
        k.wait_for("1. 通院を続けられる")
        k.send("M-w")
        k.wait_for("通院を続けられる")


if __name__ == "__main__":
    run(main)

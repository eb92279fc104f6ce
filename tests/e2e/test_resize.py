# SPDX-License-Identifier: MIT
"""Resizing the terminal in the middle of typing.

Down to 20×10 the UI only says the window is too small; back to a usable
size the same field is still open with what was typed, typing goes on, and
leaving the field saves all of it.  A narrow window drops the side list;
a wide one uses the room.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kaigi_pty import answer, check, db, demo_case, demo_db, run  # noqa: E402


def main():
    with demo_case("住まいと家族", "町名") as (home, k):
        k.send("enter")
        k.type("北町")
        k.resize(10, 20)
        k.wait_for(lambda t: "小さすぎ" in t.replace("\n", ""))
        k.resize(24, 80)
        k.wait_for("北町")
        k.type("三丁目")
        k.resize(16, 50)  # too narrow for the side list
        k.wait_for(lambda t: "北町三丁目" in t and "基本情報" not in t)
        k.resize(30, 120)
        t = k.wait_for("基本情報")
        check(len(t.split("\n")) == 30, "the screen did not grow")
        k.send("enter")  # leave the field: saved
        k.wait_for("保存済")
        # The timer and the header follow the new width.
        check("会議" in k.line(0) and "保存済" in k.line(0), k.line(0))
    con = db(demo_db(home))
    got = answer(con, "toyoake_case_sheet", "district", case_code="K-2026-003")
    check(got == ["北町三丁目"], "saved %r" % got)


if __name__ == "__main__":
    run(main)

# SPDX-License-Identifier: MIT
"""The meeting's time in view, at 80×24.

- The phase and meeting clocks stay on every page of a running meeting:
  the case screen, the help over it, the case history over it; the meeting
  screen shows the meeting's clock.
- A phase prompt longer than its two rows is read whole: its pages turn on
  their own, marked (1/2) (2/2).
- The timers agree: a case's slot comes from the meeting's plan (90 minutes,
  10 kept for opening and closing, at most 20 a case), its phases add up to
  the slot, and the agenda shows each case's slot.
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kaigi_pty import Kaigi, check, db, tempdir  # noqa: E402

CLOCK = re.compile(r"\d/5 \+?\d+:\d\d  会議 \+?\d+:\d\d")


def header(k):
    return k.line(0)


def main():
    home = tempdir()
    with Kaigi(["demo"], home) as k:
        k.wait_for("これからの会議")
        k.send("enter")  # today's meeting
        k.wait_for("目指す姿")
        check("会議 90:00/90:00" in header(k), "the meeting's clock: %r" % header(k))
        k.send("down", "down", "down", "enter")
        t = k.wait_for("1. K-2026-003")
        # Two cases on the agenda: each gets the budget, 20 minutes.
        check("計画50分／90分" in t, "the plan of the day: %s" % t)
        check(t.count("20分") >= 2, "each case's slot: %s" % t)
        k.send("enter")
        k.wait_for("論点の提示")
        # The phases of the slot: 1+5+6+6+2 = 20 minutes.
        t = k.wait_for("1:00/1:00")
        k.send("M-n")  # a field has the focus: commands are Alt + the letter
        k.wait_for("2/5 事例紹介")
        # The presentation's prompts need three rows: both pages come round.
        k.wait_for("(1/2)", timeout=12)
        k.wait_for("どのような困り事で申請に至ったのですか", timeout=12)
        k.wait_for("(2/2)", timeout=12)
        k.wait_for("半年後に目標は達成できそうか", timeout=12)
        # Help over the case: the clock is still there, and still running.
        k.send("f1")  # ? would be text on a field
        k.wait_for("キー操作")
        k.wait_for(lambda s: CLOCK.search(s.split("\n")[0]) is not None)
        first = header(k)
        k.wait_for(lambda s: s.split("\n")[0] != first, timeout=5)
        k.send("esc")
        k.wait_for("2/5 事例紹介")
        # The case history over the case: the clock again.
        k.send("M-h")
        k.wait_for("事例の経過")
        k.wait_for(lambda s: CLOCK.search(s.split("\n")[0]) is not None)
        k.send("esc", "esc")  # the history's side list, then the case
        k.wait_for("2/5 事例紹介")
        k.send("M-c")  # close the case (what is missing is listed)
        k.wait_for("未入力があります")
        k.send("home", "enter")
        k.wait_for("事例を終えました")
        k.send("esc")  # the side list
        k.send("esc")  # home
        k.wait_for("これからの会議")
        k.send("q")
        check(k.wait_exit() == 0, "kaigi did not exit cleanly")
    con = db(os.path.join(home, "data", "kaigi", "demo.db"))
    planned = con.execute(
        "SELECT sum(t.planned_sec) FROM phase_timing t JOIN case_review c ON c.id = t.case_id "
        "JOIN person p ON p.id = c.person_id WHERE p.code = 'K-2026-003'").fetchone()[0]
    check(planned == 20 * 60, "the case's phases add up to its slot: %s" % planned)
    print("ok")


if __name__ == "__main__":
    main()

# SPDX-License-Identifier: MIT
"""The case history at 80x24: it opens with what it
compares and the column heads in view (not scrolled down to the first
action agreed before), and PgUp and Up scroll back to them."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kaigi_pty import Kaigi, check, open_today_cases, run, tempdir  # noqa: E402

HEADS = ("からの変化", "前回", "今回", "変化")


def heads_shown(t):
    return all(h in t for h in HEADS)


def main():
    home = tempdir()
    with Kaigi(["demo"], home) as k:
        open_today_cases(k, "↻経過報告")
        k.send("down", "h")  # the follow-up case's history
        t = k.wait_for("事例の経過")
        check(heads_shown(t), "the history opens without its headings:\n" + t)
        k.send("pgdn")
        t = k.wait_for(lambda t: "からの変化" not in t)
        k.send("pgup")
        t = k.wait_for(heads_shown)
        # Down into the actions agreed before, then Up all the way back.
        for _ in range(30):
            k.send("down")
        t = k.wait_for(lambda t: "からの変化" not in t)
        for _ in range(30):
            k.send("up")
        k.wait_for(heads_shown)
        k.send("esc", "esc")
        k.send("q")


run(main)

# SPDX-License-Identifier: MIT
"""Terminal manners: a start at 20×10 says the window is too small and
carries on when it grows (only q acts meanwhile); at 10×5 the message fits
and q quits; TERM=dumb says why there is no UI; ? shows every key (the same table as the
footer); NO_COLOR gives a monochrome screen; --lang en an English one."""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kaigi_pty import Kaigi, check, run, tempdir  # noqa: E402

COLOUR = re.compile(rb"\x1b\[[0-9;]*(3[0-7]|4[0-7]|38;5;\d+|48;5;\d+)(;[0-9;]*)?m")


def main():
    home = tempdir()
    with Kaigi(["demo"], home, rows=10, cols=20) as k:
        k.wait_for(lambda t: "小さすぎ" in t.replace("\n", ""))
        k.send("n")  # nothing but q acts on what cannot be seen
        k.resize(24, 80)
        k.wait_for("これからの会議")
        check(not k.exited(), "kaigi ended while the window was too small")
        check("会議の型" not in k.text(), "n acted while the window was too small")
        # The footer and the help come from one table.
        foot = k.line(23)
        check("n 新しい会議" in foot and "? ヘルプ" in foot, foot)
        k.send("?")
        t = k.wait_for("すべてのキー操作")
        check("会議の型から会議を作る" in t, "the help lists the home keys first")
        k.send("pgdn")
        k.wait_for(lambda t: "すべてのキー操作" in t)
        k.send("esc")
        k.wait_for("これからの会議")
        check(COLOUR.search(bytes(k.log)), "colour is used when the terminal has it")
        # A newcomer's path: Enter opens the meeting on its overview, and
        # Enter again (the footer's "Enter") goes on to its cases.
        k.send("enter")
        k.wait_for("目指す姿")
        check("Enter" in k.line(23), k.line(23))
        k.send("enter")
        k.wait_for(lambda t: "1. K-" in t and "検討開始" in t)
        k.send("esc", "esc")
        k.wait_for("これからの会議")
        k.send("q")
        k.wait_exit()

    # At 10×5 the message still fits, whole, and q leaves.
    with Kaigi(["--db", os.path.join(home, "data", "kaigi", "demo.db")], home,
               rows=5, cols=10) as k:
        t = k.wait_for(lambda t: "qで終了" in t.replace("\n", "").replace(" ", ""))
        check("小さすぎ" in t.replace("\n", "").replace(" ", ""), t)
        k.send("q")
        check(k.wait_exit() == 0, "q at 10×5: kaigi did not end cleanly")

    # TERM=dumb cannot place the cursor: a message, not a blank screen.
    with Kaigi(["--db", os.path.join(home, "data", "kaigi", "demo.db")], home,
               env={"TERM": "dumb"}, lang="en") as k:
        status = k.wait_exit()
        check(os.WEXITSTATUS(status) == 3, "TERM=dumb: exit %d" % os.WEXITSTATUS(status))
        check("cannot place the cursor" in bytes(k.log).decode("utf-8", "replace"),
              bytes(k.log).decode("utf-8", "replace"))

    with Kaigi(["--db", os.path.join(home, "data", "kaigi", "demo.db")], home,
               env={"NO_COLOR": "1"}, lang="en") as k:
        k.wait_for("Upcoming meetings")
        k.send("enter")
        k.wait_for("What the town aims for")
        k.send("?")
        k.wait_for("Every key, by place")
        k.send("esc")
        k.send("esc", "q")
        k.wait_exit()
        check(not COLOUR.search(bytes(k.log)), "NO_COLOR: colour sequences were sent")


if __name__ == "__main__":
    run(main)

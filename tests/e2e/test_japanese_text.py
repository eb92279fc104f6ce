# SPDX-License-Identifier: MIT
"""Japanese text typed into a long-text field, edited, and read back.

The cursor must stand where the display width puts it (two columns per
kanji), wrapping must not split a character, and a character built from a
kana and a combining sound mark (か + ゛) must move and delete as one.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kaigi_pty import Kaigi, answer, check, db, open_today_cases, run, tempdir  # noqa: E402

LINE1 = "膝が痛くて、坂道がつらい。"
LINE2 = "本人は「また畑に行きたい」と話す。"
LONG = "買い物は長女まかせで、日中は座って過ごすことが多い。近所の友人が週に一度訪ねてくる。"


def main():
    home = tempdir()
    with Kaigi(["demo"], home) as k:
        open_today_cases(k, "1. K-2026-003")
        k.send("enter")
        k.wait_for("論点の提示")
        k.send("M-g")
        k.type("生活と見立て")
        k.send("enter")
        k.wait_for("生活課題")
        k.send("enter")
        k.wait_for("F10 確定")
        k.type(LINE1)
        k.wait_for(LINE1)
        # The editor starts at the pane's left edge; a kanji is 2 columns.
        y0 = k.screen.cursor.y
        x0 = k.screen.cursor.x - 2 * len(LINE1)
        check(x0 == 22, "cursor x %d after %d wide characters" % (k.screen.cursor.x, len(LINE1)))
        k.send("enter")
        k.type(LINE2)
        # 「」 and 。 are wide too: 17 characters, 34 columns.
        check(k.screen.cursor.x == x0 + 2 * len(LINE2), "cursor after line 2: %d" % k.screen.cursor.x)
        check(k.screen.cursor.y == y0 + 1, "line 2 is below line 1")
        k.send("enter")
        k.type(LONG)
        # 42 wide characters in a 58-column editor: 28 per line, never half.
        t = k.wait_for("週に一度訪ねてくる")
        rows = [r.rstrip() for r in t.split("\n")]
        first = [r for r in rows if "買い物は" in r][0]
        seg = first[first.index("買い物は"):]
        check(len(seg) == 28, "a wrapped line holds 28 characters, not %d: %r" % (len(seg), seg))
        # A kana with a combining mark is one character for the cursor.
        k.type("か\u3099")
        k.send("left")
        k.type("X")
        k.send("f10")
        k.wait_for("膝が痛くて")
    con = db(os.path.join(home, "data", "kaigi", "demo.db"))
    got = answer(con, "toyoake_case_sheet", "life_issue", case_code="K-2026-003")
    want = LINE1 + "\n" + LINE2 + "\n" + LONG + "Xか\u3099"
    check(got == [want], "saved %r, want %r" % (got, want))

    # Read back after a restart: the page shows the saved text.
    with Kaigi(["--db", os.path.join(home, "data", "kaigi", "demo.db")], home) as k:
        k.wait_for("これからの会議")
        k.send("enter")
        k.wait_for("目指す姿")
        k.send("down", "down", "down", "enter", "enter")
        k.wait_for("論点の提示")
        k.send("M-g")
        k.type("生活と見立て")
        k.send("enter")
        k.wait_for(LINE1)
        k.wait_for(LINE2)


if __name__ == "__main__":
    run(main)

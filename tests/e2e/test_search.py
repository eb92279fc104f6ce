# SPDX-License-Identifier: MIT
"""The home search as a facilitator uses it.

Two-character Japanese words (長女, 浴槽) are found through the index as
`kaigi search` finds them, the results follow the word as it is edited
(backspace and retype: the old hits go), and Enter on a hit opens the
record there: the case, on the section and field that holds the text.  A
second Enter on a fresh query right after typing searches first (what
Enter would open is shown before anything opens).
"""
import os
import signal
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kaigi_pty import Kaigi, check, run, source, tempdir  # noqa: E402
from kaigi_pty import kaigi_cli as cli  # noqa: E402

FIXTURE = source("tests", "data", "followup", "three_reviews.yaml")


def main():
    home = tempdir()
    path = os.path.join(home, "k.db")
    cli(path, home, "import", "-q", FIXTURE)
    out, err = cli(path, home, "search", "長女")
    check("長女に頼っている" in out and not err, "kaigi search finds 長女:\n" + out + err)

    with Kaigi(["--db", path], home) as k:
        k.wait_for("過去の会議")
        k.send("/")
        k.wait_for("検索:")
        k.type("長女")
        t = k.wait_for("記録の中から（1件）")
        k.wait_for("長女に頼っている")
        # Edited: the hits follow the word, the old one goes.
        k.send("bs", "bs")
        k.type("浴槽")
        k.wait_for("浴槽を手すりなしで")
        t = k.wait_gone("長女に頼っている")
        check("検索: 浴槽" in t, "the query as edited:\n" + t)
        # Back to 長女; Enter on the hit opens the case on that field.
        k.send("bs", "bs")
        k.type("長女")
        k.wait_for("長女に頼っている")
        k.send("enter")
        t = k.wait_for(lambda s: "— 生活と見立" in s and "K-2025-101" in s)
        check("K-2025-101" in t and "転倒してから外出が怖く" in t,
              "the case, on the section of the hit:\n" + t)
        k.send("enter")  # edits the focused field: the one the text was found in
        t = k.wait_for(lambda s: "ケアマネの見立て" in s and "F10 確定" in s)
        check("転倒してから外出が怖くなり" in t, "the editor holds the text found:\n" + t)
        k.send("esc")  # unchanged: leaves without asking
        k.wait_gone("F10 確定")
        k.kill(signal.SIGTERM)
        k.wait_exit()


if __name__ == "__main__":
    run(main)

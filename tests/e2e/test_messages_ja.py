# SPDX-License-Identifier: MIT
"""Every refusal the UI shows is in Japanese under LANG=ja_JP.UTF-8.

Refusals come from kaigi-core (a number that is not one, a date or a period
it cannot read, a value out of range) and from the store (a database opened
read-only); they are gettext msgids the UI translates. Each is triggered
through the keyboard at 80x24, and the screen must then show the Japanese
reason with its example and no English sentence anywhere.
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kaigi_pty import Kaigi, check, goto_section, open_today_cases, run, tempdir  # noqa: E402

# Three or more English words in a row: a sentence, not a code (K-2026-003),
# a key name (Enter, Tab) or an abbreviation (ADL/IADL, PT).
ENGLISH = re.compile(r"[A-Za-z']{2,}(?:[ ,]+[A-Za-z']{2,}){2,}")


def no_english(k, what):
    text = k.text()
    m = ENGLISH.search(text)
    check(m is None, "%s: English on screen: %r\n%s" % (what, m and m.group(0), text))


def refuse(k, typed, reason, what, fix):
    """On the focused field: type a refused value, see the reason in
    Japanese, then type an accepted one."""
    k.send("enter", "end", "\x15")
    k.type(typed)
    k.send("enter")
    k.wait_for(reason)
    no_english(k, what)
    k.send("\x15")
    k.type(fix)
    k.send("enter")
    k.wait_gone(reason)


def main():
    home = tempdir()
    with Kaigi(["demo"], home) as k:
        open_today_cases(k)
        # ---- the store's refusals: a case code taken, and none at all
        k.send("a")
        k.wait_for("事例提供者")
        k.send("btab", "enter")  # back to the case code, editing it
        k.send("\x15")
        k.type("K-2026-001")
        k.send("enter")
        k.wait_for("すでに別の人")  # the message wraps under the field
        no_english(k, "a case code taken")
        k.send("\x15", "enter")
        k.wait_for("事例番号を入力して")
        no_english(k, "no case code")
        k.send("\x15")
        k.type("K-2026-099")
        k.send("enter")
        k.wait_gone("事例番号を入力して")
        k.send("esc")
        k.wait_for("3. K-2026-099")
        # ---- the form's refusals, on the first case
        k.send("home", "enter")
        k.wait_for("論点の提示")
        goto_section(k, "基本情報")
        k.wait_for("イニシャル")
        k.send("down", "down", "down", "down")  # 初回訪問日
        refuse(k, "あさって", "日付として読め", "a date", "2026-01-05")
        k.send("down")  # 年齢
        refuse(k, "八十", "整数ではあり", "a whole number", "82")
        refuse(k, "150", "範囲外", "out of range", "82")
        goto_section(k, "身体")
        k.wait_for("身長")
        refuse(k, "百五十", "数値ではあり", "a decimal", "150")
        goto_section(k, "まとめ")
        k.wait_for("目標 (")
        k.send("a")
        k.wait_for("絞り込み")
        k.type("短期")
        k.send("enter", "down")
        refuse(k, "来年の春", "期間として読め", "a period", "3か月")
        refuse(k, "2027-05〜2026-11", "終わりが始まり", "a backwards period", "3か月")
        refuse(k, "2026-11〜2032-05", "範囲外", "a period too long", "3か月")
        k.send("esc")


run(main)

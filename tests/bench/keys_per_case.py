#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""keys_per_case.py — the keys one whole case takes, under the input model
(Alt-letter commands) and under the one before it.

usage: keys_per_case.py NEW_KAIGI [OLD_KAIGI]

The same case as tests/e2e/test_whole_case.py (ASCII-first texts, seven
long texts, dates typed with t, +90 and +120, a refused age corrected
later, a grid rated by digits) is typed key by key at 80×24 into a fresh
database, once with the keys the current model needs and, given a binary
built before the Alt-letter commands, once with the keys that model needed to store the
same answers: Enter before a text that starts with an ASCII letter (else
the letter was dropped), Enter before t or + on a date (else the timer
took them), a second key to leave a long text (Tab only kept it), and a
second Tab to get out of a refused value (the old model then gave it up).
Both runs must store the same answers; each key or typed character counts
one (an IME's own keystrokes are not counted).  A run makes no mistakes:
the repairs a person makes after a misrouted key are not in these figures.
"""
import datetime
import os
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "e2e"))
import kaigi_pty  # noqa: E402


def steps(old):
    """The case as (op, arg) steps; old adds what the old model needed."""
    go = "g" if old else "M-g"
    enter_first = [("send", "enter")] if old else []
    leave_long = [("send", "tab")] if old else []  # old Tab kept the text and stayed
    s = []

    def goto(name):
        s.extend([("send", go), ("wait", "見出しへ移動"), ("type", name), ("send", "enter"),
                  ("gone", "見出しへ移動")])

    s += [("send", "a"), ("wait", "事例番号"), ("type", "T.S"), ("send", "tab"),
          ("type", "80代"), ("send", "enter"), ("send", "esc"), ("wait", "T.S"),
          ("send", "home"), ("send", "enter"), ("wait", "論点の提示")]
    s += enter_first + [("type", "ADLの低下で買い物に行けない"), ("send", "tab")] + leave_long
    s += [("wait", "医学的リスクと対応")]
    s += enter_first + [("type", "HTとDMで通院中、転倒歴あり"), ("send", "tab")] + leave_long
    s += [("wait", "課題 (0)"), ("send", "a"), ("wait", "困り事（デマンド）"),
          ("type", "買い物に行きたい"), ("send", "tab"), ("type", "屋外を安全に歩ける"),
          ("send", "tab"), ("send", "esc"), ("wait", "課題 (1)")]
    goto("基本情報")
    s += [("wait", "イニシャル"), ("send", "down"), ("send", "down")]
    s += enter_first + [("type", "B病院の相談員"), ("send", "tab")]
    s += enter_first + [("type", "t"), ("send", "tab")]
    s += enter_first + [("type", "t"), ("send", "tab")]
    s += [("type", "八十一"), ("send", "tab")]
    if old:
        s += [("send", "tab")]  # refused and still open: Tab again gives up
    goto("住まいと家族")
    s += [("wait", "町名"), ("type", "南町"), ("send", "tab")]
    s += enter_first + [("type", "A棟の2階、エレベーターなし"), ("send", "tab")] + leave_long
    s += [("type", "夫と二人暮らし"), ("send", "tab")] + leave_long
    s += [("wait", "身長"), ("type", "151.5"), ("send", "tab"), ("type", "44"),
          ("send", "tab"), ("send", "tab"), ("wait", "19.2")]
    s += enter_first + [("type", "HT、DM"), ("send", "tab")] + leave_long
    s += enter_first + [("type", "SU薬を朝に1回"), ("send", "tab")] + leave_long
    goto("ADL")
    s += [("wait", "室内歩行")] + [("send", d) for d in "3251"]
    goto("助言")
    s += [("send", "a"), ("wait", "絞り込み"), ("type", "管理栄養"), ("send", "enter"),
          ("send", "tab")]
    s += enter_first + [("type", "BMI18.7、体重を月1回測る"), ("send", "tab")] + leave_long
    s += [("send", "enter"), ("wait", "屋外を安全に歩ける"), ("send", "enter"), ("send", "esc"),
          ("wait", "専門職からの助言 (1)")]
    goto("まとめ")
    s += [("wait", "役割分担"), ("send", "down"), ("send", "down"), ("send", "a"),
          ("wait", "誰が")]
    s += [("type", "PT"), ("send", "tab")]  # a new item opens on its first field, editing
    s += enter_first + [("type", "SCの紹介と屋外歩行の練習"), ("send", "tab")]
    s += enter_first + [("type", "+90"), ("send", "tab"), ("send", "esc"), ("wait", "役割分担 (1)"),
                        ("send", "down"), ("send", "down")]
    s += enter_first + [("type", "+120"), ("send", "enter")]
    goto("基本情報")
    s += [("wait", "イニシャル")] + [("send", "down")] * 5
    s += [("send", "enter"), ("send", "\x15"), ("type", "81"), ("send", "enter"),
          ("wait", "81 歳")]
    return s


def run(binary, old):
    os.environ["KAIGI_BIN"] = binary
    home = tempfile.mkdtemp(prefix="kaigi-keys-")
    path = os.path.join(home, "k.db")
    keys = 0
    with kaigi_pty.Kaigi(["--db", path], home) as k:
        k.wait_for("予定された会議はありません")
        k.send("n")
        k.wait_for("新しい会議：種類は？")
        k.type("自立支援")
        k.send("enter")
        k.wait_for("会議を作りました")
        k.send("down", "down", "down", "enter")
        k.wait_for("まだ事例がありません")
        for op, arg in steps(old):
            if op == "send":
                k.send(arg)
                keys += 1
            elif op == "type":
                k.type(arg)
                keys += len(arg)
            elif op == "wait":
                k.wait_for(arg)
            else:
                k.wait_gone(arg)
    con = kaigi_pty.db(path)
    got = sorted(con.execute(
        "SELECT r.form, a.field, a.col, a.value FROM answer a JOIN form_record r ON "
        "r.id = a.record_id WHERE r.case_id IS NOT NULL AND a.field NOT IN ('status')"))
    return keys, got


def main():
    new_keys, new = run(sys.argv[1], False)
    print("keys for one case, this input model:    %d" % new_keys)
    if len(sys.argv) > 2:
        old_keys, old = run(sys.argv[2], True)
        print("keys for one case, the model before it: %d" % old_keys)
        same = new == old
        print("same answers stored: %s" % ("yes" if same else "NO"))
        if not same:
            for row in sorted(set(new) ^ set(old)):
                print("  differs:", row, "(new)" if row in new else "(old)")
    print("(today %s; no mistakes repaired in either run)" % datetime.date.today())


if __name__ == "__main__":
    main()

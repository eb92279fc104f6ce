# SPDX-License-Identifier: MIT
"""The item page is a screen of its own, stacked on the case: a
goal opened from まとめ shows the case around it (header with
the meeting's clock, the phase stepper, the side list), takes the typing
— a refused period corrected, Tab, the next field — and Esc hands back to
the case with the focus on the same list row.  The close check still jumps
into an item's field on the item page, and a signal while typing on the
item page keeps what is typed; closing the case from an item page
leaves both.
"""
import os
import signal
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kaigi_pty import Kaigi, check, db, demo_case, demo_db, open_case_section, run  # noqa: E402

CODE = "K-2026-003"


def goals(home):
    """The goals of the case, in order: a dict col → value for each."""
    con = db(demo_db(home))
    rows = con.execute(
        "SELECT i.id FROM list_item i JOIN form_record r ON r.id = i.record_id "
        "JOIN case_review c ON c.id = r.case_id JOIN person p ON p.id = c.person_id "
        "WHERE r.form = 'case_plan' AND i.field = 'goals' AND p.code = ? "
        "ORDER BY i.ord", (CODE,)).fetchall()
    out = []
    for (item,) in rows:
        out.append(dict(con.execute(
            "SELECT col, value FROM answer WHERE field = 'goals' AND item = ?",
            (item,)).fetchall()))
    return out


def highlighted(k):
    """The text of the pane's highlighted rows (the focus: reverse, or the
    cursor colour), right of the side list."""
    out = []
    for y in range(k.screen.lines):
        row = k.screen.buffer[y]
        cells = [row[x] for x in range(22, k.screen.columns)]
        if any(c.data.strip() and (c.reverse or c.bg == "cyan") for c in cells):
            out.append("".join(c.data for c in cells).strip())
    return out


def item_row(k, n):
    """Wait until list row n (「  n. …」) of the pane has the focus."""
    k.wait_for(lambda t: any(h.startswith("%d." % n) for h in highlighted(k)))


def main():
    with demo_case("まとめ", "目標 (0)") as (home, k):
        # ---- goal 1: a adds it and opens its page on the first field
        k.send("a")
        k.wait_for("絞り込み")
        k.type("長期")
        k.send("enter")
        t = k.wait_for(lambda t: "目標 › 1" in t and "絞り込み" not in t)
        # the case around it: the meeting's clock, the phases, the sections
        for want in ("会議", "論点の提示", "基本情報", "まとめ"):
            check(want in t, "the item page does not show the case's %s:\n%s" % (want, t))
        k.send("down", "down")  # 目標（ご本人の言葉で）
        k.type("一人で買い物に行ける")
        k.send("tab")
        k.wait_for("一人で買い物に行ける")
        k.send("esc")
        k.wait_for(lambda t: "目標 (1)" in t and "目標 › 1" not in t)
        item_row(k, 1)
        # ---- goal 2, added after it: a refused period, then corrected
        k.send("a")
        k.wait_for("絞り込み")
        k.type("短期")
        k.send("enter")
        k.wait_for(lambda t: "目標 › 2" in t and "絞り込み" not in t)
        k.send("down")  # 期間
        k.type("来年の春")
        k.send("enter")
        t = k.wait_for("期間として読め")
        check("目標 › 2" in t, "a refusal left the item page:\n" + t)
        k.send(*["bs"] * 4)
        k.type("2026-11〜2027-05")
        k.send("tab")  # keep it and go on to the next field
        t = k.wait_for(lambda t: "2026-11〜2027-05" in t and "期間として読め" not in t)
        k.type("週1回")  # 目標（ご本人の言葉で）: the field after 期間
        k.send("tab")
        k.wait_for("週1回")
        k.send("esc")  # back to the case, on the same row
        t = k.wait_for(lambda t: "目標 (2)" in t and "目標 › 2" not in t)
        item_row(k, 2)
        g = goals(home)
        check(len(g) == 2, "goals: %r" % g)
        check(g[0].get("horizon") == "long", "goal 1: %r" % g[0])
        check(g[1].get("horizon") == "short", "goal 2: %r" % g[1])
        check(g[0].get("wording") == "一人で買い物に行ける", "goal 1: %r" % g[0])
        check(g[1].get("period") == "2026-11/2027-05", "goal 2's period: %r" % g[1])
        check(g[1].get("wording") == "週1回", "goal 2's wording: %r" % g[1])
        # Enter on the row opens the same item again; Esc comes back to it
        k.send("enter")
        k.wait_for("目標 › 2")
        k.send("esc")
        k.wait_gone("目標 › 2")
        item_row(k, 2)
        # ---- the close check jumps into an item's field on its page
        k.send("enter")
        k.wait_for("目標 › 2")
        k.send("down", "down")
        k.send("del")  # goal 2's wording cleared: the check asks for it
        k.wait_gone("週1回")
        k.send("esc")
        k.wait_gone("目標 › 2")
        k.send("home")  # the focus elsewhere than the row
        k.send("M-c")
        k.wait_for("未入力があります")
        k.type("ご本人の言葉")  # the filter: goal 2's wording (Space would choose)
        t = k.wait_for("目標 2 › 目標（ご本人の言葉で）")
        k.send("enter")
        t = k.wait_for(lambda t: "目標 › 2" in t and "未入力があります" not in t)
        check("目標（ご本人の言葉で）（必須）" in t,
              "the check did not put the focus on the item's field:\n" + t)
        check(any(h.startswith("目標（ご本人の言葉で）") for h in highlighted(k)),
              "the field jumped to is not highlighted: %r\n%s" % (highlighted(k), t))
        k.type("週に一度サロンに通う")  # typed where the check put the focus
        k.send("tab")
        k.wait_for("週に一度サロンに通う")
        k.send("esc")
        k.wait_gone("目標 › 2")
        item_row(k, 2)
        g = goals(home)
        check(g[1].get("wording") == "週に一度サロンに通う", "goal 2's wording: %r" % g[1])
        check(g[1].get("period") == "2026-11/2027-05", "goal 2's period: %r" % g[1])
        # ---- a signal while typing on the item page: kept, and every
        # screen (the item page over the case) flushed and freed
        k.send("enter")
        k.wait_for("目標 › 2")
        k.send("down", "down", "down")  # 達成の指標
        k.type("サロンの出席簿")
        k.wait_for("サロンの出席簿")
        k.kill(signal.SIGTERM)
        st = k.wait_exit()
        check(os.WIFSIGNALED(st) and os.WTERMSIG(st) == signal.SIGTERM, "exit: %r" % st)
    g = goals(home)
    check(g[1].get("indicator") == "サロンの出席簿", "goal 2's indicator: %r" % g[1])
    # ---- closing the case from an item page leaves both
    with Kaigi(["--db", demo_db(home)], home) as k:
        open_case_section(k, "まとめ", "目標 (2)")
        k.send("down", "enter")
        k.wait_for("目標 › 1")
        k.send("M-c")
        k.wait_for("未入力があります")
        k.send("enter")  # close anyway
        t = k.wait_for("1. ✓済 K-")
        check("目標 › 1" not in t and "論点の提示" not in t, "the case is still open:\n" + t)


run(main)

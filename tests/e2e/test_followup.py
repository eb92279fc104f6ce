# SPDX-License-Identifier: MIT
"""Follow-up and the regional picture from the keyboard, in Japanese, 80×24.

A person reviewed twice already (tests/data/followup/three_reviews.yaml);
the third meeting is being planned.  Opening it says a follow-up report is
due; f lists it first, Space and Enter put it on the agenda, started from
last time (the 評価表 lists the open short-term goals, the ADL/IADL grid
carries the last ratings).  h shows the history: what changed since the
review before, the actions agreed before — one is closed with x.  The case
is run and two ratings change, one better and one worse: h shows them as
↑ 改善 and ↓ 悪化, and so does the printed summary.  Then, in a second
kaigi, the home search finds a Japanese phrase inside a long-text answer,
and r promotes a raised regional issue into the register with an owner.
"""
import os
import signal
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kaigi_pty import Kaigi, check, cli, db, run, source, tempdir  # noqa: E402

FIXTURE = source("tests", "data", "followup", "three_reviews.yaml")
MEETING3 = "33333333-3333-4333-8333-333333333333"


def new_case_rows(con, form, col):
    return dict(con.execute(
        "SELECT a.item, a.value FROM answer a JOIN form_record r ON r.id = a.record_id "
        "JOIN case_review c ON c.id = r.case_id WHERE c.meeting_id = ? AND r.form = ? "
        "AND a.col = ?", (MEETING3, form, col)))


def main():
    home = tempdir()
    path = os.path.join(home, "f.db")
    cli(path, home, "import", "-q", FIXTURE)
    with Kaigi(["--db", path], home) as k:
        k.wait_for("過去の会議")
        k.send("enter")  # the newest: meeting 3, planned
        k.wait_for("経過報告の予定が 1 件あります")
        k.send("down", "down", "down", "enter")  # its cases
        k.wait_for("この会議までに経過報告の予定が 1 件あります（f で追加）")
        k.send("f")
        k.wait_for("報告日 2025-07-08  K-2025-101")
        k.send(" ", "enter")
        k.wait_for("K-2025-101 の経過報告を追加しました")
        k.wait_for("1. K-2025-101")

        con = db(path)
        goals = [r[0] for r in con.execute(
            "SELECT a.value FROM answer a JOIN form_record r ON r.id = a.record_id "
            "JOIN case_review c ON c.id = r.case_id JOIN list_item i ON i.id = a.item "
            "WHERE c.meeting_id = ? AND r.form = 'monitoring' AND a.col = 'goal' "
            "ORDER BY i.ord", (MEETING3,))]
        check(goals == ["週1回サロンに通う", "浴槽を手すりなしでまたげる"],
              "the 評価表 starts with the open short-term goals: %s" % goals)
        before = new_case_rows(con, "adl_toyoake", "before")
        check(before.get("outdoor_walk") == 3 and before.get("bathing") == 4
              and before.get("laundry") == 7, "last time's ratings carried over: %s" % before)
        con.close()

        # ---- the history: what changed, the actions agreed before
        k.send("h")
        k.wait_for("事例の経過")
        k.wait_for("2025-04-08 からの変化")  # nothing typed yet: all carried over
        k.wait_for("改善 0・維持 5・悪化 0")
        k.wait_for("前回までの役割分担と今の状況")
        k.wait_for("浴槽またぎの練習")
        k.send("x")
        k.wait_for("浴槽またぎの練習：完了")
        k.send("esc", "esc")
        k.wait_for("1. K-2025-101")
        con = db(path)
        st = con.execute("SELECT a.value FROM answer a WHERE a.field = 'actions' AND a.col = "
                         "'status' AND a.item = (SELECT item FROM answer WHERE col = 'what' "
                         "AND value = '浴槽またぎの練習')").fetchone()
        check(st == ("done",), "closing the action saved its status: %s" % (st,))
        con.close()

        # ---- run the case; two ratings change
        k.send("enter")
        k.wait_for("論点の提示")
        k.send("M-g")
        k.wait_for("見出しへ移動")
        k.type("ADL")
        k.send("enter")
        k.wait_gone("見出しへ移動")
        k.wait_for("屋外歩行")
        k.send("down", "2")  # 屋外歩行 △1 → 〇2
        k.send("down", "down", "down", "5")  # 入浴 △2 → ×1
        k.wait_for(lambda t: "×1" in t)
        k.send("M-h")
        k.wait_for("2025-04-08 からの変化")
        t = k.wait_for("↓ 悪化")
        outdoor = [l for l in t.split("\n") if "屋外歩行" in l]
        bathing = [l for l in t.split("\n") if "入浴" in l]
        check(outdoor and "↑ 改善" in outdoor[0], "屋外歩行 got better:\n" + t)
        check(bathing and "↓ 悪化" in bathing[0], "入浴 got worse:\n" + t)
        check("改善 1・維持 3・悪化 1" in t, "the counts:\n" + t)
        k.kill(signal.SIGTERM)  # saved as typed; kaigi restores the terminal and leaves
        k.wait_exit()

    summary = cli(path, home, "report", MEETING3, "--width", "120")
    for want in ("前回（令和7年4月8日）との比較", "↑ 改善", "↓ 悪化", "改善 1・維持 3・悪化 1",
                 "週1回サロンに通う", "前回までの役割分担と現在の状況", "浴槽またぎの練習"):
        check(want in summary, "the summary lacks %r:\n%s" % (want, summary))

    # ---- search and the register, in a second kaigi
    with Kaigi(["--db", path], home) as k:
        k.wait_for("過去の会議")
        k.send("/")
        k.wait_for("検索:")
        k.type("外出が怖く")
        k.wait_for("記録の中から（1件）")
        k.send("down")  # the hit: where it was found shows below
        t = k.wait_for("ケアマネの見立て")
        check("K-2025-101" in t and "外出が怖くなり" in t,
              "the phrase from the long-text answer:\n" + t)
        k.send("esc")  # the side list: home's keys again
        k.send("r")
        k.wait_for("地域課題 — 全期間")
        k.wait_for("坂の上のスーパーへの移動手段がない")
        k.wait_for("事例 2・会議 2")
        k.send("enter")
        k.wait_for("地域課題台帳の課題")
        k.wait_for("台帳に登録しました（新たにつないだ事例 2 件）")
        k.send("down", "down", "enter")  # 担当
        k.type("高齢介護課")
        k.send("enter")
        k.wait_for("高齢介護課")
        k.send("esc")
        k.wait_for("● 坂の上のスーパーへの移動手段がない")
        k.send("esc", "esc")
        k.wait_for("r 地域課題")  # home again
        k.send("q")
        check(k.wait_exit() == 0, "kaigi did not exit cleanly")

    con = db(path)
    reg = con.execute("SELECT title, owner, policy, status, area FROM regional_issue").fetchall()
    check(reg == [("坂の上のスーパーへの移動手段がない", "高齢介護課", "resource", "open",
                   "東地区")], "the register: %s" % reg)
    links = con.execute("SELECT count(*) FROM regional_issue_case WHERE statement IS NOT NULL"
                        ).fetchone()[0]
    check(links == 2, "both reviews that raised it are linked: %d" % links)
    report = cli(path, home, "report", "regional", "--from", "2025-01-01", "--to", "2025-12-31",
                 "--format", "md")
    check("| 運動・移動 | 東地区 | 坂の上のスーパーへの移動手段がない | 資源発掘 | 高齢介護課 |"
          in report, report)


if __name__ == "__main__":
    run(main)

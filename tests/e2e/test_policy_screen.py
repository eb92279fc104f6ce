# SPDX-License-Identifier: MIT
"""A policy meeting's agenda and a planning meeting's own sheets, on the
meeting screen, from the keyboard, in Japanese, 80×24.

The regional fixture (tests/data/followup/regional.yaml: the register issue
買い物の移動手段の不足, linked to case R-001) plus, written here, a second
issue with a measure and numbers, a policy meeting whose agenda holds both
and a planning meeting.  On the policy meeting: its side list has
議題（地域課題）; the pane shows each issue's measure and numbers; Enter
types the decision, which the linked case's summary then shows; ] moves an
issue later; d (answered y) takes one off.  On the planning meeting: 会議の
記録 lists the sections of the process and outcome sheets; a rating typed
in the outcome sheet's grid is a record of the meeting (no case) and
`kaigi report DATE --sheet outcome_sheet` prints it.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kaigi_pty import Kaigi, check, cli, db, run, source, tempdir  # noqa: E402

FIXTURE = source("tests", "data", "followup", "regional.yaml")
SHOP = "買い物の移動手段の不足"
MED = "服薬管理の支援が足りない"
DECISION = "送迎付きの通いの場を2か所つくる"

EXTRA = """kaigi: records
version: 1
regional_issues:
  - title: %s
    policy: cooperation
    status: open
    category: medical
    measure: 薬剤師がケアマネジャーに同行して訪問する
    indicator: 服薬で課題ありの事例の割合
    baseline: 44
    baseline_date: 2025-03-31
    target: 30
    target_date: 2027-03-31
meetings:
  - template: policy
    title: 第1回 地域ケア推進会議
    date: 2025-09-01
    agenda:
      - {issue: %s}
      - {issue: %s}
  - template: planning
    title: 取組の振り返り
    date: 2025-08-01
""" % (MED, SHOP, MED)


def agenda(con):
    return con.execute("SELECT r.title, a.decision FROM policy_agenda a JOIN regional_issue r "
                       "ON r.id = a.issue_id ORDER BY a.ord").fetchall()


def main():
    home = tempdir()
    path = os.path.join(home, "t.db")
    extra = os.path.join(home, "extra.yaml")
    with open(extra, "w", encoding="utf-8") as f:
        f.write(EXTRA)
    cli(path, home, "import", "-q", FIXTURE, extra)
    with Kaigi(["--db", path], home) as k:
        k.wait_for("過去の会議")
        k.wait_for("第1回 地域ケア推進会議")
        k.send("enter")  # the newest meeting: the policy meeting
        k.wait_for("議題（地域課題） (2)")
        check("事例 (0)" not in k.text(), "a policy meeting lists issues, not cases:\n" + k.text())
        k.wait_for("議題：地域課題（2件）")  # the overview lists them too
        k.send("enter")  # Enter on the overview: to the agenda
        k.wait_for("1. " + SHOP)
        k.wait_for("2. " + MED)
        k.wait_for("（未決定：Enterで入力）")
        k.send("down")
        k.wait_for("薬剤師がケアマネジャーに同行して訪問する")
        k.wait_for("基準値 44（2025-03-31）  目標値 30（2027-03-31）")
        # The decision about the shopping issue, typed on this screen.
        k.send("up", "enter")
        k.wait_for("推進会議の決定")
        k.type(DECISION)
        k.send("f10")
        k.wait_for("✓保存済")
        k.send("esc")
        k.wait_for("1. ✓済 " + SHOP)
        got = agenda(db(path))
        check(got == [(SHOP, DECISION), (MED, None)], "the decision is on the agenda: %r" % (got,))
        # ] moves it later; d, y takes the other one off.
        k.send("]")
        k.wait_for("2. ✓済 " + SHOP)
        got = agenda(db(path))
        check([t for t, _ in got] == [MED, SHOP], "the agenda's order is kept: %r" % (got,))
        k.send("up", "d")
        k.wait_for("この課題を議題から外しますか")
        k.send("y")
        k.wait_for("議題（地域課題） (1)")
        got = agenda(db(path))
        check(got == [(SHOP, DECISION)], "one issue left on the agenda: %r" % (got,))
        # The planning meeting's own sheets.
        k.send("esc", "esc")
        k.wait_for("過去の会議")
        k.send("down", "enter")
        k.wait_for("会議の記録")
        k.send("down", "down", "down", "down")
        k.send("enter")
        k.wait_for("プロセス整理票 — 取組の概要")
        k.wait_for("実装アウトカムシート — 評価の視点")
        k.send("end", "enter")
        k.wait_for("受容性")
        k.send("tab", "2")  # 受容性, 開始前 A
        k.wait_for("✓保存済")
        k.send("esc")
        k.wait_for("実装アウトカムシート — 対象事業")
    con = db(path)
    got = con.execute("SELECT r.case_id, a.item, a.col, a.value FROM answer a JOIN form_record r "
                      "ON r.id = a.record_id WHERE r.form = 'outcome_sheet'").fetchall()
    check(got == [(None, "acceptability", "a_before", 2)],
          "the rating is a record of the meeting itself: %r" % (got,))
    # The linked case's summary shows the decision; the sheet prints alone.
    out = cli(path, home, "report", "2024-05-10", "--width", "120")
    check(DECISION in out, "the linked case's summary shows the decision:\n" + out)
    out = cli(path, home, "report", "2025-08-01", "--sheet", "outcome_sheet", "--width", "120")
    check("実装アウトカムシート" in out and "受容性" in out and "2" in out,
          "the outcome sheet filled on the screen prints:\n" + out)


if __name__ == "__main__":
    run(main)

# SPDX-License-Identifier: MIT
"""The tallies and the policy meeting from the keyboard, in Japanese, 80×24.

The regional fixture (tests/data/followup/regional.yaml: eight reviews, the
outdoor-walking row rated a problem in two) and a policy meeting written
here.  r, then 集計: the share of cases per ADL/IADL row and per raised
wording; Enter lists the cases behind a figure.  On the register, p puts
the issue on the policy meeting's agenda; its page takes the measure's
baseline and the meeting's decision, which the linked case's printed
summary then shows; the agenda travels in a record file.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kaigi_pty import Kaigi, check, cli, db, run, source, tempdir  # noqa: E402

FIXTURE = source("tests", "data", "followup", "regional.yaml")
DECISION = "薬剤師の同行訪問を始める"


def main():
    home = tempdir()
    path = os.path.join(home, "t.db")
    policy = os.path.join(home, "policy.yaml")
    with open(policy, "w", encoding="utf-8") as f:
        f.write("kaigi: records\nversion: 1\nmeetings:\n"
                "  - {template: policy, title: 第1回 地域ケア推進会議, date: 2025-09-01}\n")
    cli(path, home, "import", "-q", FIXTURE, policy)
    with Kaigi(["--db", path], home) as k:
        k.wait_for("過去の会議")
        k.send("r")
        k.wait_for("地域課題 — 全期間")
        k.send("esc")  # the side list
        k.send("down", "down", "down", "enter")  # 集計
        k.wait_for("期間内に検討した事例 8件")
        k.wait_for("屋外歩行  2件（25%）  最多：東地区 50%")
        k.wait_for("坂の上のスーパーへの移動手段がない  5件（63%）")
        # Enter: the cases behind the first line (屋外歩行).
        k.send("enter")
        k.wait_for("屋外歩行：2件の事例")
        k.wait_for("R-001")
        k.send("esc")
        k.wait_for("期間内に検討した事例 8件")
        # [ steps to a 年度 by name.
        k.send("esc", "up", "up", "up", "enter")  # 事例から
        k.send("[")
        k.wait_for("令和")
        k.send("*")
        # The register: p puts its issue on the policy meeting's agenda.
        k.send("esc", "down", "enter")
        k.wait_for("買い物の移動手段の不足")
        k.send("p")
        k.wait_for("推進会議の議題に入れました：買い物の移動手段の不足")
        k.send("enter")
        k.wait_for("推進会議の決定")
        for _ in range(18):
            k.send("down")
        k.send("enter")
        k.type(DECISION)
        k.send("tab")  # keep it and go on (Esc would cancel)
        k.wait_for(DECISION)
    con = db(path)
    got = con.execute("SELECT decision FROM policy_agenda").fetchall()
    check(got == [(DECISION,)], "the decision is saved on the agenda: %r" % (got,))
    # The linked case (R-001 in M1) shows it in its meeting's summary.
    out = cli(path, home, "report", "2024-05-10", "--width", "120")
    check("地域ケア推進会議の決定" in out and DECISION in out,
          "the linked case's summary shows the decision:\n" + out)
    # The agenda travels in a record file, and back.
    yml = os.path.join(home, "all.yaml")
    cli(path, home, "export", "yaml", "-o", yml)
    with open(yml, encoding="utf-8") as f:
        text = f.read()
    check("agenda:" in text and "decision: " + DECISION in text,
          "the export carries the agenda:\n" + text)
    other = os.path.join(home, "other.db")
    cli(other, home, "import", "-q", yml)
    got = db(other).execute("SELECT decision FROM policy_agenda").fetchall()
    check(got == [(DECISION,)], "the decision came back through the record file: %r" % (got,))


if __name__ == "__main__":
    run(main)

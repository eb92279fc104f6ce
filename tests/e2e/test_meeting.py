# SPDX-License-Identifier: MIT
"""A whole meeting from the keyboard, in Japanese, at 80×24.

Create a meeting from a template; fill its facts; add five participants
(a dentist from the town's list of professions, a 司法書士 and a 介護福祉士
written under "other") and
two cases; run the first case: the Toyoake ADL/IADL grid (both rating
columns of every row, a symbol typed as 〇 △ ×), two issues, a goal, advice
linked to an issue, an action; step through the phases; read back; close
the case; quit.  Then check the database holds all of it.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kaigi_pty import Kaigi, answer, check, db, new_meeting, run, tempdir  # noqa: E402

BEFORE = "2351132325223311 25"  # 18 ratings; " 2" is × then 2: ×2
AFTER = "121112112322221113"


def open_section(k, name):
    """g, type part of the section's name, Enter: the page shows it."""
    k.send("M-g")
    k.wait_for("見出しへ移動")
    k.type(name)
    k.send("enter")
    k.wait_gone("見出しへ移動")


def edit_line(k, text):
    k.send("enter")
    k.send("end")
    k.send("\x15")  # ^U: clear what is there
    k.type(text)
    k.send("enter")


def main():
    home = tempdir()
    path = os.path.join(home, "m.db")
    with Kaigi(["--db", path], home) as k:
        # ---- a meeting from a template
        new_meeting(k)
        k.send("down", "enter")  # 会議の情報
        k.wait_for("会議名")
        k.send("down", "down")  # 開始
        edit_line(k, "1400")
        k.wait_for("14:00")
        k.send("down", "down")  # 場所
        edit_line(k, "中央公民館")
        k.wait_for("中央公民館")
        k.send("down", "enter")  # 会議の目的: the long-text editor
        k.wait_for("F10 確定")
        k.type("元の暮らしに戻るための課題と支援を検討する。")
        k.send("f10")
        k.wait_for("元の暮らしに戻るための")
        # ---- participants: name, organisation and profession apart; a
        # profession from the town's list (a dentist), one written as said
        # (その他), the part played (司会)
        k.send("esc", "down", "enter")
        k.wait_for("まだ誰もいません")
        for name, org, prof, other, role in (
                ("山本 花子", "地域包括支援センター", "地域包括", None, "司会"),
                ("小林 誠", "みどり薬局", "薬剤師", None, None),
                ("中村 徹", "なかむら歯科", "歯科医師", None, None),
                ("佐藤 隆", "佐藤事務所", "その他", "司法書士", None),
                ("森 京子", "あおば訪問介護", "その他", "介護福祉士", None)):
            k.send("a")
            k.wait_for("新しい参加者")
            k.type(name)
            k.send("enter", "down")
            edit_line(k, org)
            k.wait_for(org)
            k.send("down", "enter")  # 職種: the town's list
            k.wait_for("絞り込み")
            k.type(prof)
            k.send("enter")
            k.wait_gone("絞り込み")
            k.send("down")  # その他の職種
            if other:
                edit_line(k, other)
                k.wait_for(other)
            k.send("down")  # 会議での役割
            if role:
                k.send("enter")
                k.wait_for("絞り込み")
                k.type(role)
                k.send("enter")
                k.wait_gone("絞り込み")
            k.send("esc")
            k.wait_for(name)
        k.wait_for("参加者：5人（出席5人）")
        # ---- two cases
        k.send("esc", "down", "enter")
        k.wait_for("まだ事例がありません")
        for initials, age in (("T.S", "80代"), ("M.K", "70代")):
            k.send("a")
            k.wait_for("事例番号")
            k.type(initials)
            k.send("enter", "down")
            edit_line(k, age)
            k.wait_for(age)
            k.send("esc")
            k.wait_for(initials)
        k.wait_for("2. K-")
        # ---- run the first case
        k.send("home", "enter")
        k.wait_for("論点の提示")
        k.wait_for("1/5")
        open_section(k, "ADL")
        k.wait_for("室内歩行")
        for ch in BEFORE:
            if ch == " ":
                k.type("×")
                continue
            k.send(ch)
        k.send("home", "right")
        for ch in AFTER:
            k.send(ch)
        k.wait_for("社会参加")
        # ---- issues
        open_section(k, "質疑")
        k.wait_for("課題 (0)")
        k.send("down")
        for demand, need in (("買い物に行くのが怖い", "屋外を安全に歩ける"),
                             ("家にいることが多い", "人と会う場に戻る")):
            k.send("a")
            k.wait_for("困り事（デマンド）")
            k.type(demand)
            k.send("tab", "enter")
            k.type(need)
            k.send("enter")
            k.wait_for(need)
            k.send("esc")
        k.wait_for("課題 (2)")
        # ---- advice tied to issue 1
        open_section(k, "助言")
        k.send("a")  # a new item opens on its first field: the list of professions
        k.wait_for("絞り込み")
        k.type("薬剤")
        k.send("enter")
        k.send("down", "enter")
        k.wait_for("F10 確定")
        k.type("服薬の時間を朝にそろえる。")
        k.send("tab", "enter")
        k.wait_for("1. 屋外を安全に歩ける")
        k.send("enter")
        k.send("esc")
        k.wait_for("専門職からの助言 (1)")
        # ---- a goal and an action
        open_section(k, "まとめ")
        k.wait_for("目標 (0)")
        k.send("a")
        k.wait_for("絞り込み")
        k.type("短期")
        k.send("enter", "down")
        edit_line(k, "3か月")  # a period: three months from the meeting's month
        k.wait_for("（3か月）")
        k.send("down")
        edit_line(k, "近所の公園まで歩ける")
        k.wait_for("近所の公園まで歩ける")
        k.send("esc")
        k.wait_for("目標 (1)")
        k.send("down", "down")  # 役割分担
        k.send("a")
        k.wait_for("誰が")
        k.type("通所型サービスC")
        k.send("enter", "down")
        edit_line(k, "屋外歩行の練習")
        k.send("down")
        edit_line(k, "+14")
        k.send("esc")
        k.wait_for("役割分担 (1)")
        # ---- the follow-up date and a regional issue
        k.send("down", "down")  # past "add": 支援経過の報告日
        edit_line(k, "+28")
        k.send("down", "a")  # 地域課題
        k.wait_for("見えてきた課題")
        k.type("東地区に買い物の移動手段がない")
        k.send("tab", "tab", "enter")  # past 分類 to the kind of policy
        k.type("資源")
        k.send("enter", "esc")
        k.wait_for("地域課題 (1)")
        # ---- the phases, the read-back, closing
        for n in range(4):
            k.send("M-n")
        k.wait_for("5/5")
        k.send("M-w")
        k.wait_for("読み上げ — K-")
        k.wait_for("屋外を安全に歩ける")
        k.wait_for("【薬剤師】")
        k.send("M-c")  # nothing is missing (the 評価表 is not a first review's): closed
        k.wait_for("事例を終えました")
        k.wait_for("✓済 K-")
        k.send("esc")  # the side list
        k.send("esc")  # home
        k.wait_for("これからの会議")
        k.send("q")
        check(k.wait_exit() == 0, "kaigi did not exit cleanly")

    con = db(path)
    m = con.execute("SELECT start_time, place, purpose FROM meeting").fetchone()
    check(m == ("14:00", "中央公民館", "元の暮らしに戻るための課題と支援を検討する。"), m)
    people = con.execute("SELECT name, organisation, profession, role FROM participant "
                         "ORDER BY ord").fetchall()
    check(people == [("山本 花子", "地域包括支援センター", "centre", "facilitator"),
                     ("小林 誠", "みどり薬局", "pharmacist", None),
                     ("中村 徹", "なかむら歯科", "dentist", None),
                     ("佐藤 隆", "佐藤事務所", "scrivener", None),
                     ("森 京子", "あおば訪問介護", "介護福祉士", None)], people)
    cases = con.execute("SELECT p.initials, p.age_band FROM case_review c JOIN person p ON "
                        "p.id = c.person_id ORDER BY c.ord").fetchall()
    check(cases == [("T.S", "80代"), ("M.K", "70代")], cases)
    grid = con.execute("SELECT a.item, a.col, a.value FROM answer a JOIN form_record r ON "
                       "r.id = a.record_id WHERE r.form = 'adl_toyoake'").fetchall()
    check(len(grid) == 36, "%d grid answers: %s" % (len(grid), grid))
    cells = {(i, c): v for i, c, v in grid}
    check(cells[("indoor_walk", "before")] == 2 and cells[("outing", "before")] == 5, cells)
    check(cells[("telephone", "before")] == 6, "× then 2 should be ×2 (6): %s" % cells)
    check(cells[("social", "after")] == 3, cells)
    needs = answer(con, "case_plan", "issues", item=None, col="need")
    check(sorted(needs) == sorted(["屋外を安全に歩ける", "人と会う場に戻る"]), "needs: %s" % needs)
    adv = con.execute("SELECT a.col, a.value FROM answer a WHERE a.field = 'advice'").fetchall()
    check(("profession", "pharmacist") in adv and ("issue", "1") in adv, "advice: %s" % adv)
    goal = con.execute("SELECT a.col, a.value FROM answer a WHERE a.field = 'goals'").fetchall()
    mdate = con.execute("SELECT date FROM meeting").fetchone()[0]
    y, m = int(mdate[:4]), int(mdate[5:7])
    end = "%04d-%02d" % (y + (m + 2) // 12, (m + 2) % 12 + 1)
    want = ("period", "%s/%s" % (mdate[:7], end))
    check(("horizon", "short") in goal and want in goal, "goal: %s, wanted %s" % (goal, want))
    act = dict(con.execute("SELECT a.col, a.value FROM answer a WHERE a.field = 'actions'"))
    check(act.get("who") == "通所型サービスC" and act.get("due", "").startswith("20"), act)
    check(act.get("status") == "todo", "the action's default status: %s" % act)
    reg = dict(con.execute("SELECT a.col, a.value FROM answer a WHERE a.field = "
                           "'regional_issues'"))
    check(reg == {"statement": "東地区に買い物の移動手段がない", "policy": "resources"},
          "the regional issue raised: %s" % reg)
    fdate = answer(con, "case_plan", "followup_date")
    check(len(fdate) == 1 and fdate[0] > act["due"], "follow-up date %s" % fdate)
    phases = con.execute("SELECT phase, planned_sec, actual_sec FROM phase_timing t JOIN "
                         "case_review c ON c.id = t.case_id ORDER BY t.ord").fetchall()
    check(len(phases) == 5, "phase timings: %s" % phases)
    check(all(p[2] is not None for p in phases), phases)


if __name__ == "__main__":
    run(main)

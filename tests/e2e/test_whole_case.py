# SPDX-License-Identifier: MIT
"""A whole case typed key by key at 80×24 under LANG=ja_JP.UTF-8, as a
facilitator types it under a running timer — then the database holds
exactly what was typed, field by field.

It includes text that starts with ASCII letters (B病院, BMI18.7, PT, SC,
HT), long texts each followed by Tab and the next field, a refused value
(年齢 八十一) kept as a draft and corrected later, dates typed with `t` and
`+90`, and a grid rated with digits.  It counts the keys the case needed
(each key or typed character one) and prints the figure;
tests/bench/keys_per_case.py compares it with the model before the Alt-letter
commands.
"""
import datetime
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kaigi_pty import (Kaigi, add_case, answer, check, db, goto_section, new_meeting,  # noqa: E402
                       run, tempdir)


class Counted(Kaigi):
    keys = 0

    def send(self, *keys, settle=True):
        Counted.keys += len(keys)
        return super().send(*keys, settle=settle)

    def type(self, text):
        Counted.keys += len(text)
        return super().type(text)


def main():
    home = tempdir()
    path = os.path.join(home, "w.db")
    today = datetime.date.today()
    with Counted(["--db", path], home) as k:
        new_meeting(k)
        k.send("down", "down", "down", "enter")  # 事例
        k.wait_for("まだ事例がありません")
        Counted.keys = 0  # the case starts here
        add_case(k, "事例番号")
        k.fill("T.S", "80代", then="enter")
        k.send("esc")
        k.wait_for("T.S")
        k.send("home", "enter")
        k.wait_for("論点の提示")
        # 論点 (long text), Tab flows on to 質疑と課題
        k.fill("ADLの低下で買い物に行けない")
        k.wait_for("医学的リスクと対応")
        k.fill("HTとDMで通院中、転倒歴あり")
        k.wait_for("課題 (0)")
        k.send("a")
        k.wait_for("困り事（デマンド）")
        k.fill("買い物に行きたい", "屋外を安全に歩ける")
        k.send("esc")
        k.wait_for("課題 (1)")
        # 基本情報: ASCII first, t, a refused age
        goto_section(k, "基本情報")
        k.wait_for("イニシャル")
        k.send("down", "down")  # 担当
        # 担当; カンファレンス日 and 初回訪問日 today; 年齢 refused, kept as a draft
        k.fill("B病院の相談員", "t", "t", "八十一")
        k.wait_for("［未確定］八十一")
        # 住まいと家族: a line, then two long texts with Tab between
        goto_section(k, "住まいと家族")
        k.wait_for("町名")
        # the last Tab, from the last field: on to 身体と医療
        k.fill("南町", "A棟の2階、エレベーターなし", "夫と二人暮らし")
        k.wait_for("身長")
        k.fill("151.5", "44")
        k.send("tab")  # past BMI (calculated)
        k.wait_for("19.2")
        k.fill("HT、DM", "SU薬を朝に1回")
        # the ADL grid, rated with digits
        goto_section(k, "ADL")
        k.wait_for("室内歩行")
        for d in "3251":
            k.send(d)
        # advice that starts with ASCII
        goto_section(k, "助言")
        k.send("a")
        k.wait_for("絞り込み")
        k.type("管理栄養")
        k.send("enter", "tab")
        k.type("BMI18.7、体重を月1回測る")
        k.send("tab", "enter")
        k.wait_for("屋外を安全に歩ける")
        k.send("enter", "esc")
        k.wait_for("専門職からの助言 (1)")
        # an action due in 90 days, the follow-up date
        goto_section(k, "まとめ")
        k.wait_for("役割分担")
        k.send("down", "down", "a")
        k.wait_for("誰が")
        k.fill("PT", "SCの紹介と屋外歩行の練習", "+90")
        k.send("esc")
        k.wait_for("役割分担 (1)")
        k.send("down", "down")  # 支援経過の報告日
        k.type("+120")
        k.send("enter")
        # the refused age, corrected later
        goto_section(k, "基本情報")
        k.wait_for("［未確定］八十一")
        for _ in range(5):
            k.send("down")
        k.wait_for("整数ではありません")  # its reason shows when it has the focus
        k.send("enter", "\x15")
        k.type("81")
        k.send("enter")
        k.wait_for("81 歳")
        k.send("M-c")  # everything asked for is answered: closed at once
        k.wait_for("事例を終えました")
        keys = Counted.keys
    con = db(path)

    def one(form, field, col=""):
        v = answer(con, form, field, item=None if col else "", col=col)
        check(len(v) == 1, "%s.%s %s: %r" % (form, field, col, v))
        return v[0]

    want = {
        ("case_plan", "consult_point", ""): "ADLの低下で買い物に行けない",
        ("case_plan", "medical_risk", ""): "HTとDMで通院中、転倒歴あり",
        ("case_plan", "issues", "demand"): "買い物に行きたい",
        ("case_plan", "issues", "need"): "屋外を安全に歩ける",
        ("toyoake_case_sheet", "care_manager", ""): "B病院の相談員",
        ("toyoake_case_sheet", "conference_date", ""): today.isoformat(),
        ("toyoake_case_sheet", "first_visit_date", ""): today.isoformat(),
        ("toyoake_case_sheet", "age", ""): 81,
        ("toyoake_case_sheet", "district", ""): "南町",
        ("toyoake_case_sheet", "housing", ""): "A棟の2階、エレベーターなし",
        ("toyoake_case_sheet", "household", ""): "夫と二人暮らし",
        ("toyoake_case_sheet", "height", ""): 151.5,
        ("toyoake_case_sheet", "weight", ""): 44,
        ("toyoake_case_sheet", "medical_history", ""): "HT、DM",
        ("toyoake_case_sheet", "medication", ""): "SU薬を朝に1回",
        ("case_plan", "advice", "profession"): "dietitian",
        ("case_plan", "advice", "text"): "BMI18.7、体重を月1回測る",
        ("case_plan", "advice", "issue"): "1",
        ("case_plan", "actions", "who"): "PT",
        ("case_plan", "actions", "what"): "SCの紹介と屋外歩行の練習",
        ("case_plan", "actions", "due"): (today + datetime.timedelta(days=90)).isoformat(),
        ("case_plan", "followup_date", ""): (today + datetime.timedelta(days=120)).isoformat(),
    }
    bad = []
    for (form, field, col), v in want.items():
        got = one(form, field, col)
        if got != v:
            bad.append("%s.%s %s: %r, typed %r" % (form, field, col, got, v))
    check(not bad, "\n".join(bad))
    grid = dict(con.execute(
        "SELECT a.item, a.value FROM answer a JOIN form_record r ON r.id = a.record_id "
        "WHERE r.form = 'adl_toyoake' AND a.col = 'before'"))
    check(grid == {"indoor_walk": 3, "outdoor_walk": 2, "outing": 5, "toileting": 1}, grid)
    check(con.execute("SELECT count(*) FROM draft").fetchone()[0] == 0, "drafts left")
    print("keys for the case: %d" % keys)


if __name__ == "__main__":
    run(main)

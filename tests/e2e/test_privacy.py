# SPDX-License-Identifier: MIT
"""Told while typing, and the person's identity on the case page.

- Typing a phone number into a free-text field (世帯) puts on the status line
  that the handout will hide it, and why; ordinary text (週3回) does not;
  the typing is not stopped: the text is saved as typed.
- The person's own name, once kept in the identity fields of the case page
  (stored apart, person_identity), is recognised when typed in a record.
- The anonymised summary holds neither.
"""
import datetime
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kaigi_pty import (Kaigi, answer, binary, check, db, demo_db, goto_section,  # noqa: E402
                       open_today_case, open_today_cases, run, tempdir)

HINT = "配布資料ではここが〔伏せ字〕になります"


def main():
    home = tempdir()
    with Kaigi(["demo"], home) as k:
        # ---- the identity fields of the case page
        open_today_cases(k)
        k.send("e")
        k.wait_for("氏名（個人情報）")
        for _ in range(6):
            k.send("down")
        k.send("enter")
        k.type("宮本 和子")
        k.send("enter")
        k.wait_for("宮本 和子")
        con = db(demo_db(home))
        row = con.execute("SELECT i.name FROM person_identity i JOIN person p ON "
                          "p.id = i.person_id WHERE p.code LIKE 'K-%'").fetchall()
        check(row == [("宮本 和子",)], "identity not saved: %r" % row)
        k.send("esc")
        k.wait_gone("氏名（個人情報）")
        k.send("enter")
        k.wait_for("論点の提示")
        # ---- a phone number typed into 世帯
        goto_section(k, "住まいと家族")
        k.wait_for("世帯")
        k.send("down", "down")
        k.send("enter", "end")
        k.type("週3回のデイ。")
        check(HINT not in k.text(), "ordinary text flagged")
        k.type("長女の携帯は０９０－１２３４－５６７８")
        k.wait_for(HINT + "（電話番号のようです）")
        k.send("f10")  # keep it (Esc would cancel)
        k.wait_for("長女の携帯は")
        saved = answer(db(demo_db(home)), "toyoake_case_sheet", "household", case_code="K-2026-003")
        check(saved and saved[0].endswith("長女の携帯は０９０－１２３４－５６７８"),
              "not saved as typed: %r" % saved)
        # ---- the person's own name, in another field
        k.send("up")
        k.send("enter", "end")
        k.type("和子さん")
        k.wait_for(HINT + "（ご本人の氏名のようです）")
        k.send("f10")
        k.wait_for("和子さん")
    r = subprocess.run([binary(), "--db", demo_db(home), "--lang", "ja", "report",
                        datetime.date.today().isoformat(),
                        "--format", "md"], capture_output=True, env=dict(os.environ, HOME=home,
                       XDG_DATA_HOME=os.path.join(home, "data"),
                       XDG_CONFIG_HOME=os.path.join(home, "config")))
    out = r.stdout.decode()
    check(r.returncode == 0, "report: " + r.stderr.decode())
    check("週3回のデイ。長女の携帯は〔伏せ字〕" in out, "the summary does not hide the phone:\n" + out)
    check("１２３４" not in out and "和子" not in out, "the summary holds an identifying value")


run(main)

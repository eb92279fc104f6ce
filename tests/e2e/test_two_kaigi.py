# SPDX-License-Identifier: MIT
"""Two kaigi on the same file (a second laptop window, a colleague on the
same share): both write, neither loses the other's answers."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kaigi_pty import (Kaigi, answer, check, db, demo_db, goto_section,  # noqa: E402
                       open_today_case, run, tempdir)


def fill(k, section, field, text):
    goto_section(k, section)
    k.wait_for(field)
    k.send("enter")
    k.type(text)
    k.send("f10" if section == "生活と見立て" else "enter")
    k.wait_for(text[:4])


def main():
    home = tempdir()
    with Kaigi(["demo"], home) as a:
        open_today_case(a)
        with Kaigi(["--db", demo_db(home)], home) as b:
            open_today_case(b, down=1)
            fill(a, "住まいと家族", "町名", "南町")
            fill(b, "住まいと家族", "町名", "西町二丁目")
            fill(a, "生活と見立て", "生活課題", "Aの入力")
            fill(b, "生活と見立て", "生活課題", "Bの入力")
            b.send("M-c")
            b.wait_for("未入力")
            b.send("home", "enter")
            b.wait_for("事例を終えました")
        a.send("M-c")
        a.wait_for("未入力")
        a.send("home", "enter")
        a.wait_for("事例を終えました")
    con = db(demo_db(home))
    check(answer(con, "toyoake_case_sheet", "district", case_code="K-2026-003") == ["南町"], "A")
    check("西町二丁目" in answer(con, "toyoake_case_sheet", "district", case_code="K-2026-001"),
          "B")
    check(answer(con, "toyoake_case_sheet", "life_issue", case_code="K-2026-003") == ["Aの入力"],
          "A long text")
    # Both wrote phase times for their own case.
    n = con.execute("SELECT count(DISTINCT case_id) FROM phase_timing t JOIN case_review c ON "
                    "c.id = t.case_id JOIN meeting m ON m.id = c.meeting_id WHERE m.date = "
                    "date('now', 'localtime')").fetchone()[0]
    check(n == 2, "phase times of %d cases" % n)


if __name__ == "__main__":
    run(main)

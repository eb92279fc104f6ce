# SPDX-License-Identifier: MIT
"""Drafts survive SIGKILL: at most the last second of typing is lost.

Twenty times, kaigi is started on the same database, a field is opened —
a long text and a one-line field in turn — and Japanese and ASCII text is
typed into it key by key (25 characters a second) while kaigi is killed
with SIGKILL at a random moment.  After each kill the drafts table must
hold everything typed up to one second before the kill (and nothing that
was not typed).  The next start shows the draft in place with the focus on it
(下書きを復元しました); Enter opens it and typing goes on after it.  At the end
the draft is kept with Enter and Tab and becomes the answer.
"""
import os
import random
import signal
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kaigi_pty import (Kaigi, answer, check, db, demo_db, goto_section,  # noqa: E402
                       open_case_section, open_today_case, run, tempdir)

ROUNDS = 20
CPS = 25  # characters a second
PHRASE = "BMI18.7の記録、PTとSCで週2回確認する。ADL低下なし。"
FIELDS = [
    # (section, label on the page, field id, rows down from the first field)
    ("生活と見立て", "生活課題", "life_issue", 0),
    ("基本情報", "担当", "care_manager", 2),
]
RESTORED = "Enter で開いて Tab で確定"


def draft(home, field):
    r = db(demo_db(home)).execute("SELECT text FROM draft WHERE field = ?", (field,)).fetchone()
    return r[0] if r else None


def one(home, rnd, typed_so_far, rng):
    section, label, field, down = FIELDS[rnd % 2]
    prior = typed_so_far[field]
    with Kaigi(["--db", demo_db(home)], home) as k:
        open_case_section(k, section, label)
        if prior:
            # Offered back in place: the focus is on it; Enter opens it.
            k.wait_for(RESTORED)
            k.wait_for("［下書き］")
            k.send("enter")
            tail = prior[-8:]
            # the editor's text, its wrapped lines joined (the right pane only)
            t = k.wait_for(lambda t: tail.replace(" ", "") in "".join(
                l.split("│", 1)[-1] for l in t.split("\n")).replace(" ", ""))
        else:
            for _ in range(down):
                k.send("down")
        text = (PHRASE * 6)[rng.randrange(len(PHRASE)):][:120]
        kill_after = rng.uniform(0.3, 3.5)
        times = []
        start = time.monotonic()
        for ch in text:
            now = time.monotonic()
            if now - start >= kill_after:
                break
            os.write(k.fd, ch.encode("utf-8"))
            times.append(time.monotonic())
            k.pump(0)
            time.sleep(max(0.0, 1.0 / CPS - (time.monotonic() - now)))
        killed = time.monotonic()
        k.kill(signal.SIGKILL)
        k.wait_exit()
    sent = text[:len(times)]
    must = sum(1 for t in times if t <= killed - 1.0)
    got = draft(home, field) or ""
    want_all = prior + sent
    check(want_all.startswith(got),
          "round %d (%s): the draft %r is not what was typed %r" % (rnd, field, got, want_all))
    check(len(got) >= len(prior) + must,
          "round %d (%s): %d characters typed over a second before the kill, %d kept "
          "(draft %r)" % (rnd, field, must, len(got) - len(prior), got))
    typed_so_far[field] = got
    return len(prior) + len(sent) - len(got), killed - (times[-1] if times else killed)


def main():
    home = tempdir()
    seed = int(os.environ.get("KAIGI_TEST_SEED", time.time()))
    rng = random.Random(seed)
    print("seed", seed)
    # The fields start empty (the demo fills some).
    with Kaigi(["demo"], home) as k:
        open_today_case(k)
        for section, label, field, down in FIELDS:
            goto_section(k, section)
            k.wait_for(label)
            for _ in range(down):
                k.send("down")
            k.send("del")
        k.send("M-w")
        k.wait_for("読み上げ")
    for section, label, field, down in FIELDS:
        check(answer(db(demo_db(home)), "toyoake_case_sheet", field,
                     case_code="K-2026-003") == [], "%s not cleared" % field)
    typed = {f[2]: "" for f in FIELDS}
    lost = []
    for rnd in range(ROUNDS):
        n, _ = one(home, rnd, typed, rng)
        lost.append(n)
    print("characters lost per kill:", lost)
    # Kept at last: Tab saves the restored draft as the answer.
    with Kaigi(["--db", demo_db(home)], home) as k:
        k.wait_for("下書きを復元しました")
        open_case_section(k, FIELDS[0][0], RESTORED)
        k.send("enter")
        k.wait_for("Tab 確定・次へ")  # the editor, on the restored text
        k.send("tab")
        k.wait_gone("Tab 確定・次へ")  # kept: the editor has closed
    got = answer(db(demo_db(home)), "toyoake_case_sheet", FIELDS[0][2], case_code="K-2026-003")
    check(got == [typed[FIELDS[0][2]]], "kept %r, typed %r" % (got, typed[FIELDS[0][2]]))
    check(draft(home, FIELDS[0][2]) is None, "the draft stayed after it was kept")


if __name__ == "__main__":
    run(main)

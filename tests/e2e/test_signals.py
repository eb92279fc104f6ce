# SPDX-License-Identifier: MIT
"""SIGTERM, SIGHUP and SIGINT (^C) in the middle of typing: kaigi saves the
field being edited, restores the terminal and ends by the same signal."""
import os
import signal
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kaigi_pty import answer, check, db, demo_case, demo_db, run  # noqa: E402


def one(sig, text):
    with demo_case("生活と見立て", "生活課題") as (home, k):
        k.send("enter")
        k.wait_for("F10 確定")
        k.type(text)
        k.wait_for(text)
        if sig == signal.SIGINT:
            k.send("\x03", settle=False)  # ^C at the terminal
        else:
            k.kill(sig)
        st = k.wait_exit()
        check(os.WIFSIGNALED(st) and os.WTERMSIG(st) == sig,
              "%s: kaigi should end by the signal, status %r" % (sig.name, st))
        log = bytes(k.log)
        # The alternate screen was left and the cursor shown again.
        check(log.rfind(b"\x1b[?1049l") > log.rfind(b"\x1b[?1049h"),
              "%s: the terminal was not restored" % sig.name)
    got = answer(db(demo_db(home)), "toyoake_case_sheet", "life_issue", case_code="K-2026-003")
    check(got == [text], "%s: saved %r, want %r" % (sig.name, got, text))


def main():
    one(signal.SIGTERM, "終了シグナルでも保存される")
    one(signal.SIGHUP, "回線が切れても保存される")
    one(signal.SIGINT, "Ctrl-Cでも保存される")


if __name__ == "__main__":
    run(main)

# SPDX-License-Identifier: MIT
"""A database kaigi cannot write opens read-only, says so and why on the
status line, refuses every change, and is left byte for byte as it was."""
import hashlib
import os
import re
import shutil
import stat
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kaigi_pty import (Kaigi, binary, check, demo_db, open_today_case, run,  # noqa: E402
                       tempdir)


# Three or more English words in a row (test_messages_ja.py).
ENGLISH = re.compile(r"[A-Za-z']{2,}(?:[ ,]+[A-Za-z']{2,}){2,}")


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def main():
    home = tempdir()
    env = dict(os.environ, XDG_DATA_HOME=os.path.join(home, "data"), LANG="C.UTF-8")
    subprocess.run([binary(), "demo", "--no-ui"], env=env, check=True, stdout=subprocess.DEVNULL)
    path = demo_db(home)
    prefix = ()
    extra_env = {"HOME": home}
    if os.geteuid() == 0:
        # root may write anything: run kaigi as nobody, who may only read.
        for d in (home, os.path.join(home, "data"), os.path.dirname(path)):
            os.chmod(d, 0o755)
        # The folder is nobody's (SQLite may keep its -shm there for
        # reading); the file is root's: nobody can read it, not write it.
        os.chown(os.path.dirname(path), 65534, 65534)
        os.chmod(path, 0o644)
        prefix = ("/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups")
        # nobody may not be able to reach the source and build trees (a
        # clone under /root, mode 0700): give it copies of the forms, the
        # town settings and the catalogues that it can read.
        src = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
        share = os.path.join(home, "share")
        shutil.copytree(os.path.join(src, "forms"), os.path.join(share, "forms"))
        shutil.copytree(os.path.join(src, "config"), os.path.join(share, "config"))
        extra_env["KAIGI_FORMS_DIR"] = os.path.join(share, "forms")
        po = os.path.join(os.path.dirname(binary()), "po")
        if os.path.isdir(po):
            shutil.copytree(po, os.path.join(share, "locale"))
            extra_env["KAIGI_LOCALE_DIR"] = os.path.join(share, "locale")
        for base, dirs, files in os.walk(share):
            for name in dirs + files:
                os.chmod(os.path.join(base, name), 0o755)
        os.chmod(share, 0o755)
    else:
        os.chmod(path, 0o444)
    before = digest(path)
    with Kaigi(["--db", path], home, prefix=prefix, env=extra_env) as k:
        t = k.wait_for("読み取り専用")
        check("read-only" in t or "読み取り専用" in k.line(k.rows - 2), t)
        # The store's reason is translated too: no English sentence.
        m = ENGLISH.search(k.line(k.rows - 2))
        check(m is None, "English on the status line: %r\n%s" % (m and m.group(0), t))
        open_today_case(k)
        k.send("enter")  # try to edit the first field
        k.wait_for("変更はできません")
        k.send("M-n")  # the timer does not write either
        k.send("M-c")
        k.wait_for("未入力があります")
        k.send("home", "enter")  # close the case anyway
        k.wait_for("1. K-2026-003")
        k.send("esc", "esc")
        k.wait_for("これからの会議")
        k.send("q")
        check(k.wait_exit() == 0, "kaigi did not exit cleanly")
    check(digest(path) == before, "the read-only database was changed")
    check(not os.path.exists(path + "-wal") or os.path.getsize(path + "-wal") == 0,
          "a WAL file was written")


if __name__ == "__main__":
    run(main)

# SPDX-License-Identifier: MIT
"""Sync conflicts in the UI: the home screen says when the last
exchange was and how many conflicts wait; c shows them side by side (the
value here, the incoming one, who and when); i takes the incoming value,
which is then in the database and the conflict settled."""
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kaigi_pty import Kaigi, binary, check, db, run, tempdir  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def main():
    home = tempdir()
    cfg = os.path.join(home, "config", "kaigi")
    os.makedirs(cfg)
    with open(os.path.join(cfg, "config.yaml"), "w") as f:
        f.write("town: {ja: みどり町}\n")
    pw = os.path.join(home, "pass")
    with open(pw, "w") as f:
        f.write("みどり町の合言葉は坂の上のスーパー\n")
    env = dict(os.environ, LANG="C.UTF-8", XDG_CONFIG_HOME=os.path.join(home, "config"),
               KAIGI_PASSPHRASE_FILE=pw, KAIGI_SYNC_ARGON2="interactive")
    a, b = os.path.join(home, "a.db"), os.path.join(home, "b.db")

    def k(dbp, *args, who="tester"):
        subprocess.run([binary(), "--db", dbp] + list(args), env=dict(env, KAIGI_FACILITATOR=who),
                       check=True, stdout=subprocess.DEVNULL)

    k(a, "import", "-q", os.path.join(ROOT, "tests", "data", "followup", "three_reviews.yaml"))
    k(b, "sync", "name", "南センター")
    k(a, "sync", "export", "-o", os.path.join(home, "a.kgs"))
    k(b, "sync", "import", os.path.join(home, "a.kgs"))
    base = subprocess.run([binary(), "--db", a, "export", "yaml"], env=env, check=True,
                          capture_output=True).stdout.decode()
    for dbp, text, who in ((a, "ここの案", "yamada"), (b, "向こうの案", "suzuki")):
        y = os.path.join(home, who + ".yaml")
        with open(y, "w") as f:
            f.write(base.replace("what: 玄関に手すりを付ける", "what: " + text, 1))
        k(dbp, "import", "-q", y, who=who)
    k(b, "sync", "export", "-o", os.path.join(home, "b.kgs"))
    k(a, "sync", "import", os.path.join(home, "b.kgs"))

    with Kaigi(["--db", a], home, env={"KAIGI_FACILITATOR": "yamada"}) as ui:
        t = ui.wait_for("競合 1 件が判断待ち")
        check("最後の受け渡し" in t and "南センター" in t, t)
        ui.send("c")
        t = ui.wait_for("相手の値 [i]")
        check("この端末の値 [l]" in t, t)
        check("ここの案" in t and "向こうの案" in t, t)
        check("yamada" in t and "suzuki" in t, t)
        check("両方の端末で変更されました" in t, t)
        ui.send("i")
        ui.wait_for("判断待ちの競合はありません")
        ui.send("esc")
        ui.wait_gone("判断待ち")
    con = db(a)
    what = [r[0] for r in con.execute(
        "SELECT value FROM answer WHERE field = 'actions' AND col = 'what' AND value LIKE '%案'")]
    check(what == ["向こうの案"], what)
    check(con.execute("SELECT count(*) FROM sync_conflict WHERE state = 'open'").fetchone()[0] == 0,
          "the conflict should be settled")
    check(con.execute("SELECT count(*) FROM sync_decision").fetchone()[0] == 1,
          "the decision should be recorded to travel")


run(main)

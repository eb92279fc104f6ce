# SPDX-License-Identifier: MIT
"""SIGKILL during `kaigi sync import`, at 50 random moments.

A bundle of half a year of one centre's meetings (tests/bench's generator)
is imported into a fresh database; the import is killed at a random moment
between its start and its end.  Afterwards the database must pass
PRAGMA integrity_check and hold either nothing of the bundle (as before) or
all of it (as after): never a part.
"""
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

ROOT = os.environ.get("KAIGI_SOURCE_ROOT", ".")
BIN = os.environ.get("KAIGI_BIN", os.path.join(ROOT, "build", "kaigi"))
GEN = os.path.join(ROOT, "tests", "bench", "gen_reference.py")
FORMS = os.path.join(ROOT, "tests", "bench", "forms")
ROUNDS = int(os.environ.get("KAIGI_KILL_ROUNDS", "50"))
TABLES = ["meeting", "person", "case_review", "form_record", "list_item", "answer", "audit",
          "sync_log", "search_doc"]


def state(db):
    c = sqlite3.connect(db)
    ok = c.execute("PRAGMA integrity_check").fetchone()[0]
    counts = tuple(c.execute("SELECT count(*) FROM %s" % t).fetchone()[0] for t in TABLES)
    c.close()
    return ok, counts


def main():
    random.seed(int(os.environ.get("KAIGI_KILL_SEED", "10")))
    with tempfile.TemporaryDirectory(prefix="kaigi-sync-kill-") as d:
        cfg = os.path.join(d, "cfg")
        os.makedirs(os.path.join(cfg, "kaigi"))
        with open(os.path.join(cfg, "kaigi", "config.yaml"), "w") as f:
            f.write("sync: {town: midori}\n")
        pw = os.path.join(d, "pass")
        with open(pw, "w") as f:
            f.write("a passphrase long enough\n")
        env = dict(os.environ, LANG="C.UTF-8", XDG_CONFIG_HOME=cfg, KAIGI_PASSPHRASE_FILE=pw,
                   KAIGI_SYNC_ARGON2="interactive")

        def kaigi(db, *args):
            p = subprocess.run([BIN, "--db", db, "--forms", FORMS] + list(args), env=env,
                               capture_output=True)
            if p.returncode:
                sys.exit("kaigi %s: %s" % (" ".join(args), p.stderr.decode()))

        subprocess.run([sys.executable, GEN, os.path.join(d, "gen"), "--scale", "0.01"],
                       check=True, capture_output=True)
        recs = sorted(os.listdir(os.path.join(d, "gen", "records")))[:6]
        src = os.path.join(d, "src.db")
        kaigi(src, "import", "-q", *[os.path.join(d, "gen", "records", r) for r in recs])
        bundle = os.path.join(d, "b.kgs")
        kaigi(src, "sync", "export", "-o", bundle)
        empty = os.path.join(d, "empty.db")
        kaigi(empty, "sync", "status")
        before = state(empty)
        ref = os.path.join(d, "ref.db")
        shutil.copy(empty, ref)
        t0 = time.monotonic()
        kaigi(ref, "sync", "import", bundle)
        total = time.monotonic() - t0
        after = state(ref)
        if before[1] == after[1]:
            sys.exit("the bundle changed nothing: no test")
        seen = {"before": 0, "after": 0}
        db = os.path.join(d, "t.db")
        for i in range(ROUNDS):
            for ext in ("", "-wal", "-shm"):
                if os.path.exists(db + ext):
                    os.unlink(db + ext)
            shutil.copy(empty, db)
            p = subprocess.Popen([BIN, "--db", db, "--forms", FORMS, "sync", "import", bundle],
                                 env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(random.uniform(0, total * 1.15))
            p.kill()
            p.wait()
            now = state(db)
            if now[0] != "ok":
                sys.exit("round %d: integrity_check says %s" % (i, now[0]))
            if now[1] == before[1]:
                seen["before"] += 1
            elif now[1] == after[1]:
                seen["after"] += 1
            else:
                sys.exit("round %d: half an import: %s (before %s, after %s)" %
                         (i, now[1], before[1], after[1]))
        print("ok: %d kills over %.2f s: %d before, %d after" %
              (ROUNDS, total, seen["before"], seen["after"]))


if __name__ == "__main__":
    main()

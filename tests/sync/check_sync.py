# SPDX-License-Identifier: MIT
"""kaigi sync as a town uses it, through the real binary.

Three databases: laptops A and B and the town's hub H.  A and B record
offline, edit the same answer, the same list and the same person; bundles
travel in several orders (one arrives before the one it depends on);
afterwards every database holds the same records apart from unresolved
conflicts, which both sides list with both values; settling them on A
settles them on B and H after the next exchange.  Then the refusals
(tampered, truncated, wrong passphrase, wrong town, newer schema: exit 1,
the database byte-for-byte unchanged), idempotence, one audit row per real
change, the full-text index, and the primary keys of the travelling tables.
"""
import hashlib
import os
import re
import sqlite3
import sys
import tempfile
import uuid

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from kaigi_test import kaigi, source, want  # noqa: E402

DATA = source("tests", "data", "followup")
TRAVELLING = ["meeting", "participant", "person", "case_review", "phase_timing", "form_record",
              "list_item", "answer", "regional_issue", "regional_issue_case", "sync_decision"]


class Town:
    def __init__(self, d):
        self.d = d
        self.cfg = os.path.join(d, "cfg")
        os.makedirs(os.path.join(self.cfg, "kaigi"))
        with open(os.path.join(self.cfg, "kaigi", "config.yaml"), "w") as f:
            f.write("town: {ja: みどり町}\nsync: {town: midori, passphrase_min_length: 16}\n")
        self.pass_file = os.path.join(d, "pass")
        with open(self.pass_file, "w") as f:
            f.write("みどり町の合言葉は坂の上のスーパー\n")

    def run(self, db, *args, code=0, who="tester", env=None):
        e = dict(os.environ, LANG="C.UTF-8", XDG_CONFIG_HOME=self.cfg,
                 KAIGI_PASSPHRASE_FILE=self.pass_file, KAIGI_FACILITATOR=who)
        e["KAIGI_SYNC_ARGON2"] = "interactive"  # quicker; the default is tried once below
        if env:
            e.update(env)
        return kaigi(db, *args, lang="en", code=code, env=e)


def site(db):
    c = sqlite3.connect(db)
    v = c.execute("SELECT value FROM setting WHERE key = 'site_id'").fetchone()[0]
    c.close()
    return v


def count(db, sql):
    c = sqlite3.connect(db)
    v = c.execute(sql).fetchone()[0]
    c.close()
    return v


def digest(db):
    h = hashlib.sha256()
    for p in (db, db + "-wal"):
        if os.path.exists(p):
            with open(p, "rb") as f:
                h.update(f.read())
    return h.hexdigest()


def yaml(t, db):
    return t.run(db, "export", "yaml")[0]


def diff_lines(a, b):
    la, lb = a.splitlines(), b.splitlines()
    if len(la) != len(lb):
        sys.exit("exports differ in length:\n%s\n----\n%s" % (a, b))
    return [(x, y) for x, y in zip(la, lb) if x != y]


def check_primary_keys(db):
    """Every travelling table has a declared key made of travelling values:
    no local rowid (INTEGER PRIMARY KEY) and no table without a key."""
    c = sqlite3.connect(db)
    for t in TRAVELLING:
        cols = c.execute("SELECT name, type, pk FROM pragma_table_info(?)", (t,)).fetchall()
        pk = [x for x in cols if x[2] > 0]
        if not pk:
            sys.exit("travelling table %s has no declared primary key" % t)
        if len(pk) == 1 and pk[0][1].upper() == "INTEGER":
            sys.exit("travelling table %s is keyed by a local integer" % t)
    c.close()


def edit(base, what, area, title=None, item=None):
    y = base.replace("what: 玄関に手すりを付ける", "what: " + what, 1)
    y = y.replace("  area: 東地区", "  area: " + area, 1)
    if title:
        y = y.replace("title: 第1回 自立支援型地域ケア個別会議", "title: " + title, 1)
    if item:
        y = y.replace("        actions:\n",
                      "        actions:\n        - _id: %s\n          who: %s\n"
                      "          what: %s\n" % (uuid.uuid4(), item[0], item[1]), 1)
    return y


def main():
    with tempfile.TemporaryDirectory(prefix="kaigi-sync-") as d:
        t = Town(d)
        A, B, H, C = (os.path.join(d, n + ".db") for n in "abhc")
        f = lambda n: os.path.join(d, n)
        t.run(A, "import", "-q", os.path.join(DATA, "three_reviews.yaml"), who="yamada")
        t.run(A, "sync", "name", "北センター")
        t.run(B, "sync", "name", "南センター")
        t.run(H, "sync", "name", "町役場")
        check_primary_keys(A)

        # ---- the first exchange; audit rows: one per real change
        audit_a = count(A, "SELECT count(*) FROM audit")
        out, _ = t.run(A, "sync", "export", "-o", f("a0.kgs"))
        want(out, "a0.kgs: 1 change set from 北センター")
        t.run(B, "sync", "import", f("a0.kgs"))
        t.run(C, "sync", "import", f("a0.kgs"))
        if count(C, "SELECT count(*) FROM audit") != audit_a:
            sys.exit("an applied bundle should write one audit row per change (%d), wrote %d" %
                     (audit_a, count(C, "SELECT count(*) FROM audit")))
        sa = site(A)
        if count(C, "SELECT count(*) FROM audit WHERE who = 'yamada @%s'" % sa[:8]) != audit_a:
            sys.exit("the audit trail should name the author and the origin site")
        before = (yaml(t, C), count(C, "SELECT count(*) FROM audit"))
        out, _ = t.run(C, "sync", "import", f("a0.kgs"))
        want(out, "applied 0, already here 1")
        if (yaml(t, C), count(C, "SELECT count(*) FROM audit")) != before:
            sys.exit("importing a bundle twice changed the records or the audit trail")
        base = yaml(t, A)
        if yaml(t, B) != base:
            sys.exit("B should hold A's records after the first exchange")

        # ---- offline: both edit the same answer, list and person
        with open(f("ea.yaml"), "w") as fh:
            fh.write(edit(base, "玄関に手すり（A案）", "北地区", item=("家族", "見守りの当番表を作る")))
        with open(f("eb.yaml"), "w") as fh:
            fh.write(edit(base, "玄関に手すり（B案）", "南地区", title="第1回（B記録）",
                          item=("民生委員", "週1回の声かけ")))
        t.run(A, "import", "-q", f("ea.yaml"), who="yamada")
        t.run(B, "import", "-q", f("eb.yaml"), who="suzuki")

        # ---- bundles in several orders; H gets B's before A's
        t.run(A, "sync", "export", "-o", f("a1.kgs"))
        out, _ = t.run(B, "sync", "export", "--to", "北センター", "-o", f("b1.kgs"))
        want(out, "1 change set from 南センター for 北センター")
        out, _ = t.run(H, "sync", "import", f("b1.kgs"))
        want(out, "applied 0", "waiting for earlier bundles 1")
        out, _ = t.run(H, "sync", "import", f("a1.kgs"))
        want(out, "applied 3", "waiting for earlier bundles 0", "new conflict")
        t.run(B, "sync", "import", f("a1.kgs"))
        t.run(A, "sync", "import", f("b1.kgs"))

        ya, yb, yh = yaml(t, A), yaml(t, B), yaml(t, H)
        want(ya, "見守りの当番表を作る", "週1回の声かけ", "第1回（B記録）")
        want(yb, "見守りの当番表を作る", "週1回の声かけ")
        differ = diff_lines(ya, yb)
        for x, y in differ:
            if not re.search("A案|北地区", x) or not re.search("B案|南地区", y):
                sys.exit("A and B differ beyond the conflicts:\n%s\n%s" % (x, y))
        if not differ:
            sys.exit("the conflicting edits should both still be there, one per side")
        if yh != ya:
            sys.exit("H took A's values for the conflicts (A's arrived first)...")
        ca, _ = t.run(A, "sync", "conflicts")
        cb, _ = t.run(B, "sync", "conflicts")
        for c, here, there in ((ca, "A案", "B案"), (cb, "B案", "A案")):
            want(c, "here:     玄関に手すり（%s）  (" % here, "incoming: 玄関に手すり（%s）" % there,
                 "person K-2025-101 [area]")
        want(ca, "(suzuki, ")
        want(cb, "(yamada, ")

        # ---- the full-text index knows applied rows
        out, _ = t.run(A, "search", "第1回（B記録")
        want(out, "第1回（B記録）")

        # ---- settle on A; B and H follow after the next exchange
        ids = re.findall(r"^#(\d+)  both-changed  (.*)$", ca, re.M)
        for cid, what in ids:
            keep = "incoming" if "actions" in what else "local"
            t.run(A, "sync", "resolve", cid, "--keep", keep)
        out, _ = t.run(A, "sync", "conflicts")
        want(out, "no open conflicts")
        t.run(A, "sync", "export", "--to", "南センター", "-o", f("a2.kgs"))
        t.run(A, "sync", "export", "-o", f("a3.kgs"))
        out, _ = t.run(B, "sync", "import", f("a2.kgs"))
        want(out, "decisions carried out")
        out, _ = t.run(B, "sync", "conflicts")
        want(out, "no open conflicts")
        t.run(H, "sync", "import", f("a3.kgs"))
        out, _ = t.run(H, "sync", "conflicts")
        want(out, "no open conflicts")
        ya, yb, yh = yaml(t, A), yaml(t, B), yaml(t, H)
        want(ya, "玄関に手すり（B案）", "  area: 北地区")
        if ya != yb or ya != yh:
            sys.exit("after the decisions travelled, A, B and H should hold the same records")
        out, _ = t.run(B, "sync", "conflicts", "--all")
        want(out, "resolved: decided at %s" % sa[:8])

        # ---- the hub: status per peer, regional report over everything
        out, _ = t.run(H, "sync", "status")
        want(out, "this site: ", "town: midori", "peer 北センター", "peer 南センター", "received 20")
        rh, _ = t.run(H, "report", "regional", "--from", "2024-01-01", "--format", "csv")
        ra, _ = t.run(A, "report", "regional", "--from", "2024-01-01", "--format", "csv")
        if rh != ra or rh.count("\n") < 2:
            sys.exit("the hub's regional report should cover what the centres recorded:\n" + rh)

        # ---- the default key cost is libsodium's "moderate" Argon2id
        t.run(A, "sync", "export", "-o", f("m.kgs"), env={"KAIGI_SYNC_ARGON2": ""})
        with open(f("m.kgs"), "rb") as fh:
            want(fh.read(600).decode("utf-8", "replace"), "kdf=argon2id13\nopslimit=3\n"
                 "memlimit=268435456\n", "town=midori\n", "site_name=北センター\n")
        t.run(H, "sync", "import", f("m.kgs"))

        # ---- refusals: exit 1, the database unchanged byte for byte
        with open(f("a3.kgs"), "rb") as fh:
            good = fh.read()
        header_end = good.index(b"memlimit=")
        bad = {
            "tampered payload": good[:len(good) // 2] + bytes([good[len(good) // 2] ^ 1]) +
            good[len(good) // 2 + 1:],
            "tampered header": good.replace(b"site_name=", b"site_namf=", 1),
            "changed site in header": good[:20] + good[20:header_end].replace(
                sa[:4].encode(), b"0000"[:4] if sa[:4] != "0000" else b"1111", 1) +
            good[header_end:],
            "truncated": good[:-7],
            "cut in the header": good[:30],
            "newer schema": re.sub(rb"schema=(\d+)",
                                   lambda m: b"schema=%d" % (int(m.group(1)) + 1), good, 1),
        }
        fresh = os.path.join(d, "fresh.db")
        t.run(fresh, "sync", "status")
        for name, data in bad.items():
            p = f("bad.kgs")
            with open(p, "wb") as fh:
                fh.write(data)
            for db in (B, fresh):
                h = digest(db)
                _, err = t.run(db, "sync", "import", p, code=1)
                if digest(db) != h:
                    sys.exit("%s: the database changed" % name)
                if "bad.kgs" not in err:
                    sys.exit("%s: the message should name the file:\n%s" % (name, err))
            nothing = os.path.join(d, "nothing.db")
            t.run(nothing, "sync", "import", p, code=1)
            if os.path.exists(nothing):
                sys.exit("%s: a refused import created a database" % name)
        want(err, "newer kaigi")
        wrong = f("wrong")
        with open(wrong, "w") as fh:
            fh.write("これは違う合言葉です、まったく違う\n")
        h = digest(fresh)
        _, err = t.run(fresh, "sync", "import", f("a3.kgs"), code=1,
                       env={"KAIGI_PASSPHRASE_FILE": wrong})
        want(err, "wrong passphrase")
        other = Town(os.path.join(d, "other"))
        with open(os.path.join(other.cfg, "kaigi", "config.yaml"), "w") as fh:
            fh.write("sync: {town: aozora}\n")
        _, err = other.run(fresh, "sync", "import", f("a3.kgs"), code=1,
                           env={"KAIGI_PASSPHRASE_FILE": t.pass_file})
        want(err, "from town 'midori'", "'aozora'")
        if digest(fresh) != h:
            sys.exit("a refused bundle changed the database")
        # The policy: too short a passphrase is refused before anything.
        short = f("short")
        with open(short, "w") as fh:
            fh.write("short pass 15ch\n")
        _, err = t.run(A, "sync", "export", "-o", f("x.kgs"), "--passphrase-file", short,
                       code=1)
        want(err, "too short", "at least 16")
        if os.path.exists(f("x.kgs")):
            sys.exit("a refused export left a file")
        with open(os.path.join(t.cfg, "kaigi", "config.yaml"), "w") as fh:
            fh.write("sync: {town: midori, passphrase_min_length: 8}\n")
        _, err = t.run(A, "sync", "export", "-o", f("x.kgs"), code=1)
        want(err, "config.yaml:1:", "passphrase_min_length", "between 13")
        # ---- a refused (rolled back) save logs nothing
        n = count(A, "SELECT count(*) || '/' || sum(length(changeset)) FROM sync_log")
        with open(f("bad.yaml"), "w") as fh:
            fh.write("kaigi: records\nversion: 1\npeople:\n  - {code: X-1, sex: Q}\n")
        t.run(A, "import", "-q", f("bad.yaml"), code=1)
        if count(A, "SELECT count(*) || '/' || sum(length(changeset)) FROM sync_log") != n:
            sys.exit("a rolled-back import left something in the sync log")

        # ---- a database from before sync: its records travel too
        with open(os.path.join(t.cfg, "kaigi", "config.yaml"), "w") as fh:
            fh.write("sync: {town: midori}\n")
        old = os.path.join(d, "old.db")
        t.run(old, "import", "-q", os.path.join(DATA, "three_reviews.yaml"))
        c = sqlite3.connect(old)
        for (name,) in c.execute("SELECT name FROM sqlite_schema WHERE type = 'table' AND "
                                 "name LIKE 'sync%'").fetchall():
            c.execute("DROP TABLE %s" % name)
        c.execute("DELETE FROM setting WHERE key IN ('site_id', 'sync_baseline')")
        # The sync migration, as kaigi applied it to a database that held
        # records (later migrations are not undone, so it is run here).
        mig = [n for n in sorted(os.listdir(source("db"))) if n.endswith("_sync.sql")]
        with open(source("db", mig[0]), encoding="utf-8") as fh:
            c.executescript(fh.read())
        c.commit()
        c.close()
        t.run(old, "sync", "export", "-o", f("old.kgs"))
        if count(old, "SELECT count(*) FROM sync_log") != 1:
            sys.exit("the records of a database from before sync should make one change set")
        t.run(os.path.join(d, "new.db"), "sync", "import", f("old.kgs"))
        if yaml(t, os.path.join(d, "new.db")) != yaml(t, old):
            sys.exit("a database from before sync did not carry all its records")
    print("ok")


if __name__ == "__main__":
    main()

# SPDX-License-Identifier: MIT
"""Every command of the command line, each by itself, through the real binary.

    check_commands.py NAME     one command's checks (meson: cli / cmd_NAME)
    check_commands.py --list   the names

Each check makes its own database in a temporary folder (the fixture meeting
tests/data/report/meeting.yaml, imported), runs the command and asserts
what it did: the exit code, what it printed, the file it wrote, and for a
bad argument the message and exit code 2 (1 for bad data, 3 for the
environment; doc/kaigi.1 EXIT STATUS).  `coverage` checks that every
command and subcommand that `kaigi --help`, each `kaigi NAME --help` and
the man page's synopsis name has a check here, so a new command cannot
come without one.
"""
import hashlib
import os
import re
import sqlite3
import subprocess
import sys
import tempfile

ROOT = os.environ.get("KAIGI_SOURCE_ROOT", ".")
BIN = os.environ.get("KAIGI_BIN", os.path.join(ROOT, "build", "kaigi"))
MEETING = os.path.join(ROOT, "tests", "data", "report", "meeting.yaml")
SENSITIVE = os.path.join(ROOT, "tests", "data", "report", "sensitive.txt")
REGIONAL = os.path.join(ROOT, "tests", "data", "followup", "regional.yaml")
# The fixture meeting of 2025-06-12 (three cases) and its earlier review.
LATEST_ID = "0c9e8d7f"
LATEST_TITLE = "令和7年度 第3回 自立支援型地域ケア個別会議"
EARLIER_TITLE = "令和6年度 第12回 自立支援型地域ケア個別会議"


class Fail(Exception):
    pass


def want(cond, what, *shown):
    if not cond:
        raise Fail(what + "".join("\n--- " + s for s in shown if s))


class Kaigi:
    """A temporary home: forms, settings and data folders of its own."""

    def __init__(self, d, lang="en"):
        self.d = d
        self.lang = lang
        self.db = os.path.join(d, "kaigi.db")
        self.env = dict(os.environ, KAIGI_FORMS_DIR=os.path.join(ROOT, "forms"),
                        XDG_CONFIG_HOME=os.path.join(d, "config"),
                        XDG_DATA_HOME=os.path.join(d, "data"), HOME=os.path.join(d, "home"),
                        LANG="C.UTF-8", LC_ALL="C.UTF-8", KAIGI_BUSY_TIMEOUT_MS="2000")
        for k in ("KAIGI_DB", "KAIGI_PASSPHRASE_FILE", "KAIGI_FACILITATOR"):
            self.env.pop(k, None)
        for sub in ("config", "data", "home"):
            os.makedirs(os.path.join(d, sub), exist_ok=True)

    def run(self, *args, code=0, db=None, lang=None, stdin=subprocess.DEVNULL):
        """kaigi --db DB --lang LANG ARGS...: (stdout, stderr), exit code checked."""
        argv = [BIN]
        if db is not False:
            argv += ["--db", db or self.db]
        argv += ["--lang", lang or self.lang] + list(args)
        p = subprocess.run(argv, capture_output=True, env=self.env, stdin=stdin, timeout=120)
        out, err = p.stdout.decode(), p.stderr.decode()
        want(p.returncode == code,
             "kaigi %s: exit %d, wanted %d" % (" ".join(args), p.returncode, code), out, err)
        return out, err

    def usage_error(self, *args, says, usage=None):
        """A refusal of the command line: exit 2, the reason and the usage on
        stderr, nothing on stdout."""
        out, err = self.run(*args, code=2)
        want(out == "", "kaigi %s: printed on stdout" % " ".join(args), out)
        want(says in err, "kaigi %s: %r not said" % (" ".join(args), says), err)
        if usage:
            want("usage: kaigi " + usage in err, "kaigi %s: no usage %r" % (" ".join(args), usage),
                 err)
        return err

    def fixture(self, db=None):
        out, _ = self.run("import", MEETING, db=db)
        want(out.startswith("imported 2 meetings, 4 cases,"), "fixture import", out)

    def config(self, text):
        os.makedirs(os.path.join(self.d, "config", "kaigi"), exist_ok=True)
        with open(os.path.join(self.d, "config", "kaigi", "config.yaml"), "w") as f:
            f.write(text)

    def path(self, *parts):
        return os.path.join(self.d, *parts)


def sha(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def count(db, sql):
    c = sqlite3.connect(db)
    try:
        return c.execute(sql).fetchone()[0]
    finally:
        c.close()


def sensitive_values():
    with open(SENSITIVE, encoding="utf-8") as f:
        return [l.strip() for l in f if l.strip() and not l.startswith("#")]


# ------------------------------------------------------------------ checks


def check_help(k):
    out, err = k.run("--help", db=False)
    want(out.startswith("kaigi ") and "usage: kaigi [--db FILE]" in out and err == "", "--help",
         out, err)
    for name in commands_of_help(out):
        o, e = k.run(name, "--help", db=False)
        want(o.startswith("usage: kaigi " + name) and e == "", name + " --help", o, e)
    out2, _ = k.run("-h", db=False)
    out3, _ = k.run("help", db=False)
    want(out2 == out and out3 == out, "-h and help are --help")
    out, _ = k.run("--version", db=False)
    want(re.fullmatch(r"kaigi \d+\.\d+\.\d+\n", out), "--version", out)
    err = k.usage_error("bogus", says="kaigi: unknown command 'bogus' (try kaigi --help)")
    _, err = k.run("--lang", "xx", "meetings", code=2, db=False)
    want("--lang must be ja or en" in err, "--lang xx", err)
    _, err = k.run("meetings", "--db", code=2, db=False)
    want("kaigi: --db needs a value" in err, "--db without a value", err)
    # Global options stand anywhere: after the command too.
    k.fixture()
    out, _ = k.run("meetings", "--db", k.db, db=False)
    want(LATEST_TITLE in out, "--db after the command", out)


def check_ui(k):
    """`kaigi` with no command opens the UI: without a terminal it refuses
    (exit 3) and says why, after making the database."""
    _, err = k.run(code=3)
    want("the UI needs a terminal" in err, "kaigi without a terminal", err)
    want(os.path.exists(k.db), "the UI's database is made")
    blocker = k.path("a-file")
    open(blocker, "w").close()
    _, err = k.run(code=3, db=os.path.join(blocker, "x.db"))
    want("x.db: error:" in err, "a database under a file", err)


def check_demo(k):
    out, err = k.run("demo", "--no-ui", db=False)
    path = k.path("data", "kaigi", "demo.db")
    want(out == path + "\n", "demo --no-ui prints its database", out, err)
    want(count(path, "SELECT count(*) FROM meeting") == 3, "the demo's three meetings")
    out, _ = k.run("meetings", db=path)
    for n in ("第5回", "第7回", "第8回"):
        want(n in out, "demo meeting " + n, out)
    # Replaced on every run, never added to.
    k.run("demo", "--no-ui", db=False)
    want(count(path, "SELECT count(*) FROM meeting") == 3, "the demo is made afresh")
    want(count(path, "SELECT count(*) FROM case_review") == 4, "the demo's four cases")
    # Never the user's own database.
    want(not os.path.exists(k.db), "demo left --db alone")
    k.usage_error("demo", "extra", says="usage: kaigi demo [--no-ui]")


def check_forms_check(k):
    good = os.path.join(ROOT, "tests", "data", "forms", "good")
    files = sorted(os.path.join(good, f) for f in os.listdir(good) if f.endswith(".yaml"))
    out, err = k.run("forms", "check", *files, db=False)
    want(out == "" and err == "", "good forms check clean", out, err)
    bad = k.path("bad.yaml")
    with open(bad, "w") as f:
        f.write("id: broken\nversion: 1\ntitle: {en: Broken}\nsections:\n  - id: s\n"
                "    fields:\n      - {id: a, type: nosuchtype, label: {en: A}}\n")
    out, err = k.run("forms", "check", bad, code=1, db=False)
    want(out == "" and re.search(re.escape(bad) + r":\d+:\d+: error: ", err),
         "a bad form: FILE:LINE:COL", out, err)
    k.usage_error("forms", "check", says="usage: kaigi forms check FILE...")
    _, err = k.run("forms", "check", k.path("missing.yaml"), code=3, db=False)
    want("missing.yaml" in err, "a missing file", err)


def check_forms_list(k):
    out, err = k.run("forms", "list", db=False)
    want(re.search(r"^form +toyoake_case_sheet +v\d+ ", out, re.M) and
         re.search(r"^meeting +independence_support +v\d+ ", out, re.M) and err == "",
         "forms list", out, err)
    # A user's broken form is skipped, never silently (exit 1).
    udir = k.path("config", "kaigi", "forms")
    os.makedirs(udir)
    with open(os.path.join(udir, "x.yaml"), "w") as f:
        f.write("id: [\n")
    out, err = k.run("forms", "list", code=1, db=False)
    want("toyoake_case_sheet" in out and "x.yaml:" in err, "forms list with a broken file",
         out, err)
    k.usage_error("forms", "list", "extra", says="usage: kaigi forms list")
    # `kaigi forms` alone and an unknown subcommand: the three usages.
    for args in (("forms",), ("forms", "bogus")):
        err = k.usage_error(*args, says="usage: kaigi forms check FILE...\n"
                            "       kaigi forms list\n       kaigi forms show ID\n")


def check_forms_show(k):
    out, err = k.run("forms", "show", "toyoake_case_sheet", db=False)
    want(out.startswith("toyoake_case_sheet v") and "\n  [" in out and err == "",
         "forms show a form", out, err)
    out, _ = k.run("forms", "show", "independence_support", db=False)
    want(out.startswith("independence_support v") and "forms:" in out, "forms show a template",
         out)
    out, err = k.run("forms", "show", "nope", code=1, db=False)
    want(out == "" and "no form or meeting template 'nope'" in err, "forms show nope", out, err)
    k.usage_error("forms", "show", says="usage: kaigi forms show ID")


def check_import(k):
    out, err = k.run("import", MEETING)
    want(out == "imported 2 meetings, 4 cases, 10 records, 258 answers (337 rows changed)\n",
         "import", out, err)
    want(count(k.db, "SELECT count(*) FROM meeting") == 2, "two meetings in the database")
    # Again: the same records, nothing changed.
    out, _ = k.run("import", MEETING)
    want(out.endswith("(0 rows changed)\n"), "import again", out)
    out, _ = k.run("import", "-q", REGIONAL)
    want(out == "", "import -q prints nothing", out)
    want(count(k.db, "SELECT count(*) FROM meeting") == 7, "import -q imported")
    # A bad file: FILE:LINE:COL, exit 1, the database unchanged.
    bad = k.path("bad.yaml")
    with open(MEETING, encoding="utf-8") as f:
        text = f.read()
    with open(bad, "w", encoding="utf-8") as f:
        f.write(text.replace("date: 2025-06-12", "date: 2025-13-45", 1))
    before = sha(k.db)
    out, err = k.run("import", bad, code=1)
    want(re.search(re.escape(bad) + r":\d+:\d+: error: ", err) and
         "kaigi import: nothing was imported" in err and out == "", "import a bad file", out,
         err)
    want(sha(k.db) == before, "a refused import changes nothing")
    k.usage_error("import", says="usage: kaigi import [-q] FILE.yaml...")
    k.usage_error("import", "--bogus", MEETING, says="kaigi import: unknown option --bogus",
                  usage="import [-q] FILE.yaml...")


def check_export_yaml(k):
    k.fixture()
    out, err = k.run("export", "yaml")
    want(out.startswith("# kaigi records") and "\nkaigi: records\n" in out and
         LATEST_TITLE in out, "export yaml to stdout", out[:400], err)
    want(any(v in out for v in sensitive_values()), "the complete export holds the names")
    # -o FILE: the file, which imports into a fresh database as the same meetings.
    f = k.path("out.yaml")
    out, err = k.run("export", "yaml", "-o", f)
    want(os.path.exists(f) and os.stat(f).st_mode & 0o777 == 0o600, "export yaml -o (0600)")
    fresh = k.path("fresh.db")
    k.run("import", f, db=fresh)
    a, _ = k.run("meetings")
    b, _ = k.run("meetings", db=fresh)
    want(a == b, "the export round-trips", a, b)
    out, _ = k.run("export", "yaml", "--anonymised")
    for v in sensitive_values():
        want(v not in out, "export yaml --anonymised shows %r" % v)
    # One meeting.
    mid = count(k.db, "SELECT id FROM meeting WHERE date = '2025-03-13'")
    out, _ = k.run("export", "yaml", mid)
    want(EARLIER_TITLE in out and LATEST_TITLE not in out, "export yaml MEETING_ID", out[:300])
    usage = "export yaml [-o FILE] [--anonymised | --identity] [MEETING_ID...]"
    k.usage_error("export", says=usage)
    k.usage_error("export", "bogus", says=usage)
    k.usage_error("export", "yaml", "--bogus", says="kaigi export: unknown option --bogus",
                  usage=usage)
    k.usage_error("export", "yaml", "-o", says=usage)
    k.usage_error("export", "yaml", "--anonymised", "--identity",
                  says="kaigi export: --anonymised and --identity exclude each other",
                  usage=usage)


def check_export_csv(k):
    k.fixture()
    d = k.path("csv")
    out, err = k.run("export", "csv", "-o", d)
    want(out == d + "\n", "export csv prints its folder", out, err)
    for name in ("meetings.csv", "cases.csv", "toyoake_case_sheet.csv"):
        want(os.path.exists(os.path.join(d, name)), "export csv wrote " + name, str(os.listdir(d)))
    with open(os.path.join(d, "meetings.csv"), encoding="utf-8-sig") as f:
        rows = f.read().splitlines()
    want(len(rows) == 3 and LATEST_TITLE in "".join(rows), "meetings.csv: a header and two rows",
         "\n".join(rows))
    # Without -o: a folder named for the kind and the time, here.
    p = subprocess.run([BIN, "--db", k.db, "export", "csv", "--anonymised"], capture_output=True,
                       env=k.env, cwd=k.d)
    name = p.stdout.decode().strip()
    want(p.returncode == 0 and name.startswith("kaigi-csv-anonymised-") and
         os.path.isdir(os.path.join(k.d, name)), "export csv --anonymised", p.stdout.decode(),
         p.stderr.decode())
    for root, _, files in os.walk(os.path.join(k.d, name)):
        for fn in files:
            with open(os.path.join(root, fn), encoding="utf-8-sig") as f:
                text = f.read()
            for v in sensitive_values():
                want(v not in text, "anonymised %s shows %r" % (fn, v))
    k.usage_error("export", "csv", "--identity", "--anonymised", says="exclude each other")


def check_meetings(k):
    _, err = k.run("meetings", code=3)
    want(err.endswith("kaigi.db: error: no such database\n"), "meetings without a database", err)
    empty = k.path("empty.yaml")
    with open(empty, "w") as f:
        f.write("kaigi: records\nversion: 1\n")
    k.run("import", "-q", empty)
    out, err = k.run("meetings")
    want(out == "" and err == "no meetings yet\n", "meetings on an empty database", out, err)
    k.fixture()
    out, err = k.run("meetings")
    lines = out.splitlines()
    want(len(lines) == 2 and lines[0].startswith("2025-06-12  13:30  " + LATEST_ID) and
         "3 cases" in lines[0] and lines[0].endswith(LATEST_TITLE) and
         lines[1].startswith("2025-03-13") and "1 case " in lines[1] and err == "",
         "meetings, newest first", out, err)
    out, _ = k.run("meetings", "第12回")
    want(out.count("\n") == 1 and EARLIER_TITLE in out, "meetings TEXT", out)
    out, _ = k.run("meetings", "--lang", "ja")
    want("3事例" in out, "meetings in Japanese", out)
    # More than twenty: the newest twenty, and --all.
    many = k.path("many.yaml")
    with open(many, "w") as f:
        f.write("kaigi: records\nversion: 1\nmeetings:\n")
        for i in range(1, 22):
            f.write("  - {id: 00000000-0000-4000-8000-%012d, template: independence_support, "
                    "title: M%02d, date: 2024-01-%02d}\n" % (i, i, i))
    k.run("import", "-q", many)
    out, err = k.run("meetings")
    want(out.count("\n") == 20 and "(the newest 20; --all for every meeting)" in err,
         "meetings shows twenty", out, err)
    out, _ = k.run("meetings", "--all")
    want(out.count("\n") == 23, "meetings --all", out)
    k.usage_error("meetings", "--bogus", says="kaigi meetings: unexpected --bogus",
                  usage="meetings [TEXT] [--all]")
    k.usage_error("meetings", "a", "b", says="kaigi meetings: unexpected b")


def check_report(k):
    k.fixture()
    out, err = k.run("report", "latest", "--width", "80")
    want(LATEST_TITLE in out and "Meeting summary" in out, "report latest", out[:400], err)
    for v in sensitive_values():
        want(v not in out, "the summary is anonymised: %r shows" % v)
    out2, _ = k.run("report", "2025-06-12", "--width", "80")
    out3, _ = k.run("report", LATEST_ID, "--width", "80")
    want(out2 == out and out3 == out, "a meeting by date and by id")
    out, _ = k.run("report", "latest", "--names")
    want(any(v in out for v in sensitive_values()), "report --names shows the names")
    out, _ = k.run("report", "latest", "--format", "md")
    want(out.startswith("#") and LATEST_TITLE in out, "report --format md", out[:200])
    f = k.path("summary.html")
    out, _ = k.run("report", "latest", "-o", f)
    want(out == "", "report -o prints nothing", out)
    with open(f, encoding="utf-8") as fh:
        html = fh.read()
    want("<html" in html.lower() and LATEST_TITLE in html, "report -o FILE.html is HTML")
    out, _ = k.run("report", "latest", "--packet")
    want(out and "MD-2025-031" in out, "report --packet", out[:300])
    _, err = k.run("report", "nope", code=1)
    want("'nope' is neither a meeting id" in err, "report of no meeting", err)
    usage = "report MEETING [--format txt|md|html|pdf] [-o FILE]"
    k.usage_error("report", says="which meeting?", usage=usage)
    k.usage_error("report", "latest", "--bogus", says="kaigi report: unknown option --bogus")
    k.usage_error("report", "a", "b", says="one meeting at a time (b is extra)")
    k.usage_error("report", "latest", "--format", "zz", says="unknown format zz")
    k.usage_error("report", "latest", "--packet", "--names",
                  says="--names cannot be used with --packet")


def check_report_regional(k):
    k.run("import", "-q", REGIONAL)
    out, err = k.run("report", "regional", "--fy", "2025", "--width", "80")
    want("Regional issues" in out and "FY2025" in out, "report regional --fy", out[:400], err)
    out2, _ = k.run("report", "regional", "--fy", "R7", "--width", "80")
    want(out2 == out, "--fy R7 is FY2025")
    out, _ = k.run("report", "regional", "--year", "2025", "--format", "csv")
    want(out.count("\n") >= 2 and "," in out.splitlines()[0], "report regional csv", out[:300])
    f = k.path("regional.md")
    out, _ = k.run("report", "regional", "--from", "2024-01-01", "--to", "2025-12-31", "-o", f)
    with open(f, encoding="utf-8") as fh:
        md = fh.read()
    want(out == "" and md.startswith("#"), "report regional -o FILE.md", md[:200])
    usage = "usage: kaigi report regional [--fy YEAR"
    k.usage_error("report", "regional", "--fy", "zz", says="a year is 2026 or R8, not zz",
                  usage="report regional")
    k.usage_error("report", "regional", "--fy", "2025", "--year", "2025",
                  says="give one of --fy, --year or --from/--to")
    k.usage_error("report", "regional", "--from", "2025-13-01",
                  says="--from is a date YYYY-MM-DD, not 2025-13-01")
    k.usage_error("report", "regional", "--from", "2025-05-01", "--to", "2025-01-01",
                  says="--from 2025-05-01 is after --to")
    k.usage_error("report", "regional", "--format", "zz",
                  says="unknown format zz (txt, md, html, pdf or csv)")
    k.usage_error("report", "regional", "--bogus", says="kaigi report regional: unexpected --bogus")
    err = k.usage_error("report", "regional", "--area", says="--area needs a value")
    want(usage in err, "the regional usage", err)


def check_search(k):
    k.fixture()
    out, err = k.run("search", "服薬")
    want(out.count("\n") >= 4 and "MD-2024-118" in out and "服薬" in out and err == "",
         "search 服薬", out, err)
    for v in sensitive_values():
        want(v not in out, "search shows %r without --names" % v)
    out, err = k.run("search", "服薬", "--limit", "1")
    want(out.count("\n") == 2 and "(the newest 1; --limit 0 for all)" in err,
         "search --limit 1", out, err)
    out, err = k.run("search", "服薬", "--names", "--limit", "1")
    want(out.startswith("[Contains personal information (--names)"), "search --names", out)
    out, err = k.run("search", "存在しない言葉")
    want(out == "" and err == "nothing found\n", "search for nothing", out, err)
    usage = "search TEXT... [--limit N] [--names]"
    k.usage_error("search", says="kaigi search: what to search for?", usage=usage)
    k.usage_error("search", "x", "--limit", "many",
                  says="kaigi search: --limit takes a number (0 for all), not many", usage=usage)
    k.usage_error("search", "x", "--bogus", says="kaigi search: unknown option --bogus")


def check_backup(k):
    k.fixture()
    dest = k.path("copy.db")
    out, err = k.run("backup", dest)
    want(out == dest + "\n" and os.stat(dest).st_mode & 0o777 == 0o600, "backup FILE", out, err)
    a, _ = k.run("meetings")
    b, _ = k.run("meetings", db=dest)
    want(a == b, "the backup holds the meetings", a, b)
    out, _ = k.run("backup")
    want(re.fullmatch(re.escape(k.path("backups")) + r"/kaigi-\d{8}-\d{6}\.db\n", out) and
         os.path.exists(out.strip()), "backup to backups/", out)
    blocker = k.path("a-file")
    open(blocker, "w").close()
    out, err = k.run("backup", os.path.join(blocker, "x.db"), code=3)
    want(out == "" and "error:" in err, "backup to an impossible place", out, err)
    _, err = k.run("backup", dest, code=3, db=k.path("none", "x.db"))
    want("no such database" in err, "backup of no database", err)
    k.usage_error("backup", "-x", says="usage: kaigi backup [FILE]")
    k.usage_error("backup", "a", "b", says="usage: kaigi backup [FILE]")


# ---------------------------------------------------------------- sync

SYNC_CONFIG = "town: {ja: みどり町}\nsync: {town: midori, passphrase_min_length: 16}\n"
PASSPHRASE = "みどり町の合言葉は坂の上のスーパー\n"


def sync_home(k):
    k.config(SYNC_CONFIG)
    pf = k.path("pass")
    with open(pf, "w") as f:
        f.write(PASSPHRASE)
    k.env["KAIGI_SYNC_ARGON2"] = "interactive"
    return pf


def check_sync_name(k):
    sync_home(k)
    out, _ = k.run("sync", "status")
    want("(no name: kaigi sync name NAME)" in out, "no name yet", out)
    out, err = k.run("sync", "name", "東部センター")
    want(out == "" and err == "", "sync name", out, err)
    out, _ = k.run("sync", "status")
    want(re.search(r"^this site: [0-9a-f-]{36} 東部センター$", out, re.M), "the name shows", out)
    k.usage_error("sync", "name", says="kaigi sync: name needs NAME",
                  usage="sync export [--to PEER]")
    k.usage_error("sync", "name", "", says="kaigi sync: name needs NAME")


def check_sync_status(k):
    sync_home(k)
    k.fixture()
    out, err = k.run("sync", "status")
    want("town: (set at the first exchange)" in out and
         "no peers yet (a peer is known once one of its bundles is imported)" in out and
         re.search(r"change sets: [1-9]\d* \([1-9]\d* made here\), waiting: 0, open conflicts: 0",
                   out), "sync status", out, err)
    k.usage_error("sync", "status", "x", says="kaigi sync: status takes no argument")
    # The command alone and an unknown subcommand.
    k.usage_error("sync", says="kaigi sync: which one?", usage="sync export [--to PEER]")
    k.usage_error("sync", "bogus", says="kaigi sync: unknown sync command",
                  usage="sync export [--to PEER]")


def sync_pair(k):
    """Laptop A (k.db) with the fixture, its bundle, and laptop B fed by it."""
    pf = sync_home(k)
    k.fixture()
    k.run("sync", "name", "A")
    bundle = k.path("a1.kaigi")
    out, err = k.run("sync", "export", "-o", bundle, "--passphrase-file", pf)
    want(re.fullmatch(re.escape(bundle) + r": \d+ change sets? from A for anyone \(everything\)\n",
                      out), "sync export", out, err)
    b = k.path("b.db")
    out, err = k.run("sync", "import", "--passphrase-file", pf, bundle, db=b)
    return pf, bundle, b, out, err


def check_sync_export(k):
    pf, bundle, b, _, _ = sync_pair(k)
    with open(bundle, "rb") as f:
        data = f.read()
    want(LATEST_TITLE.encode() not in data, "the bundle is encrypted")
    out, _ = k.run("sync", "status")
    want("town: midori" in out, "the town is pinned at the first exchange", out)
    # Too short a passphrase for the town's policy: exit 1, no file.
    short = k.path("short")
    with open(short, "w") as f:
        f.write("short\n")
    _, err = k.run("sync", "export", "-o", k.path("x.kaigi"), "--passphrase-file", short, code=1)
    want("the passphrase is too short" in err and not os.path.exists(k.path("x.kaigi")),
         "a short passphrase", err)
    # No town in the settings.
    k.config("{}\n")
    _, err = k.run("sync", "export", "-o", k.path("x.kaigi"), "--passphrase-file", pf, code=1)
    want("kaigi sync: the town is not set" in err and not os.path.exists(k.path("x.kaigi")),
         "no town in the settings", err)
    k.usage_error("sync", "export", says="kaigi sync: export needs -o FILE")
    k.usage_error("sync", "export", "-o", "f", "--bogus",
                  says="kaigi sync: export: unexpected argument")


def check_sync_import(k):
    pf, bundle, b, out, err = sync_pair(k)
    want(re.search(r"a1\.kaigi: from A \([0-9a-f]{8}\), \d+ change sets?\n", out) and
         "applied " in out, "sync import", out, err)
    x, _ = k.run("meetings")
    y, _ = k.run("meetings", db=b)
    want(x == y, "B holds A's meetings", x, y)
    # Again: already here.
    out, _ = k.run("sync", "import", "--passphrase-file", pf, bundle, db=b)
    want(re.search(r"applied 0, already here [1-9]", out), "sync import again", out)
    # A wrong passphrase: exit 1, the database byte for byte as it was.
    wrong = k.path("wrong")
    with open(wrong, "w") as f:
        f.write("これは違う合言葉ですこれは違う合言葉です\n")
    c = k.path("c.db")
    k.run("sync", "name", "C", db=c)
    before = sha(c)
    out, err = k.run("sync", "import", "--passphrase-file", wrong, bundle, code=1, db=c)
    want("a1.kaigi" in err and sha(c) == before, "a wrong passphrase changes nothing", out, err)
    k.usage_error("sync", "import", "--passphrase-file", pf,
                  says="kaigi sync: import needs at least one FILE")
    k.usage_error("sync", "import", "--bogus", bundle, says="kaigi sync: import: unknown option")


def make_conflict(k):
    """The same answer changed on A and on B, then A's bundle into B."""
    pf, bundle, b, _, _ = sync_pair(k)
    with open(MEETING, encoding="utf-8") as f:
        text = f.read()
    want("height: 150" in text, "the fixture's height")
    for db, value in ((k.db, "151"), (b, "152")):
        f = k.path("h%s.yaml" % value)
        with open(f, "w", encoding="utf-8") as fh:
            fh.write(text.replace("height: 150", "height: " + value, 1))
        k.run("import", "-q", f, db=db)
    bundle2 = k.path("a2.kaigi")
    k.run("sync", "export", "-o", bundle2, "--passphrase-file", pf)
    out, _ = k.run("sync", "import", "--passphrase-file", pf, bundle2, db=b)
    want("1 new conflict: see `kaigi sync conflicts` (the local values were kept)" in out,
         "a conflict", out)
    return b


def check_sync_conflicts(k):
    sync_home(k)
    k.fixture()
    out, _ = k.run("sync", "conflicts")
    want(out == "no open conflicts\n", "no conflicts", out)
    out, _ = k.run("sync", "conflicts", "--all")
    want(out == "no conflicts\n", "no conflicts at all", out)
    b = make_conflict(k)
    out, err = k.run("sync", "conflicts", db=b)
    want(re.match(r"#1  ", out) and re.search(r"^    here: +152  ", out, re.M) and
         re.search(r"^    incoming: 151  ", out, re.M), "sync conflicts lists both", out, err)
    k.usage_error("sync", "conflicts", "--x", says="kaigi sync: conflicts takes only --all")


def check_sync_resolve(k):
    b = make_conflict(k)
    out, err = k.run("sync", "resolve", "1", "--keep", "incoming", db=b)
    want(out == "conflict 1 resolved (incoming); the decision travels with the next export\n",
         "sync resolve", out, err)
    out, _ = k.run("sync", "conflicts", db=b)
    want(out == "no open conflicts\n", "resolved: none open", out)
    out, _ = k.run("sync", "conflicts", "--all", db=b)
    want("    resolved: " in out, "conflicts --all shows the resolution", out)
    want(count(b, "SELECT count(*) FROM answer WHERE value = 151") >= 1, "the incoming kept")
    _, err = k.run("sync", "resolve", "99", "--keep", "local", code=1, db=b)
    want("error" in err, "resolve an unknown conflict", err)
    k.usage_error("sync", "resolve", says="kaigi sync: resolve needs ID --keep")
    k.usage_error("sync", "resolve", "x", "--keep", "local",
                  says="kaigi sync: resolve: ID is a number from `kaigi sync conflicts`")


CHECKS = {
    "help": check_help,
    "ui": check_ui,
    "demo": check_demo,
    "forms check": check_forms_check,
    "forms list": check_forms_list,
    "forms show": check_forms_show,
    "import": check_import,
    "export yaml": check_export_yaml,
    "export csv": check_export_csv,
    "meetings": check_meetings,
    "report": check_report,
    "report regional": check_report_regional,
    "search": check_search,
    "backup": check_backup,
    "sync export": check_sync_export,
    "sync import": check_sync_import,
    "sync conflicts": check_sync_conflicts,
    "sync resolve": check_sync_resolve,
    "sync status": check_sync_status,
    "sync name": check_sync_name,
}


# ------------------------------------------------------------- coverage


def commands_of_help(text):
    part = text.split("commands:\n", 1)[1].split("\n\n", 1)[0]
    return [l.split()[0] for l in part.splitlines() if l.strip()]


def check_coverage(k):
    """Every command and subcommand named by --help, the usages and the man
    page has a check above."""
    out, _ = k.run("--help", db=False)
    named = set()
    for name in commands_of_help(out):
        named.add(name)
        usage, _ = k.run(name, "--help", db=False)
        for m in re.finditer(r"kaigi (" + re.escape(name) + r")(?: ([a-z]+))?", usage):
            if m.group(2):
                named.add(name + " " + m.group(2))
    with open(os.path.join(ROOT, "doc", "kaigi.1"), encoding="utf-8") as f:
        man = f.read()
    synopsis = man.split(".SH SYNOPSIS", 1)[1].split(".SH ", 1)[0]
    for m in re.finditer(r"^\.B kaigi ([a-z]+)(?: ([a-z]+))?$", synopsis, re.M):
        named.add(m.group(1) + (" " + m.group(2) if m.group(2) else ""))
    # A command with subcommands is checked through them.
    covered = set(CHECKS)
    for c in CHECKS:
        covered.add(c.split()[0])
    missing = sorted(named - covered)
    want(not missing, "commands without a check in tests/cli/check_commands.py: %s" % missing)
    want("sync status" in named and "report regional" in named and "forms show" in named,
         "the subcommands are found", str(sorted(named)))


CHECKS["coverage"] = check_coverage


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    if sys.argv[1] == "--list":
        print("\n".join(CHECKS))
        return
    name = sys.argv[1].replace("_", " ")
    if name not in CHECKS:
        sys.exit("no check %r (--list)" % sys.argv[1])
    with tempfile.TemporaryDirectory(prefix="kaigi-cli-") as d:
        try:
            CHECKS[name](Kaigi(d))
        except Fail as e:
            sys.exit("FAIL %s: %s" % (name, e))
    print("ok %s" % name)


if __name__ == "__main__":
    main()

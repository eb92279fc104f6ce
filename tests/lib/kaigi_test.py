# SPDX-License-Identifier: MIT
"""What the Python checks of the command line share (tests/followup,
tests/privacy, tests/report, tests/sync; the e2e harness takes source()):
where the source tree and the binary are, running kaigi on a database,
a database in a fresh folder with a fixture imported, and the checks'
ways of failing.

Environment: KAIGI_SOURCE_ROOT (the source tree), KAIGI_BIN (the binary);
meson sets both.
"""
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.environ.get("KAIGI_SOURCE_ROOT") or os.path.dirname(
    os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.environ.get("KAIGI_BIN") or os.path.join(ROOT, "build", "kaigi")
SKIP = 77  # meson's exit status for a skipped test


def source(*parts):
    """A path in the source tree."""
    return os.path.join(ROOT, *parts)


def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)


def want(text, *parts):
    """Exit the check unless text holds every part."""
    for part in parts:
        if part not in text:
            sys.exit("missing %r in:\n%s" % (part, text))


def kaigi(db, *args, lang="ja", code=0, env=None):
    """kaigi --db DB --lang LANG ARGS in env (None: this process's); exits
    the check unless its exit status is code.  Returns (stdout, stderr)."""
    p = subprocess.run([BIN, "--db", db, "--lang", lang] + list(args), capture_output=True,
                       env=env)
    out, err = p.stdout.decode("utf-8"), p.stderr.decode("utf-8")
    if p.returncode != code:
        sys.exit("kaigi %s: exit %d (wanted %d)\n%s%s" %
                 (" ".join(args), p.returncode, code, out, err))
    return out, err


class TempDb:
    """A database in a fresh folder, and kaigi run on it without the user's
    forms and data (XDG_CONFIG_HOME and XDG_DATA_HOME inside the folder,
    unless env is given); fixture (a path) imported when given."""

    def __init__(self, fixture=None, prefix="kaigi-test-", env=None):
        self.dir = tempfile.mkdtemp(prefix=prefix)
        self.db = os.path.join(self.dir, "kaigi.db")
        if env is None:
            env = dict(os.environ)
            env["XDG_CONFIG_HOME"] = os.path.join(self.dir, "config")
            env["XDG_DATA_HOME"] = os.path.join(self.dir, "data")
        self.env = env
        if fixture:
            r = self.run(["import", fixture])
            if r.returncode != 0:
                fail("import failed: " + r.stderr.decode())

    def run(self, args, lang="ja"):
        return subprocess.run([BIN, "--db", self.db, "--lang", lang] + args,
                              capture_output=True, env=self.env, timeout=120)

    def ok(self, args, lang="ja"):
        """kaigi ARGS, which must succeed; its standard output."""
        r = self.run(args, lang)
        if r.returncode != 0:
            fail("kaigi %s: exit %d: %s" % (" ".join(args), r.returncode, r.stderr.decode()))
        return r.stdout.decode("utf-8")

    def close(self):
        shutil.rmtree(self.dir, ignore_errors=True)


def run_check(checks, make_env, ok="ok"):
    """The main of a script of named checks: the check named by the one
    argument runs on make_env() (closed afterwards), then ok (formatted with
    name) is printed.  Returns the exit status: 2, with the usage, for no or
    an unknown name."""
    if len(sys.argv) != 2 or sys.argv[1] not in checks:
        print("usage: %s %s" % (os.path.basename(sys.argv[0]), "|".join(checks)))
        return 2
    e = make_env()
    try:
        checks[sys.argv[1]](e)
    finally:
        e.close()
    print(ok.format(name=sys.argv[1]))
    return 0

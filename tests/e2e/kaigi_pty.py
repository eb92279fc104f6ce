# SPDX-License-Identifier: MIT
"""kaigi_pty — drive the real kaigi binary in a pseudo-terminal.

The program's output is interpreted by pyte, a terminal emulator, so a test
asserts on what a person would see.  Tests wait for the text they expect
(never a fixed sleep) and read the database with sqlite3 to check what was
saved.  Keys are sent as the terminal's own sequences, taken from terminfo.

Environment: KAIGI_BIN (the binary), KAIGI_SOURCE_ROOT (the source tree);
both are set by meson (tests/meson.build).
"""
import curses
import contextlib
import fcntl
import os
import pty
import select
import signal
import sqlite3
import struct
import subprocess
import sys
import tempfile
import termios
import time

import pyte
from wcwidth import wcwidth

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from kaigi_test import source  # noqa: E402,F401  (the e2e tests take it from here)

TERM = "xterm-256color"
SKIP = 77  # meson's exit status for a skipped test

curses.setupterm(TERM, sys.__stdout__.fileno() if sys.__stdout__.isatty() else -1)


def _ti(name, fallback):
    s = curses.tigetstr(name)
    return s if s else fallback


KEYS = {
    "up": _ti("kcuu1", b"\x1b[A"),
    "down": _ti("kcud1", b"\x1b[B"),
    "left": _ti("kcub1", b"\x1b[D"),
    "right": _ti("kcuf1", b"\x1b[C"),
    "home": _ti("khome", b"\x1b[H"),
    "end": _ti("kend", b"\x1b[F"),
    "pgup": _ti("kpp", b"\x1b[5~"),
    "pgdn": _ti("knp", b"\x1b[6~"),
    "del": _ti("kdch1", b"\x1b[3~"),
    "btab": _ti("kcbt", b"\x1b[Z"),
    "f1": _ti("kf1", b"\x1bOP"),
    "f10": _ti("kf10", b"\x1b[21~"),
    "enter": b"\r",
    "tab": b"\t",
    "esc": b"\x1b",
    "bs": b"\x7f",
}


def binary():
    b = os.environ.get("KAIGI_BIN")
    if not b:
        root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
        b = os.path.join(root, "build", "kaigi")
    return b


def ja_env():
    """LANG for a Japanese UI: ja_JP.UTF-8 when the machine has it, else
    C.UTF-8 with --lang ja (kaigi then speaks Japanese anyway)."""
    try:
        import locale

        locale.setlocale(locale.LC_ALL, "ja_JP.UTF-8")
        locale.setlocale(locale.LC_ALL, "")
        return {"LANG": "ja_JP.UTF-8"}, []
    except Exception:
        return {"LANG": "C.UTF-8"}, ["--lang", "ja"]



def pty_read(fd, timeout):
    """What the pty fd gives within timeout seconds: the bytes, None when
    nothing came, b"" when the program is gone."""
    r, _, _ = select.select([fd], [], [], timeout)
    if not r:
        return None
    try:
        return os.read(fd, 65536)
    except OSError:
        return b""


class Screen(pyte.Screen):
    """pyte's screen with the three sequences of xterm-256color's terminfo it
    lacks and ncurses uses: scroll up / down a region (SU, SD: indn, rin —
    when rows below a field move up or down together) and repeat the last
    character (REP: rep, a run of padding).  Without them the screen read
    here keeps rows the terminal has moved, and tests see text that is not
    there."""

    last = " "

    def draw(self, data):
        if data:
            self.last = data[-1]
        super().draw(data)

    def _region(self):
        if self.margins:
            return self.margins.top, self.margins.bottom
        return 0, self.lines - 1

    def _scroll(self, count, row, move):
        """Scroll the region count rows: move (index or reverse_index) run
        count times at row, the cursor kept where it was."""
        y, x = self.cursor.y, self.cursor.x
        self.cursor.y = row
        for _ in range(count or 1):
            move()
        self.cursor.y, self.cursor.x = y, x

    def scroll_up(self, count=None, *args, **kwargs):
        self._scroll(count, self._region()[1], self.index)

    def scroll_down(self, count=None, *args, **kwargs):
        self._scroll(count, self._region()[0], self.reverse_index)

    def repeat_last(self, count=None, *args, **kwargs):
        self.draw(self.last * (count or 1))


class Stream(pyte.ByteStream):
    csi = dict(pyte.ByteStream.csi, S="scroll_up", T="scroll_down", b="repeat_last")

class Kaigi:
    """One kaigi process on a pty of rows × cols."""

    def __init__(self, args, home, rows=24, cols=80, env=None, lang="ja", prefix=()):
        self.rows, self.cols = rows, cols
        self.home = home
        e = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": home,
            "XDG_DATA_HOME": os.path.join(home, "data"),
            "XDG_CONFIG_HOME": os.path.join(home, "config"),
            "TERM": TERM,
            "NCURSES_NO_UTF8_ACS": "1",
            "ESCDELAY": "25",
        }
        for k in ("ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS", "KAIGI_FORMS_DIR"):
            if k in os.environ:
                e[k] = os.environ[k]
        extra = []
        if lang == "ja":
            le, extra = ja_env()
            e.update(le)
        else:
            e["LANG"] = "C.UTF-8"
            extra = ["--lang", "en"]
        if env:
            e.update(env)
        self.argv = list(prefix) + [binary()] + extra + list(args)
        self.screen = Screen(cols, rows)
        self.stream = Stream(self.screen)
        self.log = bytearray()
        pid, fd = pty.fork()
        if pid == 0:
            try:
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
                os.execve(self.argv[0], self.argv, e)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.status = None

    # ---- output --------------------------------------------------------
    def pump(self, timeout=0.05):
        """Read what is there (waiting up to timeout for the first bytes)."""
        got = False
        while True:
            data = pty_read(self.fd, timeout)
            if not data:
                return got
            self.log += data
            self.stream.feed(data)
            got = True
            timeout = 0.01

    def screen_lines(self):
        """The screen's lines.  pyte's own display stumbles on the stub a
        wide character leaves when its first half is overwritten (a real
        terminal clears it), so the cells are read here."""
        out = []
        for y in range(self.screen.lines):
            row = self.screen.buffer[y]
            chars, skip = [], False
            for x in range(self.screen.columns):
                ch = row[x].data
                if skip or not ch:
                    skip = False
                    continue
                chars.append(ch)
                skip = wcwidth(ch[0]) == 2
            out.append("".join(chars))
        return out

    def text(self):
        return "\n".join(self.screen_lines())

    def line(self, y):
        return self.screen_lines()[y]

    def wait_for(self, what, timeout=15.0):
        """Wait until the screen shows what (a string, or a predicate of
        the screen text); return the text.  Fails with the screen."""
        end = time.monotonic() + timeout
        check = what if callable(what) else (lambda t: what in t)
        while True:
            self.pump(0.05)
            t = self.text()
            if check(t):
                return t
            if time.monotonic() > end:
                raise AssertionError(
                    "timed out waiting for %r; the screen shows:\n%s" % (what, t)
                )
            if self.exited():
                self.pump(0.05)
                t = self.text()
                if check(t):
                    return t
                raise AssertionError(
                    "kaigi exited (%r) while waiting for %r; the screen shows:\n%s"
                    % (self.status, what, t)
                )

    def wait_gone(self, what, timeout=15.0):
        return self.wait_for(lambda t: what not in t, timeout)

    # ---- input ---------------------------------------------------------
    def send(self, *keys, settle=True):
        """Send keys: names in KEYS, or text (UTF-8).  With settle, read
        the output after each key so that the screen follows."""
        for k in keys:
            if k in KEYS:
                data = KEYS[k]
            elif len(k) == 3 and k.startswith("M-"):
                data = b"\x1b" + k[2].encode("utf-8")  # Alt-x: Esc and x at once
            else:
                data = k.encode("utf-8")
            os.write(self.fd, data)
            if k == "esc":
                # A lone Esc is told from Alt-x by the pause after it
                # (ESCDELAY): the next key must not follow at once.
                time.sleep(0.06)
            if settle:
                self.pump(0.02)

    def type(self, text):
        """Type text character by character, as a person (or an IME) does."""
        for ch in text:
            os.write(self.fd, ch.encode("utf-8"))
            self.pump(0.005)

    def fill(self, *texts, then="tab"):
        """Type each text into a field and Tab on to the next, as a person
        fills in a form field after field; after the last text the key then
        (Tab: on to the next field; Enter: leave the field)."""
        for n, text in enumerate(texts):
            self.type(text)
            self.send("tab" if n + 1 < len(texts) else then)

    # ---- the process ---------------------------------------------------
    def resize(self, rows, cols):
        self.rows, self.cols = rows, cols
        self.screen.resize(rows, cols)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        os.kill(self.pid, signal.SIGWINCH)

    def exited(self):
        if self.status is not None:
            return True
        pid, st = os.waitpid(self.pid, os.WNOHANG)
        if pid == 0:
            return False
        self.status = st
        return True

    def wait_exit(self, timeout=15.0):
        end = time.monotonic() + timeout
        while not self.exited():
            self.pump(0.05)
            if time.monotonic() > end:
                raise AssertionError("kaigi did not exit; the screen shows:\n" + self.text())
        self.pump(0.05)
        return self.status

    def kill(self, sig=signal.SIGKILL):
        os.kill(self.pid, sig)

    def close(self):
        if not self.exited():
            try:
                os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.wait_exit()
        try:
            os.close(self.fd)
        except OSError:
            pass
        # Under ASan/UBSan a report goes to the terminal: fail on it.
        for mark in (b"AddressSanitizer", b"LeakSanitizer", b"runtime error:"):
            if mark in self.log:
                at = self.log.find(mark)
                raise AssertionError("sanitizer report:\n" +
                                     self.log[max(0, at - 200):at + 2000].decode("utf-8", "replace"))

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        try:
            self.close()
        except AssertionError:
            if exc[0] is None:
                raise
        return False


def tempdir():
    return tempfile.mkdtemp(prefix="kaigi-e2e-")


def db(path):
    """The database, read-only (kaigi may still be running)."""
    con = sqlite3.connect("file:%s?mode=ro" % path, uri=True)
    return con


def answer(con, form, field, item="", col="", case_code=None):
    """The values at a path (item None: any item, as in a list), as a list;
    case_code keeps those of one case."""
    q = (
        "SELECT a.value FROM answer a JOIN form_record r ON r.id = a.record_id "
        "LEFT JOIN case_review c ON c.id = r.case_id LEFT JOIN person p ON p.id = c.person_id "
        "WHERE r.form = ? AND a.field = ? AND a.col = ?"
    )
    args = [form, field, col]
    if item is not None:
        q += " AND a.item = ?"
        args.append(item)
    if case_code:
        q += " AND p.code = ?"
        args.append(case_code)
    return [r[0] for r in con.execute(q, args)]


def eventually(fn, timeout=10.0):
    """fn() until it is true or timeout seconds pass; its last value.  For
    what the database holds after a key: the screen may already show the
    text being typed before the key that saves it is handled."""
    end = time.monotonic() + timeout
    while True:
        got = fn()
        if got or time.monotonic() > end:
            return got
        time.sleep(0.05)


def check(cond, msg):
    if not cond:
        raise AssertionError(msg)


def run(main):
    """Run a test's main(), printing the failure and exiting 1 on error."""
    try:
        main()
    except AssertionError as e:
        print("FAIL:", e, file=sys.stderr)
        sys.exit(1)
    print("ok")


def kaigi_cli(path, home, *args):
    """kaigi --db PATH --lang ja ARGS, outside the terminal (LANG=C.UTF-8,
    HOME=home); fails the test unless it exits 0.  Returns (stdout,
    stderr)."""
    env = dict(os.environ, LANG="C.UTF-8", HOME=home, XDG_CONFIG_HOME=os.path.join(home, "config"))
    p = subprocess.run([binary(), "--db", path, "--lang", "ja"] + list(args), capture_output=True,
                       env=env)
    check(p.returncode == 0, "kaigi %s: %s" % (" ".join(args), p.stderr.decode()))
    return p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


def cli(path, home, *args):
    """kaigi_cli's standard output."""
    return kaigi_cli(path, home, *args)[0]


def new_meeting(k, kind="自立支援"):
    """From the home screen of an empty database: a new meeting of the
    template whose name starts with kind; returns once it is made."""
    k.wait_for("予定された会議はありません")
    k.send("n")
    k.wait_for("新しい会議：種類は？")
    k.type(kind)
    k.send("enter")
    return k.wait_for("会議を作りました")


def open_today_cases(k, wait="1. K-"):
    """From the home screen of the demo: today's meeting and its list of
    cases; returns the screen once it shows wait."""
    k.wait_for("これからの会議")
    k.send("enter")
    k.wait_for("目指す姿")
    k.send("down", "down", "down", "enter")
    return k.wait_for(wait)


def open_today_case(k, down=0):
    """From the home screen of the demo: today's meeting, its cases, and
    the case down rows below the first; returns when the case runs."""
    open_today_cases(k)
    for _ in range(down):
        k.send("down")
    k.send("enter")
    k.wait_for("論点の提示")


def goto_section(k, name):
    """Jump to a section of the running case by part of its name (Alt-g:
    on a field a plain g would be text)."""
    k.send("M-g")
    k.wait_for("見出しへ移動")
    k.type(name)
    k.send("enter")
    k.wait_gone("見出しへ移動")


def open_case_section(k, section, wait):
    """From the home screen of the demo: today's first case, at the section
    named by part of section; returns the screen once it shows wait."""
    open_today_case(k)
    goto_section(k, section)
    return k.wait_for(wait)


@contextlib.contextmanager
def demo_case(section, wait):
    """kaigi demo in a fresh home, today's first case open at section once
    the screen shows wait (open_case_section); gives (home, k)."""
    home = tempdir()
    with Kaigi(["demo"], home) as k:
        open_case_section(k, section, wait)
        yield home, k


def add_case(k, wait="事例提供者"):
    """On a meeting's list of cases: a (add) opens the new case's form;
    returns the screen once it shows wait."""
    k.send("a")
    return k.wait_for(wait)


def quit_home(k, msg="kaigi did not exit cleanly"):
    """From a case (or a meeting's list of cases): Esc twice to the home
    screen, q, and kaigi ends with status 0."""
    k.send("esc")  # the side list (or the meeting)
    k.send("esc")  # home
    k.wait_for("これからの会議")
    k.send("q")
    check(k.wait_exit() == 0, msg)


def demo_db(home):
    return os.path.join(home, "data", "kaigi", "demo.db")


# The demo's first case of today's meeting: the one open_today_case() opens.
DEMO_CASE = "K-2026-003"


def demo_answer(home, form, field, case_code=DEMO_CASE, **kw):
    """answer() on the demo's database under home, of DEMO_CASE unless
    case_code says otherwise."""
    return answer(db(demo_db(home)), form, field, case_code=case_code, **kw)

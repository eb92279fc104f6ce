#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""bench_ui.py — the facilitator UI's figures, beside `dialog --form`.

usage: bench_ui.py KAIGI DB FORMS_DIR [ROUNDS]

Both programs run in a pseudo-terminal of 80×24 (TERM=xterm-256color),
their output read as it comes, in the same run:

  start to first full screen   spawn → the screen is complete (kaigi: the
                               home screen with its footer, on the reference
                               data set; dialog: a form of the same number of
                               fields), median and p95 of N starts
  keystroke round trip         write of one key → first byte of the redraw,
                               and → last byte (the output then stays quiet
                               for QUIET ms, not counted), per key
  kaigi inside                 KAIGI_UI_STATS: each key from its arrival to
                               the end of its redraw, measured by the loop

The keys: moving through the 13 fields of a page (↓ ×12, ↑ ×12) in both;
typing ten characters into a field in both; and for kaigi alone, leaving a
field (a committed, fsynced save) and rating grid cells (one save each).
Nothing here is pass/fail; design.md's budgets are printed beside.
"""
import os
import pty
import signal
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "e2e"))
import pyte  # noqa: E402
from kaigi_pty import KEYS, pty_read  # noqa: E402

QUIET = 0.015
ROWS, COLS = 24, 80


class Pty:
    def __init__(self, argv, env):
        self.screen = pyte.Screen(COLS, ROWS)
        self.stream = pyte.ByteStream(self.screen)
        e = dict(env, TERM="xterm-256color", LINES=str(ROWS), COLUMNS=str(COLS))
        self.t0 = time.monotonic()
        pid, fd = pty.fork()
        if pid == 0:
            import fcntl
            import struct
            import termios

            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
            os.execve(argv[0], argv, e)
            os._exit(127)
        self.pid, self.fd = pid, fd

    def read(self, timeout):
        data = pty_read(self.fd, timeout)
        if data:
            self.stream.feed(data)
        return data

    def text(self):
        return "\n".join(self.screen.display)

    def wait_for(self, what, timeout=30):
        end = time.monotonic() + timeout
        while what not in self.text():
            if time.monotonic() > end:
                raise SystemExit("bench_ui: timed out waiting for %r:\n%s" % (what, self.text()))
            self.read(0.05)
        return time.monotonic()

    def drain(self):
        while self.read(QUIET):
            pass

    def key(self, k, wait=1.0):
        """Send one key; (first byte, last byte) of the answer, seconds, or
        None when nothing came within wait."""
        data = KEYS.get(k, k.encode("utf-8") if isinstance(k, str) else k)
        t0 = time.monotonic()
        os.write(self.fd, data)
        first = last = None
        end = t0 + 5
        while time.monotonic() < end:
            got = self.read(QUIET if first else wait)
            if got is None or got == b"":  # quiet, or the program ended
                break
            if got:
                now = time.monotonic()
                first = first or now
                last = now
        if first is None:
            return None
        return first - t0, last - t0

    def close(self):
        try:
            os.kill(self.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        end = time.monotonic() + 5
        while time.monotonic() < end:
            self.read(0.05)
            pid, _ = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                break
        else:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        os.close(self.fd)


def env():
    e = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME")}
    e.update(LANG="C.UTF-8", NCURSES_NO_UTF8_ACS="1", ESCDELAY="25")
    return e


def ms(x):
    return "%7.2f" % (x * 1000)


def stats(xs):
    xs = sorted(xs)
    return statistics.median(xs), xs[min(len(xs) - 1, int(len(xs) * 0.95))]


def dialog_argv(nfields):
    argv = ["/usr/bin/dialog", "--title", "bench", "--form", "%d fields" % nfields, "0", "0", "0"]
    for i in range(nfields):
        argv += ["Field %d" % (i + 1), str(i + 1), "1", "", str(i + 1), "20", "40", "0"]
    return argv


def kaigi_argv(kaigi, db, forms):
    return [kaigi, "--lang", "en", "--db", db, "--forms", forms]


def start_times(argv, ready, n, e, quit_key):
    out = []
    for _ in range(n):
        p = Pty(argv, e)
        t = p.wait_for(ready) - p.t0
        p.drain()
        out.append(t)
        p.key(quit_key)
        p.close()
    return out


def round_trips(p, keys):
    res = []
    for k in keys:
        r = p.key(k)
        if r:
            res.append(r)
    return res


def show(label, trips, budget=""):
    if not trips:
        print("   %-34s (no output)" % label)
        return
    f50, f95 = stats([t[0] for t in trips])
    l50, l95 = stats([t[1] for t in trips])
    print("   %-34s n=%-4d first %s / %s ms   done %s / %s ms %s" % (
        label, len(trips), ms(f50), ms(f95), ms(l50), ms(l95), budget))


def main():
    if len(sys.argv) < 4:
        raise SystemExit(__doc__)
    kaigi, db, forms = sys.argv[1:4]
    rounds = int(sys.argv[4]) if len(sys.argv) > 4 else 10
    e = env()
    nfields = 13
    print("== ui: kaigi on %s (80×24, median / p95)" % db)

    # ---- start to first full screen ---------------------------------
    ks = start_times(kaigi_argv(kaigi, db, forms), "? help", 15, e, "q")
    ds = start_times(dialog_argv(nfields), "<Cancel>", 15, e, "esc")
    k50, k95 = stats(ks)
    d50, d95 = stats(ds)
    print("   start to first full screen        kaigi %s / %s ms   dialog --form (%d fields) %s / %s ms"
          "   ratio %.2f   (budget 50 ms)" % (ms(k50), ms(k95), nfields, ms(d50), ms(d95), k50 / d50))

    # ---- keystrokes: kaigi --------------------------------------------
    statf = tempfile.mktemp(prefix="kaigi-ui-stats-")
    ke = dict(e, KAIGI_UI_STATS=statf)
    p = Pty(kaigi_argv(kaigi, db, forms), ke)
    p.wait_for("? help")
    p.drain()
    p.key("/", 0.2)
    search = round_trips(p, list("RB-2025-001"))
    p.wait_for("RB-2025-001")
    p.key("enter")
    p.wait_for("Cases (")
    p.key("enter")
    p.wait_for("Framing")
    p.key("g", 0.2)
    for ch in "Basic facts":
        p.key(ch, 0.2)
    p.key("enter", 0.2)
    p.wait_for("Initials")
    p.drain()
    nav = round_trips(p, (["down"] * (nfields - 1) + ["up"] * (nfields - 1)) * rounds)
    typing, saves = [], []
    for r in range(rounds):
        p.key("enter", 0.2)  # open the field "No."
        p.key("\x15", 0.2)
        # A different text each round, so that each leave really writes.
        typing += round_trips(p, [str((d + r) % 10) for d in range(10)])
        saves += round_trips(p, ["enter"])  # leave: one committed answer
    p.key("g", 0.2)
    for ch in "ADL":
        p.key(ch, 0.2)
    p.key("enter", 0.2)
    p.wait_for("Walking indoors")
    p.key("home", 0.2)
    grid = []
    for r in range(max(1, rounds // 3)):
        p.key("home", 0.2)
        grid += round_trips(p, [str(1 + (i + r) % 6) for i in range(17)])
    p.key("\x1b")
    p.close()
    inside = {}
    try:
        with open(statf) as f:
            for line in f:
                k, v = line.split()
                inside[k] = int(v)
        os.unlink(statf)
    except OSError:
        pass

    # ---- keystrokes: dialog --form ---------------------------------------
    d = Pty(dialog_argv(nfields), e)
    d.wait_for("<Cancel>")
    d.drain()
    dnav = round_trips(d, (["down"] * (nfields - 1) + ["up"] * (nfields - 1)) * rounds)
    dtyping = []
    for r in range(rounds):
        dtyping += round_trips(d, [str(x) for x in "1234567890"])
        for _ in range(10):
            d.key("bs", 0.2)
    d.close()

    print("   keystroke round trip (write → first byte / → last byte of the redraw):")
    show("kaigi: ↓↑ through 13 fields", nav, "(budget 2 ms)")
    show("dialog --form: ↓↑ through 13 fields", dnav)
    show("kaigi: typing in a field", typing)
    show("dialog --form: typing in a field", dtyping)
    show("kaigi: leaving a field (saved)", saves)
    show("kaigi: rating a grid cell (saved)", grid)
    show("kaigi: typing a case search (all cases)", search)
    if nav and dnav:
        print("   ratio kaigi / dialog, ↓↑ done: %.2f; typing done: %.2f" % (
            stats([t[1] for t in nav])[0] / stats([t[1] for t in dnav])[0],
            stats([t[1] for t in typing])[0] / stats([t[1] for t in dtyping])[0]))
    if inside:
        print("   kaigi inside (key in → redraw out, all %d keys of the session, the search "
              "included): mean %.3f ms, "
              "p50 %.3f ms, p95 %.3f ms, max %.3f ms" % (
                  inside.get("keys", 0), inside.get("key_mean_us", 0) / 1000,
                  inside.get("key_p50_us", 0) / 1000, inside.get("key_p95_us", 0) / 1000,
                  inside.get("key_max_us", 0) / 1000))
        print("   kaigi inside: UI start to first screen %.2f ms (after forms, settings and the "
              "database are open)" % (inside.get("ui_start_to_first_screen_us", 0) / 1000))


if __name__ == "__main__":
    main()

#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""bench_draft.py — from a key to its draft being durable.

usage: bench_draft.py KAIGI [N]

kaigi runs on the demo database in a pseudo-terminal of 80×24; a long-text
field of a case is opened and characters are typed into it.  For each key
the time is taken from the write of the key to the moment another SQLite
connection reads the drafts table holding it — a committed transaction, and
kaigi commits with synchronous=FULL (the WAL is fsynced), so that is when
it is durable.  Two ways of typing, N keys each:

  one key, then a pause       a key, wait until it is durable, 0–300 ms
                              of nothing, the next key
  steady typing (8 keys/s)    keys at a typist's pace; each key's time
                              until a draft holding it is durable

Prints the median and p99 of each; the design's promise is 1,000 ms.
Nothing here is pass/fail.
"""
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "e2e"))
import kaigi_pty  # noqa: E402


def pct(v, p):
    v = sorted(v)
    return v[min(len(v) - 1, int(round(p / 100.0 * (len(v) - 1))))]


def draft_len(con):
    r = con.execute("SELECT text FROM draft WHERE field = 'life_issue'").fetchone()
    return len(r[0]) if r else 0


def main():
    os.environ["KAIGI_BIN"] = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    home = tempfile.mkdtemp(prefix="kaigi-bench-draft-")
    rng = random.Random(1)
    with kaigi_pty.Kaigi(["demo"], home) as k:
        kaigi_pty.open_today_case(k)
        kaigi_pty.goto_section(k, "生活と見立て")
        k.wait_for("生活課題")
        k.send("enter")
        k.wait_for("F10")
        con = sqlite3.connect("file:%s?mode=ro" % kaigi_pty.demo_db(home), uri=True)
        base = draft_len(con)
        typed = 0
        one = []
        for i in range(n):
            ch = "あいうえおABCDE"[i % 10]
            t0 = time.monotonic()
            os.write(k.fd, ch.encode("utf-8"))
            typed += 1
            while draft_len(con) < base + typed:
                k.pump(0)
                time.sleep(0.001)
            one.append((time.monotonic() - t0) * 1000)
            end = time.monotonic() + rng.uniform(0, 0.3)
            while time.monotonic() < end:
                k.pump(0.01)
        steady = []
        sent = []
        base += typed

        def collect():
            """Read the screen; each key now in the draft gets its delay."""
            k.pump(0)
            have = draft_len(con) - base
            now = time.monotonic()
            while len(steady) < have and len(steady) < len(sent):
                steady.append((now - sent[len(steady)]) * 1000)
            time.sleep(0.001)

        for i in range(n):
            ch = "かきくけこFGHIJ"[i % 10]
            os.write(k.fd, ch.encode("utf-8"))
            sent.append(time.monotonic())
            nxt = time.monotonic() + 0.125
            while time.monotonic() < nxt:
                collect()
        t_end = time.monotonic() + 3
        while len(steady) < len(sent) and time.monotonic() < t_end:
            collect()
    print("key → durable draft (ms), %d keys each:" % n)
    print("  one key, then a pause    median %6.1f   p99 %6.1f   max %6.1f" %
          (statistics.median(one), pct(one, 99), max(one)))
    print("  steady typing (8 keys/s) median %6.1f   p99 %6.1f   max %6.1f" %
          (statistics.median(steady), pct(steady, 99), max(steady)))
    print("  (promise: 1000 ms after the last key)")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Make the hostile inputs of tests/cli/hostile.sh (hostile input, bounded).

    hostile_gen.py KIND OUT [N]

Kinds: layered (calculated fields in 12 layers of 6, each reading every
field of the layer before, and a constraint reading the last layer), cycle
(N calculated fields in one cycle), printf (a constraint whose printf pads
2^31 characters), deep_form / deep_record / deep_settings (N nested `[`),
list (a record file whose meeting has a list of N actions), bulk (N meetings
of two cases each, for measuring import time and memory).
"""
import sys


def layered(layers=12, width=6):
    out = ["form: layered", "version: 1", "title: Layered", "sections:",
           "  - id: s", "    title: S", "    fields:",
           "      - {id: base, type: integer, label: Base}"]
    prev = ["base"]
    for l in range(layers):
        cur = []
        for w in range(width):
            fid = f"c{l}_{w}"
            expr = " + ".join(":" + p for p in prev)
            out.append(f"      - {{id: {fid}, type: calculate, label: {fid}, calculate: \"{expr}\"}}")
            cur.append(fid)
        prev = cur
    check = " + ".join(":" + p for p in prev)
    out.append("      - {id: checked, type: integer, label: Checked, "
               f"constraint: \"{check} IS NULL OR {check} > -1\"}}")
    return "\n".join(out) + "\n"


def cycle(n):
    out = ["form: cyc", "version: 1", "title: Cycle", "sections:",
           "  - id: s", "    title: S", "    fields:"]
    for i in range(n):
        out.append(f"      - {{id: f{i}, type: calculate, label: F{i}, "
                   f"calculate: \":f{(i + 1) % n} + 1\"}}")
    return "\n".join(out) + "\n"


def printf_form():
    return ("form: pf\nversion: 1\ntitle: P\nsections:\n  - id: s\n    title: S\n"
            "    fields:\n      - {id: a, type: text, label: A, "
            "constraint: \"length(printf('%.*c', 2147483647, 'x')) > 0\"}\n")


def main():
    kind, out = sys.argv[1], sys.argv[2]
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 100000
    if kind == "layered":
        text = layered()
    elif kind == "cycle":
        text = cycle(n)
    elif kind == "printf":
        text = printf_form()
    elif kind == "deep_form":
        text = "form: deep\nversion: 1\ntitle: " + "[" * n + "]" * n + "\n"
    elif kind == "deep_record":
        text = "kaigi: records\nversion: 1\nmeetings: " + "[" * n + "]" * n + "\n"
    elif kind == "deep_settings":
        text = "town: " + "{a: " * n + "x" + "}" * n + "\n"
    elif kind == "list":
        items = "".join(f"                - {{who: 担当{i}, what: 見守り{i}}}\n" for i in range(n))
        text = ("kaigi: records\nversion: 1\npeople:\n  - {code: T-1}\nmeetings:\n"
                "  - template: independence_support\n    date: 2026-01-10\n"
                "    title: 長いリスト\n    cases:\n      - person: T-1\n"
                "        records:\n          - form: case_plan\n            answers:\n"
                "              actions:\n" + items)
    elif kind == "bulk":
        # N meetings of two cases with a case plan each: the shape of a
        # town's years, for measuring import time and memory per MB.
        lines = ["kaigi: records", "version: 1", "people:"]
        for p in range(2 * n):
            lines.append(f"  - {{code: B-{p}, initials: X.Y., birth_year: 1940, sex: F, area: 北部}}")
        lines.append("meetings:")
        for m in range(n):
            d = f"20{10 + m // 4000:02d}-{1 + m // 333 % 12:02d}-{1 + m % 28:02d}"
            lines += [f"  - template: independence_support", f"    date: {d}",
                    f"    title: 第{m}回 自立支援型地域ケア会議", "    cases:"]
            for c in range(2):
                lines += [f"      - person: B-{2 * m + c}", "        records:",
                        "          - form: case_plan", "            answers:",
                        "              issues:",
                        "                - {demand: 買い物に行けない, need: 屋外歩行の安定, category: mobility}",
                        "              actions:",
                        "                - {who: 包括, what: 見守りの調整と連絡, due: 2026-03-01}",
                        "                - {who: 家族, what: 週一回の同行, due: 2026-04-01}"]
        text = "\n".join(lines) + "\n"
    else:
        sys.exit(f"unknown kind {kind}")
    with open(out, "w", encoding="utf-8") as f:
        f.write(text)


main()

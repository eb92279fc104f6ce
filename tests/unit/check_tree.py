#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""doc/hacking.md draws the tree; this checks the drawing against the code.

Usage: check_tree.py BUILD_DIR SOURCE_ROOT

From doc/hacking.md it reads
  - the module table (| module | `src/folder/` | uses |): every folder of src/
    is a module there, every .c of src/ lies in one, and every call from one
    module into another (read from the object files with nm, each source
    mapped to its object through compile_commands.json) goes in a direction
    the table allows;
  - the circles that are right (lines `- circle: a.c b.c — why`): files of
    one module that call each other in a circle must be listed there, and a
    listed circle must still exist;
  - every path written in backquotes that looks like a repository path
    (src/…, include/…, tests/…, db/…, doc/…, scripts/…) and every file name
    in backquotes (store_case.c, cmd.h, …) must exist.  Words in capitals
    (NAME, NNN, MODULE) and `*` stand for any name; `{a,b}` for each of a, b.
It prints each difference and exits 1 when there is one."""
import collections, glob, json, os, re, subprocess, sys

if len(sys.argv) != 3:
    sys.exit(__doc__)
build, root = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
src = os.path.join(root, "src")
doc_path = os.path.join(root, "doc", "hacking.md")
doc = open(doc_path, encoding="utf-8").read()
problems = []

# --- The module table -------------------------------------------------------
modules = {}  # folder (relative to src) -> (name, set of module names it may use)
for m in re.finditer(r"^\| *`?(\w+)`? *\| *`src/([\w/]+?)/?` *\| *([^|]*)\|", doc, re.M):
    uses = {u.strip(" `") for u in m.group(3).split(",")}
    modules[m.group(2)] = (m.group(1), {u for u in uses if u and u not in ("—", "-")})
if not modules:
    sys.exit("doc/hacking.md: no module table (| module | `src/folder/` | uses |)")
names = {v[0]: k for k, v in modules.items()}
for name, uses in sorted(modules.values()):
    for u in sorted(uses):
        if u not in names:
            problems.append(f"doc/hacking.md: module {name} uses {u}, which the table does not list")
for d in sorted(os.listdir(src)):
    if os.path.isdir(os.path.join(src, d)) and d not in modules:
        problems.append(f"src/{d}/ is not in doc/hacking.md's module table")
for folder in sorted(modules):
    if not os.path.isdir(os.path.join(src, folder)):
        problems.append(f"doc/hacking.md names src/{folder}/, which does not exist")
for dirpath, _, files in os.walk(src):
    rel = os.path.relpath(dirpath, src)
    for f in sorted(files):
        if f.endswith(".c") and rel not in modules:
            problems.append(f"src/{os.path.normpath(os.path.join(rel, f))} lies outside every module "
                            "of doc/hacking.md's table")


def module_of(path):
    d = os.path.dirname(path)
    return modules[d][0] if d in modules else None


# --- Symbols from the object files -------------------------------------------
cc = json.load(open(os.path.join(build, "compile_commands.json")))
candidates = collections.defaultdict(list)  # source (relative to src) -> its objects
for e in cc:
    f = os.path.normpath(os.path.join(e["directory"], e["file"]))
    if f.startswith(src + "/"):
        candidates[os.path.relpath(f, src)].append(os.path.join(e["directory"], e["output"]))
objects = {}  # source -> one object file built from it
for f, objs in sorted(candidates.items()):
    built = [o for o in objs if os.path.exists(o)]
    if built:
        objects[f] = built[0]
    else:
        problems.append(f"src/{f}: no object file in {build} (build kaigi first)")
if not objects:
    problems.append(f"{build}/compile_commands.json compiles nothing of {src}")
defs, uses = {}, collections.defaultdict(set)
source_of = {obj: f for f, obj in objects.items()}
# One nm for every object (-A: each line starts with its object's name).
out = subprocess.run(["nm", "-A", "--"] + sorted(source_of), capture_output=True, text=True,
                     check=True).stdout if source_of else ""
for line in out.splitlines():
    obj, sep, rest = line.partition(":")
    while sep and obj not in source_of:  # an object's path holding a ':'
        more, sep, rest = rest.partition(":")
        obj += ":" + more
    f = source_of.get(obj)
    p = rest.split()
    if f is None:
        continue
    if len(p) == 3 and p[1] in "TDBRV":
        defs.setdefault(p[2], f)
    elif len(p) == 2 and p[0] == "U":
        uses[f].add(p[1])

calls = collections.defaultdict(set)  # file -> files of its own module it calls
wrong = collections.defaultdict(list)  # (file, file of a module it may not use) -> symbols
for f, syms in sorted(uses.items()):
    for s in sorted(syms):
        d = defs.get(s)
        if not d or d == f:
            continue
        a, b = module_of(f), module_of(d)
        if a is None or b is None:
            continue
        if a == b:
            calls[f].add(d)
        elif b not in modules[os.path.dirname(f)][1]:
            wrong[f, d].append(s)
for (f, d), syms in sorted(wrong.items()):
    problems.append(f"src/{f} calls src/{d} ({', '.join(syms)}): {module_of(f)} may not use "
                    f"{module_of(d)} (doc/hacking.md)")

# --- Circles: strongly connected components of more than one file -------------
index, low, stack, on, circles, n = {}, {}, [], set(), [], [0]


def visit(v):
    index[v] = low[v] = n[0]
    n[0] += 1
    stack.append(v)
    on.add(v)
    for w in sorted(calls[v]):
        if w not in index:
            visit(w)
            low[v] = min(low[v], low[w])
        elif w in on:
            low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        c = set()
        while True:
            w = stack.pop()
            on.discard(w)
            c.add(w)
            if w == v:
                break
        if len(c) > 1:
            circles.append(c)


sys.setrecursionlimit(10000)
for v in sorted(objects):
    if v not in index:
        visit(v)
allowed = [set(m.group(1).split()) for m in re.finditer(r"^- circle: ([^—\n]+)—", doc, re.M)]
found = [{os.path.basename(x) for x in c} for c in circles]
for c, base in zip(circles, found):
    if base not in allowed:
        problems.append("files of one module call each other in a circle, not listed in "
                        "doc/hacking.md: " + " ".join(sorted("src/" + x for x in c)))
for a in allowed:
    if a not in found:
        problems.append("doc/hacking.md lists a circle that is not there: " + " ".join(sorted(a)))

# --- Paths and file names written in backquotes -------------------------------
REPO_DIRS = ("src/", "include/", "tests/", "db/", "doc/", "scripts/")
FILE_NAME = re.compile(r"^[\w*]+\.(c|h|py|sql|sh|md|yaml|build)$")
tree_files = []  # every file of the tree, relative to root (for bare file names)
for dirpath, dirs, files in os.walk(root):
    dirs[:] = [d for d in dirs if not d.startswith(".") and not d.startswith("build")
               and os.path.join(dirpath, d) != build]
    tree_files += [os.path.relpath(os.path.join(dirpath, f), root) for f in files]
tree_names = {os.path.basename(f) for f in tree_files}


def expand(word):
    """{a,b} alternatives → each word."""
    m = re.search(r"\{([^{}]*)\}", word)
    if not m:
        return [word]
    return [w for alt in m.group(1).split(",")
            for w in expand(word[:m.start()] + alt + word[m.end():])]


def pattern(word):
    """A word in capitals (NAME, NNN) stands for any name, as * does."""
    return re.sub(r"(?<![A-Za-z])[A-Z]+(?![a-z])", "*", word)


def exists(word, where):
    if os.path.exists(os.path.join(root, word)):
        return True
    if where is None:
        return word in tree_names or any(
            glob.fnmatch.fnmatch(n, pattern(word)) for n in tree_names)
    return bool(glob.glob(os.path.join(root, pattern(word))))


lines = doc.split("\n")
for no, line in enumerate(lines, 1):
    for m in re.finditer(r"`([^`\n]+)`", line):
        word = m.group(1).split()[0] if m.group(1).split() else ""
        word = word.rstrip(".,:;")
        if word.startswith(REPO_DIRS):
            for w in expand(word):
                if not exists(w, root):
                    problems.append(f"doc/hacking.md:{no}: `{w}` does not exist")
        elif FILE_NAME.match(word):
            for w in expand(word):
                if not exists(w, None):
                    problems.append(f"doc/hacking.md:{no}: no file `{w}` in the tree")

for p in problems:
    print(p)
print(f"{len(modules)} modules, {len(objects)} files, {len(circles)} circles "
      f"({len(allowed)} listed as right), {len(problems)} problems")
sys.exit(1 if problems else 0)

#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Hostile input, bounded: one regression test per shape that once hung kaigi,
# blew up its memory, replaced or half-wrote an output, or leaked a control
# character, through the real binary.
#
#   tests/cli/hostile.sh KAIGI     (run from the source root)
#
# Each case asserts the exit code, the FILE:LINE:COL message, and the
# sha256 of every file that must not change.  Every refusal runs under
# `timeout 10` and `ulimit -v 1 GiB` (not under AddressSanitizer, which
# reserves terabytes of address space) and must take under REFUSE_MS.
# It runs in the cli and the faults suites.
set -u

kaigi=${1:?usage: hostile.sh KAIGI}
src=$PWD
gen="$src/tests/cli/hostile_gen.py"
[ -f "$gen" ] || {
	echo "run from the source root" >&2
	exit 2
}
sanitized=${KAIGI_SANITIZED:-0}
refuse_ms=${REFUSE_MS:-2000}
[ "$sanitized" = 1 ] && refuse_ms=10000

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export KAIGI_FORMS_DIR="$src/forms" XDG_CONFIG_HOME="$tmp/config" HOME="$tmp/home"
export XDG_DATA_HOME="$tmp/data" LC_ALL=C.UTF-8 LANG=C.UTF-8 TERM=dumb
unset KAIGI_DB
mkdir -p "$tmp/config" "$tmp/home" "$tmp/data"

failures=0 checks=0
fail() {
	echo "FAIL: $*" >&2
	failures=$((failures + 1))
}
now_ms() { date +%s%3N; }

# limited ARGS...: run kaigi under the time and memory limits; sets rc, ms,
# $out and $err.
limited() {
	out="$tmp/out" err="$tmp/err"
	local t0
	t0=$(now_ms)
	(
		[ "$sanitized" = 1 ] || ulimit -v 1048576
		exec timeout 10 "$kaigi" "$@"
	) >"$out" 2>"$err" </dev/null
	rc=$?
	ms=$(($(now_ms) - t0))
	checks=$((checks + 1))
}
# A refusal: exit WANT, stderr has MSG, within the time bound.
refused() { # NAME WANT MSG ARGS...
	local name=$1 want=$2 msg=$3
	shift 3
	limited "$@"
	[ "$rc" -eq "$want" ] || fail "$name: exit $rc, expected $want: $(head -c 600 "$err")"
	[ -z "$msg" ] || grep -qF -- "$msg" "$err" || fail "$name: no '$msg' in: $(head -c 600 "$err")"
	[ "$ms" -lt "$refuse_ms" ] || fail "$name: took $ms ms (over $refuse_ms)"
	echo "ok: $name ($ms ms)"
}
sha() { sha256sum "$@" 2>/dev/null | awk '{print $1}' | tr '\n' ' '; }
same() { # NAME BEFORE FILES...
	local name=$1 before=$2
	shift 2
	[ "$(sha "$@")" = "$before" ] || fail "$name: $* changed"
}

# A database with the demo's meetings.
db="$tmp/kaigi.db"
cp "$("$kaigi" demo --no-ui)" "$db" || fail "demo database"
D=(--db "$db")

# ---- 1. hangs ---------------------------------------------------------------

# 100,000 nested lists in each kind of file, refused where depth passes 64.
python3 "$gen" deep_record "$tmp/deep.yaml" 100000
before=$(sha "$db")
refused "deep record file" 1 "deep.yaml:3:74: error: nested too deeply" "${D[@]}" import "$tmp/deep.yaml"
same "deep record file" "$before" "$db"
python3 "$gen" deep_form "$tmp/deepform.yaml" 100000
refused "deep form" 1 "deepform.yaml:3:71: error: nested too deeply" forms check "$tmp/deepform.yaml"
mkdir -p "$tmp/deepforms"
cp "$tmp/deepform.yaml" "$tmp/deepforms/"
refused "deep form in a forms folder" 1 "deepform.yaml:3:71: error: nested too deeply" \
	--forms "$tmp/deepforms" forms list
python3 "$gen" deep_settings "$tmp/config/kaigi-config.yaml" 40000
mkdir -p "$tmp/config/kaigi"
mv "$tmp/config/kaigi-config.yaml" "$tmp/config/kaigi/config.yaml"
refused "deep settings" 0 "config.yaml:1:" "${D[@]}" report latest -o "$tmp/r.txt"
grep -qF "nested too deeply" "$err" || fail "deep settings: $(cat "$err")"
rm -f "$tmp/config/kaigi/config.yaml"

# A named pipe as a record file, a form in a folder, the settings file.
mkfifo "$tmp/pipe.yaml"
before=$(sha "$db")
refused "FIFO record file" 3 "pipe.yaml: error: cannot read a record file: this is a named pipe" \
	"${D[@]}" import "$tmp/pipe.yaml"
same "FIFO record file" "$before" "$db"
mkdir -p "$tmp/pipeforms"
mkfifo "$tmp/pipeforms/x.yaml"
refused "FIFO in a forms folder" 3 "x.yaml: error: cannot read a form file: this is a named pipe" \
	--forms "$tmp/pipeforms" forms list
mkfifo "$tmp/config/kaigi/config.yaml"
refused "FIFO settings" 0 "config.yaml: error: cannot read settings: this is a named pipe" \
	"${D[@]}" report latest -o "$tmp/r.txt"
rm -f "$tmp/config/kaigi/config.yaml"
refused "folder as a record file" 3 "this is a folder, not a regular file" "${D[@]}" import "$tmp"

# Calculated fields in 12 layers of 6, each reading the whole layer before.
mkdir -p "$tmp/layered"
python3 "$gen" layered "$tmp/layered/layered.yaml"
refused "layered calculations, check" 0 "" forms check "$tmp/layered/layered.yaml"
cat >"$tmp/layered.rec.yaml" <<'EOF'
kaigi: records
meetings:
  - template: independence_support
    date: 2026-01-10
    records:
      - form: layered
        answers: {base: 1, checked: 5}
EOF
cp "$db" "$tmp/layered.db"
refused "layered calculations, import" 0 "" --db "$tmp/layered.db" --forms "$tmp/layered" \
	import -q "$tmp/layered.rec.yaml"

# printf('%.*c', 2147483647, 'x') in a constraint.
mkdir -p "$tmp/pf"
python3 "$gen" printf "$tmp/pf/pf.yaml"
cat >"$tmp/pf.rec.yaml" <<'EOF'
kaigi: records
meetings:
  - template: independence_support
    date: 2026-01-11
    records:
      - form: pf
        answers: {a: hello}
EOF
before=$(sha "$db")
refused "printf width" 1 "pf.rec.yaml:7:22: error: a: expression failed: printf(): a width or precision over 100000" \
	"${D[@]}" --forms "$tmp/pf" import "$tmp/pf.rec.yaml"
same "printf width" "$before" "$db"

# A 70-field cycle (the old search stopped at 64 steps).
python3 "$gen" cycle "$tmp/cyc.yaml" 70
refused "70-field cycle" 1 "cyc.yaml:8:57: error: calculate: calculated fields form a cycle: f0 → f1 →" \
	forms check "$tmp/cyc.yaml"
grep -qF "f68 → f69 → f0" "$err" || fail "70-field cycle: $(cat "$err")"

# Export and report linear in a list's length: 10 times the items may take
# at most 25 times as long (quadratic was 100 times).
small=2000 large=20000
[ "$sanitized" = 1 ] && small=500 large=5000
declare -A took
for n in $small $large; do
	python3 "$gen" list "$tmp/list$n.yaml" $n
	"$kaigi" --db "$tmp/list$n.db" import -q "$tmp/list$n.yaml" >/dev/null 2>&1 ||
		fail "importing a $n-item list"
	for what in "export yaml" "export csv" "report latest --format md"; do
		t0=$(now_ms)
		# shellcheck disable=SC2086
		"$kaigi" --db "$tmp/list$n.db" $what -o "$tmp/o$n-${what// /_}" >/dev/null 2>&1 ||
			fail "$what of $n items"
		took["$what/$n"]=$(($(now_ms) - t0))
	done
done
for what in "export yaml" "export csv" "report latest --format md"; do
	a=${took["$what/$small"]} b=${took["$what/$large"]}
	[ "$a" -lt 50 ] && a=50
	[ "$b" -le $((a * 25)) ] || fail "$what: $small items $a ms, $large items $b ms (not linear)"
	echo "ok: $what linear ($small: ${took["$what/$small"]} ms, $large: $b ms)"
done
checks=$((checks + 3))
python3 "$gen" list "$tmp/list50001.yaml" 50001
before=$(sha "$db")
refused "list over the limit" 1 "list50001.yaml:15:17: error: 'actions' holds 50001 items; kaigi takes at most 50000" \
	"${D[@]}" import "$tmp/list50001.yaml"
same "list over the limit" "$before" "$db"

# ---- 3. outputs ---------------------------------------------------------------

# A device node as -o is written, never replaced by a regular file.
dev=/dev/null
if [ "$(id -u)" = 0 ] && mknod "$tmp/nulldev" c 1 3 2>/dev/null; then
	dev="$tmp/nulldev"
fi
for args in "report latest -o $dev" "export yaml -o $dev"; do
	# shellcheck disable=SC2086
	limited "${D[@]}" $args
	[ "$rc" -eq 0 ] || fail "$args: exit $rc: $(cat "$err")"
	[ -c "$dev" ] || fail "$args: $dev is no longer a character device"
done
refused "backup to a device" 2 "cannot write the backup here: this is a character device" \
	"${D[@]}" backup "$dev"
[ -c "$dev" ] || fail "backup: $dev is no longer a character device"
ls "$tmp" | grep -q 'nulldev.tmp-' && fail "a temporary left beside $dev"
limited "${D[@]}" report latest -o /dev/stdout
[ "$rc" -eq 0 ] && grep -q "Midori" "$out" || fail "report -o /dev/stdout: exit $rc"
[ -L /dev/stdout ] || fail "/dev/stdout is no longer a symbolic link"

# A damaged database: no backup, exit 3.
cp "$db" "$tmp/bad.db"
python3 - "$tmp/bad.db" <<'EOF'
import sys
p = sys.argv[1]
with open(p, "r+b") as f:
    page = int.from_bytes(open(p, "rb").read()[16:18], "big") or 65536
    size = f.seek(0, 2)
    # Damage the b-tree header of every other page of the last third: the
    # file opens (its schema and first tables are whole), its data do not
    # read back.
    for off in range((int(size * 0.7) // page) * page, size, page * 2):
        f.seek(off)
        f.write(b"\x0d\xff\xff\xff\xff\xff\xff\xff")
EOF
# Where the damage falls decides whether opening or copying finds it first;
# either way the message says damaged, the status is 3, nothing is written.
refused "backup of a damaged database" 3 "damaged" --db "$tmp/bad.db" backup "$tmp/bad-backup.db"
[ -e "$tmp/bad-backup.db" ] && fail "a backup of the damaged database was written"
# Over an earlier backup: that one stays as it was.
cp "$db" "$tmp/old-backup.db"
before=$(sha "$tmp/old-backup.db")
refused "backup of a damaged database over an old one" 3 "damaged" --db "$tmp/bad.db" backup "$tmp/old-backup.db"
same "backup of a damaged database over an old one" "$before" "$tmp/old-backup.db"
ls "$tmp" | grep -q 'bad-backup.db.tmp-' && fail "backup left a temporary"

# A full disk during export csv (a file-size limit stands in): no folder.
(
	trap '' XFSZ
	ulimit -f 4
	exec "$kaigi" --db "$tmp/list2000.db" export csv -o "$tmp/csvfull"
) >"$tmp/out" 2>"$tmp/err"
rc=$?
checks=$((checks + 1))
[ "$rc" -eq 3 ] || fail "export csv on a full disk: exit $rc: $(cat "$tmp/err")"
[ -e "$tmp/csvfull" ] && fail "export csv on a full disk left $tmp/csvfull"
ls "$tmp" | grep -q 'csvfull.tmp-' && fail "export csv on a full disk left its temporary folder"
# Into a folder of an earlier export: its tables stay as they were.
mkdir -p "$tmp/csvold"
"$kaigi" "${D[@]}" export csv -o "$tmp/csvold" >/dev/null 2>&1 || fail "export csv into csvold"
before=$(sha "$tmp/csvold"/*)
(
	trap '' XFSZ
	ulimit -f 4
	exec "$kaigi" --db "$tmp/list2000.db" export csv -o "$tmp/csvold"
) >"$tmp/out" 2>"$tmp/err"
[ $? -eq 3 ] || fail "export csv on a full disk into a folder: $(cat "$tmp/err")"
same "export csv on a full disk into a folder" "$before" "$tmp/csvold"/*
checks=$((checks + 1))

# Temporaries of a process that is gone are removed on the next write.
pid=4000000
while kill -0 "$pid" 2>/dev/null; do pid=$((pid + 1)); done
touch "$tmp/exp.yaml.tmp-$pid" "$tmp/exp.yaml.tmp-$pid-journal"
mkdir "$tmp/csvdir.tmp-$pid" && touch "$tmp/csvdir.tmp-$pid/meetings.csv"
limited "${D[@]}" export yaml -o "$tmp/exp.yaml"
[ "$rc" -eq 0 ] || fail "export yaml: exit $rc"
limited "${D[@]}" export csv -o "$tmp/csvdir"
[ "$rc" -eq 0 ] || fail "export csv: exit $rc"
ls "$tmp" | grep -q "tmp-$pid" && fail "stale temporaries not removed: $(ls "$tmp" | grep tmp-)"

# SIGTERM in the middle of writing: nothing half-written stays.
for what in "export yaml -o $tmp/term.yaml" "export csv -o $tmp/termcsv" "backup $tmp/term.db"; do
	# shellcheck disable=SC2086
	"$kaigi" --db "$tmp/list$large.db" $what >/dev/null 2>&1 &
	p=$!
	sleep 0.1
	kill -TERM "$p" 2>/dev/null
	wait "$p"
	checks=$((checks + 1))
	left=$(ls "$tmp" | grep -E '^(term\.yaml|termcsv|term\.db)\.tmp-')
	[ -z "$left" ] || fail "SIGTERM during $what left: $left"
done

# ---- 5. escapes ----------------------------------------------------------------

# Control characters written with YAML escapes, and cells a spreadsheet
# would run, in every text output.
cat >"$tmp/esc.yaml" <<'EOF'
kaigi: records
people:
  - {code: "E-1\e[31m", initials: "X\e]0;pwn\a"}
meetings:
  - template: independence_support
    date: 2026-02-01
    title: "会議\e[2J\u009b"
    place: "=HYPERLINK(\"http://x\",\"y\")"
    cases:
      - person: "E-1\e[31m"
        presenter: "@SUM(1+1)"
        records:
          - form: case_plan
            answers:
              actions:
                - {who: "-2+3", what: "\e[2Jclear", due: 2026-03-01}
                - {who: "-5", what: "+1"}
EOF
cp "$db" "$tmp/esc.db"
limited --db "$tmp/esc.db" import -q "$tmp/esc.yaml"
[ "$rc" -eq 0 ] || fail "escapes: import exit $rc: $(cat "$err")"
esc=$(printf '\033')
c1=$(printf '\302\233')
for f in txt md html; do
	limited --db "$tmp/esc.db" report 2026-02-01 --names --format $f -o "$tmp/esc.$f"
	[ "$rc" -eq 0 ] || fail "escapes: report $f exit $rc: $(cat "$err")"
	grep -q -e "$esc" -e "$c1" "$tmp/esc.$f" && fail "escapes: report --format $f holds a control character"
	grep -qE "会議�\\\\?\\[2J" "$tmp/esc.$f" || fail "escapes: report --format $f does not show the escape"
done
limited --db "$tmp/esc.db" meetings --all
grep -q "$esc" "$out" && fail "escapes: meetings prints ESC"
limited --db "$tmp/esc.db" export csv -o "$tmp/esccsv"
grep -l "$esc" "$tmp/esccsv"/*.csv && fail "escapes: a CSV holds ESC"
grep -qF "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"" "$tmp/esccsv/meetings.csv" ||
	fail "escapes: =HYPERLINK not neutralised: $(cat "$tmp/esccsv/meetings.csv")"
grep -qF ",'@SUM(1+1)," "$tmp/esccsv/cases.csv" || fail "escapes: @SUM not neutralised"
grep -qF ",'-2+3," "$tmp/esccsv/case_plan.actions.csv" || fail "escapes: -2+3 not neutralised"
grep -qF ",-5,+1," "$tmp/esccsv/case_plan.actions.csv" || fail "escapes: numbers changed"
mkdir -p "$tmp/escforms"
cat >"$tmp/escforms/escf.yaml" <<'EOF'
form: escf
version: 1
title: "T\e[2J"
sections:
  - id: s
    title: "S\e]0;x\a"
    fields:
      - {id: a, type: text, label: "A\e[31m"}
EOF
limited --forms "$tmp/escforms" forms list
[ "$rc" -eq 0 ] || fail "escapes: forms list exit $rc: $(cat "$err")"
grep -q "$esc" "$out" && fail "escapes: forms list prints ESC"
grep -qF "T�[2J" "$out" || fail "escapes: forms list does not show it: $(cat "$out")"
limited --forms "$tmp/escforms" forms show escf
grep -q "$esc" "$out" && fail "escapes: forms show prints ESC"
grep -qF "A�[31m" "$out" || fail "escapes: forms show does not show it: $(cat "$out")"
checks=$((checks + 6))

# ---- 4. privacy -----------------------------------------------------------------

# follows: must name an earlier review of the same person.
read -r first other <<<"$(python3 - "$db" <<'EOF'
import sqlite3, sys
c = sqlite3.connect("file:%s?mode=ro" % sys.argv[1], uri=True)
rows = c.execute("SELECT c.id, p.code FROM case_review c JOIN person p ON p.id = c.person_id "
                 "JOIN meeting m ON m.id = c.meeting_id ORDER BY m.date, c.ord").fetchall()
a = rows[0]
b = next(r for r in rows if r[1] != a[1])
print(a[0], b[1])
EOF
)"
firstcode=$(python3 -c "import sqlite3,sys; c=sqlite3.connect('file:$db?mode=ro',uri=True); print(c.execute(\"SELECT p.code FROM case_review c JOIN person p ON p.id=c.person_id WHERE c.id='$first'\").fetchone()[0])")
for shape in foreign later; do
	if [ $shape = foreign ]; then who=$other date=2027-01-01; else who=$firstcode date=2001-01-01; fi
	cat >"$tmp/follows-$shape.yaml" <<EOF
kaigi: records
meetings:
  - template: independence_support
    date: $date
    cases:
      - person: $who
        follows: $first
EOF
done
before=$(sha "$db")
refused "foreign follows" 1 "follows-foreign.yaml:7:18: error: follows names a review of another person ($firstcode)" \
	"${D[@]}" import "$tmp/follows-foreign.yaml"
same "foreign follows" "$before" "$db"
refused "follows a later review" 1 "follows-later.yaml:7:18: error: follows names a review of" \
	"${D[@]}" import "$tmp/follows-later.yaml"
grep -qF "not before this one (2001-01-01)" "$err" || fail "follows a later review: $(cat "$err")"
same "follows a later review" "$before" "$db"

# A database readable by others is tightened to 0600 on a read-write open,
# with its -wal and -shm, and said once.
cp "$db" "$tmp/open.db"
chmod 0644 "$tmp/open.db"
limited --db "$tmp/open.db" import -q "$tmp/esc.yaml"
[ "$rc" -eq 0 ] || fail "0644 database: exit $rc: $(cat "$err")"
grep -qF "open.db: was readable by others (mode 0644); now 0600 (only you)" "$err" ||
	fail "0644 database: not said: $(cat "$err")"
for f in "$tmp/open.db" "$tmp/open.db-wal" "$tmp/open.db-shm"; do
	[ ! -e "$f" ] || [ "$(stat -c %a "$f")" = 600 ] || fail "0644 database: $f is $(stat -c %a "$f")"
done
limited --db "$tmp/open.db" import -q "$tmp/esc.yaml"
grep -q "readable by others" "$err" && fail "0644 database: said twice"
# A -shm left 0400 (by a read-only open) does not break the next writer.
chmod 0400 "$tmp/open.db-shm" 2>/dev/null
limited --db "$tmp/open.db" import -q "$tmp/esc.yaml"
[ "$rc" -eq 0 ] || fail "0400 -shm: exit $rc: $(cat "$err")"

# A read-only folder: reading still works; a -wal that cannot be read there
# is explained.  Root ignores modes, so this runs as nobody when it can.
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
	ro="$tmp/rofolder"
	mkdir -p "$ro"
	cp "$db" "$ro/k.db"
	chown -R nobody "$ro"
	chmod 0555 "$ro"
	chmod 0755 "$tmp"
	asnobody() {
		setpriv --reuid=nobody --regid="$(id -g nobody)" --clear-groups \
			env XDG_CONFIG_HOME="$ro/none" HOME="$ro" "$kaigi" "$@"
	}
	before=$(sha "$ro/k.db")
	for what in "meetings" "export yaml" "report latest"; do
		# shellcheck disable=SC2086
		asnobody --db "$ro/k.db" $what >"$tmp/out" 2>"$tmp/err"
		rc=$?
		checks=$((checks + 1))
		[ "$rc" -eq 0 ] || fail "read-only folder: $what: exit $rc: $(cat "$tmp/err")"
	done
	same "read-only folder" "$before" "$ro/k.db"
	chmod 0755 "$ro"
	printf 'x' >"$ro/k.db-wal"
	chmod 0555 "$ro"
	asnobody --db "$ro/k.db" meetings >"$tmp/out" 2>"$tmp/err"
	rc=$?
	checks=$((checks + 1))
	[ "$rc" -eq 3 ] && grep -qF "its folder is read-only and changes wait in" "$tmp/err" ||
		fail "read-only folder with a -wal: exit $rc: $(cat "$tmp/err")"
	chmod 0755 "$ro"
fi

# ---- 6. exit codes and messages ------------------------------------------------

mk() { # NAME: the record file on stdin
	cat >"$tmp/$1.yaml"
}
mk unknown_template <<'EOF'
kaigi: records
meetings:
  - template: no_such_template
    date: 2026-03-01
EOF
mk form_version <<'EOF'
kaigi: records
meetings:
  - template: independence_support
    date: 2026-03-01
    records:
      - form: process_sheet
        version: 99
EOF
mk dup_answers <<'EOF'
kaigi: records
people:
  - {code: D-1}
meetings:
  - template: independence_support
    date: 2026-03-01
    cases:
      - person: D-1
        records:
          - form: toyoake_case_sheet
            answers:
              age: 80
              age: 81
EOF
mk dup_person <<'EOF'
kaigi: records
people:
  - {code: D-2, initials: A.A.}
  - {code: D-2, initials: A.A.}
EOF
mk dup_id <<'EOF'
kaigi: records
meetings:
  - {id: 0b6c1f8e-3f0a-4c47-9d55-2a1e8e7f4b10, template: independence_support, date: 2026-03-01}
  - {id: 0b6c1f8e-3f0a-4c47-9d55-2a1e8e7f4b10, template: independence_support, date: 2026-03-02}
EOF
mk conflict_a <<'EOF'
kaigi: records
people:
  - {code: D-3, initials: A.A., area: 北部}
EOF
mk conflict_b <<'EOF'
kaigi: records
people:
  - {code: D-3, initials: B.B., area: 北部}
EOF
for side in a b; do
	mk conflict_m_$side <<EOF
kaigi: records
meetings:
  - {template: independence_support, date: 2026-03-05, title: 同じ会議, place: 会議室$side}
EOF
done
printf 'kaigi: records\npeople:\n  - {code: "D-4", initials: "A\xff"}\n' >"$tmp/bad_utf8.yaml"
printf 'kaigi: records\npeople:\n  - {code: D-5, initials: "A\001"}\n' >"$tmp/raw_ctrl.yaml"
before=$(sha "$db")
refused "unknown template" 1 "unknown_template.yaml:3:15: error: no meeting template 'no_such_template'" \
	"${D[@]}" import "$tmp/unknown_template.yaml"
refused "form version that does not exist" 1 "form_version.yaml:7:18: error: form process_sheet has no version 99" \
	"${D[@]}" import "$tmp/form_version.yaml"
refused "duplicate keys in answers" 1 "dup_answers.yaml:13:15: error: 'age' is given twice in these answers" \
	"${D[@]}" import "$tmp/dup_answers.yaml"
refused "the same person twice" 1 "dup_person.yaml:4:12: error: person D-2 is given twice in this file (first at line 3)" \
	"${D[@]}" import "$tmp/dup_person.yaml"
refused "the same id twice" 1 "dup_id.yaml:4:10: error: id 0b6c1f8e-3f0a-4c47-9d55-2a1e8e7f4b10 is given twice in this file" \
	"${D[@]}" import "$tmp/dup_id.yaml"
refused "two files disagree" 1 "conflict_b.yaml:3:12: error: person D-3 says something else in $tmp/conflict_a.yaml:3:12" \
	"${D[@]}" import "$tmp/conflict_a.yaml" "$tmp/conflict_b.yaml"
refused "two files disagree on a meeting" 1 "conflict_m_b.yaml:3:5: error: meeting " \
	"${D[@]}" import "$tmp/conflict_m_a.yaml" "$tmp/conflict_m_b.yaml"
grep -qF "says something else in $tmp/conflict_m_a.yaml:3:5" "$err" || fail "meeting conflict: $(cat "$err")"
cp "$db" "$tmp/agree.db"
limited --db "$tmp/agree.db" import -q "$tmp/conflict_m_a.yaml" "$tmp/conflict_m_a.yaml"
[ "$rc" -eq 0 ] || fail "one file given twice (agreeing): exit $rc: $(cat "$err")"
refused "invalid UTF-8 where it is" 1 "bad_utf8.yaml:3:31: error: invalid text" \
	"${D[@]}" import "$tmp/bad_utf8.yaml"
refused "a raw control character where it is" 1 "raw_ctrl.yaml:3:29: error: invalid text: control characters are not allowed" \
	"${D[@]}" import "$tmp/raw_ctrl.yaml"
same "refused record files" "$before" "$db"
refused "report of a day that does not exist" 1 "'2026-02-30' is not a date" "${D[@]}" report 2026-02-30

# A locale that is not UTF-8 (EUC-JP) is warned about; C is not.
mkdir -p "$tmp/loc"
if localedef -i ja_JP -f EUC-JP --no-archive "$tmp/loc/ja_JP.eucJP" >/dev/null 2>&1; then
	LOCPATH="$tmp/loc" LC_ALL=ja_JP.eucJP "$kaigi" "${D[@]}" meetings >"$tmp/out" 2>"$tmp/err"
	checks=$((checks + 1))
	grep -qF "the locale's character set is EUC-JP, but kaigi writes UTF-8" "$tmp/err" ||
		fail "EUC-JP locale: no warning: $(cat "$tmp/err")"
fi
LC_ALL=C "$kaigi" "${D[@]}" meetings >/dev/null 2>"$tmp/err"
grep -q "character set" "$tmp/err" && fail "C locale: warned"

echo "hostile: $checks checks, $failures failed"
[ "$failures" -eq 0 ]

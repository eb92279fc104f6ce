#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Golden tests of `kaigi forms check` through the real binary.
#
#   tests/cli/forms_check.sh KAIGI     (run from the source root)
#
# For every tests/data/forms/bad/NAME.yaml, `kaigi forms check` must exit 1,
# print nothing on stdout, and print exactly tests/data/forms/bad/NAME.expected
# on stderr.  Paths are relative to the source root so the expected text is
# the same on every machine.  Also: the shipped forms and the good fixtures
# check clean, usage errors exit 2, an unreadable file exits 3, and a 10 MB
# file (made here, never committed) gets the size error.
#
# KAIGI_UPDATE_GOLDEN=1 rewrites the .expected files from the binary's output
# instead of comparing; read the diff before committing it.
set -u

kaigi=${1:?usage: forms_check.sh KAIGI}
bad_dir=tests/data/forms/bad
good_dir=tests/data/forms/good
[ -d "$bad_dir" ] || {
	echo "run from the source root ($bad_dir not found)" >&2
	exit 2
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Only the shipped forms as installed ones; no user folder of this machine.
export KAIGI_FORMS_DIR="$PWD/forms" XDG_CONFIG_HOME="$tmp/config" HOME="$tmp/home"
# Byte order for globs, as kaigi sorts its report by file name.
export LC_ALL=C
unset KAIGI_DB

failures=0
checks=0
fail() {
	echo "FAIL: $*" >&2
	failures=$((failures + 1))
}

# run ARGS...: sets $rc, $out (stdout file) and $err (stderr file).
run() {
	out="$tmp/out" err="$tmp/err"
	"$kaigi" "$@" >"$out" 2>"$err"
	rc=$?
	checks=$((checks + 1))
}

expect_rc() { # WANT WHAT
	[ "$rc" -eq "$1" ] || fail "$2: exit $rc, expected $1$(printf '\n%s' "$(head -5 "$err")")"
}

# 1. Every malformed file: exit 1, its exact lines.
nbad=0
for yaml in "$bad_dir"/*.yaml; do
	nbad=$((nbad + 1))
	expected="${yaml%.yaml}.expected"
	run forms check "$yaml"
	if [ "${KAIGI_UPDATE_GOLDEN:-0}" = 1 ]; then
		cp "$err" "$expected"
	fi
	expect_rc 1 "$yaml"
	[ -s "$out" ] && fail "$yaml: printed on stdout: $(head -3 "$out")"
	if [ ! -f "$expected" ]; then
		fail "$yaml: no $expected"
	elif ! diff -u "$expected" "$err" >"$tmp/diff"; then
		fail "$yaml: stderr differs from $expected:$(printf '\n')$(cat "$tmp/diff")"
	fi
done
for expected in "$bad_dir"/*.expected; do
	[ -f "${expected%.expected}.yaml" ] || fail "$expected has no .yaml"
done
[ "$nbad" -ge 40 ] || fail "only $nbad malformed files (at least 40 wanted)"

# 2. All of them at once: one report, in file order, still exit 1.
run forms check "$bad_dir"/*.yaml
expect_rc 1 "all malformed files together"
cat "$bad_dir"/*.expected >"$tmp/all"
diff -u "$tmp/all" "$err" >"$tmp/diff" || fail "all malformed files together:$(printf '\n')$(head -40 "$tmp/diff")"

# 3. The shipped forms and the good fixtures: nothing printed, exit 0.
run forms check forms/*.yaml
expect_rc 0 "forms/*.yaml"
[ -s "$out" ] || [ -s "$err" ] && fail "forms/*.yaml printed: $(head -5 "$err" "$out")"
run forms check "$good_dir"/*.yaml
expect_rc 0 "$good_dir/*.yaml"
[ -s "$out" ] || [ -s "$err" ] && fail "$good_dir/*.yaml printed: $(head -5 "$err" "$out")"
# A bad file among good ones: only its own lines.
run forms check forms/monitoring.yaml "$bad_dir/dup_key.yaml" "$good_dir/bom.yaml"
expect_rc 1 "good and bad together"
diff -u "$bad_dir/dup_key.expected" "$err" >"$tmp/diff" || fail "good and bad together:$(printf '\n')$(cat "$tmp/diff")"

# 4. Usage errors: exit 2 and a usage line.
for args in "forms check" "forms" "forms nosuch" "forms list extra" "nosuchcommand" \
	"--lang fr forms check forms/monitoring.yaml" "--db"; do
	# shellcheck disable=SC2086 # word splitting wanted
	run $args
	expect_rc 2 "kaigi $args"
	[ -s "$err" ] || fail "kaigi $args: no message on stderr"
	[ -s "$out" ] && fail "kaigi $args: printed on stdout"
done
run forms check
grep -q '^usage: kaigi forms check FILE' "$err" || fail "kaigi forms check: no usage line: $(cat "$err")"

# 5. The environment: a missing file or a folder exits 3, with the reason.
run forms check "$bad_dir/no_such_file.yaml"
expect_rc 3 "missing file"
[ "$(cat "$err")" = "$bad_dir/no_such_file.yaml: error: cannot read: No such file or directory" ] ||
	fail "missing file: $(cat "$err")"
run forms check "$bad_dir"
expect_rc 3 "a folder"
[ "$(cat "$err")" = "$bad_dir: error: cannot read a form file: this is a folder, not a regular file" ] || fail "a folder: $(cat "$err")"

# 6. A 10 MB file is refused by its size, without being read.
big="$tmp/big.yaml"
{
	printf 'form: big\nversion: 1\ntitle: Big\nsections:\n'
	head -c $((10 * 1024 * 1024 - 40)) /dev/zero | tr '\0' '#'
} >"$big"
size=$(wc -c <"$big")
[ "$size" -ge $((10 * 1024 * 1024)) ] || fail "big file is only $size bytes"
run forms check "$big"
expect_rc 1 "10 MB file"
want="$big:1:1: error: file too large ($size bytes; a form file may be at most 2097152 bytes)"
[ "$(cat "$err")" = "$want" ] || fail "10 MB file: $(cat "$err")"

# 7. forms list: every shipped form and template, each with its file.
run forms list
expect_rc 0 "forms list"
for id in toyoake_case_sheet adl_toyoake adl_national case_plan monitoring outcome_sheet \
	process_sheet independence_support difficult_case planning; do
	grep -q "^\(form\|meeting\) *$id .*forms/" "$out" || fail "forms list: no $id"
done

if [ "$failures" -ne 0 ]; then
	echo "$failures of $checks checks failed ($nbad malformed files)" >&2
	exit 1
fi
echo "ok: $checks checks, $nbad malformed files"

#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Check the C++ sources against .clang-format (docs/developing.md, "Formatting").
#
#   tools/check_format.sh               # every tracked or new (not ignored) .cc/.h: list what clang-format would change
#   tools/check_format.sh --diff        # ... and show what it would change
#   tools/check_format.sh --fix         # reformat those files in place (clang-format -i)
#   tools/check_format.sh --since REV   # only the lines changed since REV (e.g. origin/main), through
#                                       # clang-format-diff; with --fix, reformats just those lines
#
# Exit status: 0 when nothing needs reformatting (or --fix reformatted it), 1 when files need it,
# 2 on a usage or tool error. Works from any directory. Environment: CLANG_FORMAT (default
# clang-format) and CLANG_FORMAT_DIFF (default clang-format-diff) name the tools; the
# configuration is tuned for clang-format 14 (Debian 12): other versions may format a few
# constructs differently.
#
# Checked: the files git tracks ending in .cc or .h, except test data, fuzz corpora, third-party
# code and build folders (the patterns in `excluded` below).
set -euo pipefail

usage() { sed -n '3,10p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

fix=0
show_diff=0
since=""
while [ $# -gt 0 ]; do
  case "$1" in
    --fix) fix=1 ;;
    --diff) show_diff=1 ;;
    --since) [ $# -ge 2 ] || usage; since="$2"; shift ;;
    --since=*) since="${1#--since=}" ;;
    -h | --help) usage ;;
    *) echo "check_format: unknown argument '$1'" >&2; usage ;;
  esac
  shift
done

# The repository root: the folder above tools/ (CI checks a copy of the files without .git).
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
cf="${CLANG_FORMAT:-clang-format}"
if ! command -v "$cf" >/dev/null 2>&1; then
  echo "check_format: '$cf' not found (Debian: apt-get install clang-format)" >&2
  exit 2
fi
if ! "$cf" --style=file --dump-config </dev/null >/dev/null; then
  echo "check_format: $cf cannot read $root/.clang-format" >&2
  exit 2
fi

# Paths never checked: data, corpora, vendored code, build trees.
excluded='^(tests/data/|fuzz/corpus/|(.*/)?(third[-_]?party|vendor|external)/|build[^/]*/|out/)'

files=()
while IFS= read -r -d '' f; do
  if [[ "$f" =~ $excluded ]]; then continue; fi
  [ -f "$f" ] && files+=("$f")
# In a checkout: the tracked files and the new ones not yet added (what a clone and CI's copy hold).
done < <(if git -C "$root" rev-parse --git-dir >/dev/null 2>&1; then
           git ls-files -z --cached --others --exclude-standard -- '*.cc' '*.h'
         else find . \( -name '*.cc' -o -name '*.h' \) -type f -printf '%P\0' | sort -z; fi)
if [ ${#files[@]} -eq 0 ]; then
  echo "check_format: no files to check" >&2
  exit 0
fi

if [ -n "$since" ]; then
  cfd="${CLANG_FORMAT_DIFF:-clang-format-diff}"
  command -v "$cfd" >/dev/null 2>&1 || cfd=clang-format-diff-14
  if ! command -v "$cfd" >/dev/null 2>&1; then
    echo "check_format: clang-format-diff not found (Debian: part of clang-format)" >&2
    exit 2
  fi
  git rev-parse --verify --quiet "$since^{commit}" >/dev/null || { echo "check_format: unknown revision '$since'" >&2; exit 2; }
  changes="$(git diff -U0 --no-color "$since" -- "${files[@]}")"
  if [ -z "$changes" ]; then
    echo "check_format: no C++ lines changed since $since"
    exit 0
  fi
  if [ "$fix" = 1 ]; then
    printf '%s\n' "$changes" | "$cfd" -p1 -binary "$cf" -i
    echo "check_format: reformatted the lines changed since $since"
    exit 0
  fi
  out="$(printf '%s\n' "$changes" | "$cfd" -p1 -binary "$cf")"
  if [ -z "$out" ]; then
    echo "check_format: the lines changed since $since are formatted"
    exit 0
  fi
  printf '%s\n' "$out"
  echo
  echo "check_format: lines changed since $since need reformatting (the diff above)."
  echo "Fix: tools/check_format.sh --since $since --fix"
  exit 1
fi

jobs="$(nproc 2>/dev/null || echo 2)"
# One clang-format per file (so that a file that fails is named), spread over the cores.
# shellcheck disable=SC2016  # $0 and $f expand in the inner sh
mapfile -t bad < <(printf '%s\0' "${files[@]}" |
  xargs -0 -P"$jobs" -n 16 sh -c 'for f; do "$0" --style=file --dry-run --Werror "$f" >/dev/null 2>&1 || echo "$f"; done' "$cf" |
  sort)

if [ ${#bad[@]} -eq 0 ]; then
  echo "check_format: ${#files[@]} files checked, all formatted ($("$cf" --version | sed 's/.*version //'))"
  exit 0
fi

if [ "$fix" = 1 ]; then
  "$cf" --style=file -i "${bad[@]}"
  printf 'reformatted %s\n' "${bad[@]}"
  echo "check_format: reformatted ${#bad[@]} of ${#files[@]} files"
  exit 0
fi

for f in "${bad[@]}"; do
  echo "needs formatting: $f"
  if [ "$show_diff" = 1 ]; then
    "$cf" --style=file "$f" | diff -u --label "a/$f" --label "b/$f" "$f" - || true
  fi
done
echo
echo "check_format: ${#bad[@]} of ${#files[@]} files are not formatted as .clang-format says" \
  "($("$cf" --version | sed 's/.*version //'))."
echo "Fix one file:  clang-format -i FILE"
echo "Fix them all:  tools/check_format.sh --fix"
exit 1

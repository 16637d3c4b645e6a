#!/usr/bin/env bash
# Coverage-guided fuzzing of nats-edge's input readers: afl-fuzz (Debian's afl++) drives the
# nats-edge-fuzz harness, whose assemblies SharpFuzz instruments for coverage.
#
#   tests/Nats.Edge.Fuzz/fuzz.sh [--seconds N | --execs N] [--seed S] [--no-build] TARGET|all
#
# Each target starts from tests/Nats.Edge.Fuzz/Corpus/TARGET (nats-edge-fuzz list names them).
# --seconds N fuzzes each target that long (default 60); --execs N runs about N inputs instead (a
# long run: --execs 10000000). Inputs that crash or hang the target are copied to
# tests/Nats.Edge.Fuzz/Crashes/TARGET/, which the test suite replays from then on, and the exit
# status is 1. Prints each target's inputs run, speed and corpus size.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
harness="$root/tests/Nats.Edge.Fuzz"

seconds=60 execs="" seed=22 build=1 target=""
while (($#)); do
  case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    --execs) execs="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    -*) echo "fuzz.sh: unknown option $1" >&2; exit 2 ;;
    *) target="$1"; shift ;;
  esac
done
[ -n "$target" ] || { echo "usage: fuzz.sh [--seconds N | --execs N] [--seed S] [--no-build] TARGET|all" >&2; exit 2; }

# shellcheck source=packaging/apt-need.sh
. "$root/packaging/apt-need.sh"
need afl++
tools="$root/artifacts/tools"
[ -x "$tools/sharpfuzz" ] || dotnet tool install SharpFuzz.CommandLine --version 2.3.0 --tool-path "$tools" >/dev/null

if ((build)); then
  dotnet build "$harness" -c Release -nologo -v quiet >/dev/null
fi

# The instrumented copy lives apart from the build output, which the tests run uninstrumented.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r "$harness/bin/Release/net10.0" "$work/bin"
"$tools/sharpfuzz" "$work/bin/Nats.Edge.Server.dll"
"$tools/sharpfuzz" "$work/bin/nats-edge.dll" Nats.Edge.Configuration

if [ "$target" = all ]; then
  mapfile -t targets < <(dotnet "$work/bin/nats-edge-fuzz.dll" list)
else
  targets=("$target")
fi

# afl-fuzz's checks for a tuned machine and an instrumented binary do not apply: the binary is
# dotnet, the coverage map comes from the instrumented assemblies, and a shared CI box has no say in
# its CPU governor or core dumps.
export AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1 AFL_SKIP_BIN_CHECK=1 AFL_NO_AFFINITY=1
if [ -n "$execs" ]; then limit=(-E "$execs"); else limit=(-V "$seconds"); fi

mkdir -p "$work/out"
found=0
for name in "${targets[@]}"; do
  out="$work/out/$name"
  if ! afl-fuzz -i "$harness/Corpus/$name" -o "$out" -t 5000 -m none -s "$seed" "${limit[@]}" \
      -- dotnet "$work/bin/nats-edge-fuzz.dll" "$name" >"$work/$name.log" 2>&1; then
    echo "$name: afl-fuzz failed" >&2
    tail -20 "$work/$name.log" >&2
    found=1
    continue
  fi

  stat() { sed -n "s/^$1 *: //p" "$out/default/fuzzer_stats"; }
  echo "$name: $(stat execs_done) inputs, $(stat execs_per_sec)/s, corpus $(stat corpus_count), coverage $(stat bitmap_cvg), crashes $(stat saved_crashes), hangs $(stat saved_hangs)"
  for kind in crashes hangs; do
    for input in "$out/default/$kind"/id:*; do
      [ -e "$input" ] || continue
      mkdir -p "$harness/Crashes/$name"
      cp "$input" "$harness/Crashes/$name/$kind-$(sha1sum "$input" | cut -c1-12)"
      found=1
    done
  done
done
exit "$found"

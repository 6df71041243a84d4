#!/usr/bin/env bash
# AFL++ campaign over vpndiag's SharpFuzz targets (tests/Analyzer.Fuzz).
#
#   tests/fuzz/run-campaign.sh [seconds-per-target] [target...]
#
# Targets: pcap reassembly ike l2tp evtx evt xml csv (all when none given), run one after the
# other. Work, seeds and findings go to $FUZZ_WORK (default /tmp/vpndiag-fuzz); nothing there is
# committed. Seeds are made at run time from samples/ and ../shared (never copied into the repo).
# A crash or hang found becomes a minimised input under tests/fuzz/regressions/<target>/ plus a
# test in tests/Analyzer.Cli.Tests/Hostile/ -- by hand, after triage with
#   dotnet $FUZZ_WORK/plain/Analyzer.Fuzz.dll <target> <crash-file>
# ($FUZZ_WORK/plain is the same build uninstrumented: instrumented assemblies only run under afl-fuzz.)
set -euo pipefail

seconds=${1:-1800}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(pcap reassembly ike l2tp evtx evt xml csv)

root=$(cd "$(dirname "$0")/../.." && pwd)
shared=${VPNDIAG_SHARED:-$root/../shared}
work=${FUZZ_WORK:-/tmp/vpndiag-fuzz}
build=$work/build
plain=$work/plain
tools=$work/tools
mkdir -p "$work/findings" "$work/seeds"

command -v afl-fuzz >/dev/null || { echo "afl-fuzz not found (Debian package afl++)" >&2; exit 2; }

# 1. Build the harness and instrument vpndiag's own assemblies (not the harness, not the BCL).
if [ ! -f "$build/.instrumented" ]; then
  rm -rf "$build" "$plain"
  dotnet build "$root/tests/Analyzer.Fuzz" -c Release -o "$build" >/dev/null
  cp -r "$build" "$plain"
  if [ ! -x "$tools/sharpfuzz" ]; then
    dotnet tool install SharpFuzz.CommandLine --version 2.3.0 --tool-path "$tools" >/dev/null
  fi
  for assembly in Analyzer.Core Analyzer.Capture Analyzer.Protocols Analyzer.Sessions Analyzer.EventLogs; do
    "$tools/sharpfuzz" "$build/$assembly.dll"
  done
  touch "$build/.instrumented"
fi

# 2. Seeds, per target: small real files only (AFL++ wants seeds of a few KB).
seed_dir() { local d=$work/seeds/$1; mkdir -p "$d"; echo "$d"; }
small_files() { find "$@" -type f -size -${max_seed_kb:-64}k 2>/dev/null | sort; }
make_seeds() {
  local target=$1 dir n=0
  dir=$(seed_dir "$target")
  [ -n "$(ls -A "$dir")" ] && return 0
  case $target in
    pcap|reassembly)
      for f in $(small_files "$root/samples/captures" -name '*.pcap'); do
        cp "$f" "$dir/$(echo "${f#$root/samples/captures/}" | tr / _)"; done
      # Fragmented IP, IPv6 and pcapng variety from the public captures.
      for f in $(small_files "$shared/captures" \( -iname '*frag*' -o -iname '*ipv6*' -o -iname '*.pcapng' \
                 -o -iname '*isakmp*' -o -iname '*ike*' -o -iname '*l2tp*' \) | head -40); do
        cp "$f" "$dir/shared_$((n++))_$(basename "$f")"; done ;;
    ike|l2tp)
      for f in $(small_files "$root/samples/captures" "$shared/captures" \( -name '*.pcap' -o -name '*.pcapng' \)); do
        out=$dir/$(echo "$f" | md5sum | cut -c1-12)
        dotnet "$plain/Analyzer.Fuzz.dll" seed "$target" "$f" "$out" >/dev/null 2>&1 || rm -f "$out"
      done ;;
    evtx) max_seed_kb=1024; for f in $(small_files "$shared/evtx" -iname '*.evtx' | head -20); do
            cp "$f" "$dir/$((n++)).evtx"; done ;;
    evt)  max_seed_kb=1024; for f in $(small_files "$root/samples/events" "$shared" -iname '*.evt' | head -20); do
            cp "$f" "$dir/$((n++)).evt"; done ;;
    xml)  for f in $(small_files "$root/samples/events" -name '*.xml'); do cp "$f" "$dir/$((n++)).xml"; done ;;
    csv)  for f in $(small_files "$root/samples/events" -name '*.csv'); do cp "$f" "$dir/$((n++)).csv"; done ;;
  esac
  # A target without real seeds still starts (from one byte) rather than being skipped silently.
  [ -n "$(ls -A "$dir")" ] || { echo "$target: no seed files found, starting from a single byte" >&2; printf 'x' >"$dir/empty"; }
}

# 3. Campaigns, one at a time (the machine is shared).
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 \
       AFL_NO_AFFINITY=1 AFL_AUTORESUME=1 DOTNET_TieredPGO=0
for target in "${targets[@]}"; do
  make_seeds "$target"
  echo "== $target: $(ls "$work/seeds/$target" | wc -l) seeds, ${seconds}s"
  afl-fuzz -i "$work/seeds/$target" -o "$work/findings/$target" -t 10000 -m none -V "$seconds" \
    -- dotnet "$build/Analyzer.Fuzz.dll" "$target" >"$work/$target.log" 2>&1 || echo "$target: afl-fuzz exited $?" >&2
  stats=$work/findings/$target/default/fuzzer_stats
  if [ -f "$stats" ]; then
    awk -F' *: *' -v t="$target" '
      /^run_time/ {rt=$2} /^execs_done/ {ex=$2} /^execs_per_sec/ {eps=$2} /^corpus_count/ {cc=$2}
      /^saved_crashes/ {cr=$2} /^saved_hangs/ {hg=$2} /^bitmap_cvg/ {bm=$2}
      END {printf "%s: run_time=%ss execs=%s execs/s=%s corpus=%s crashes=%s hangs=%s coverage=%s\n", t, rt, ex, eps, cc, cr, hg, bm}' "$stats" \
      | tee -a "$work/summary.txt"
  fi
done

#!/bin/bash
# Issue 21's goals side by side in one run (docs/performance.md, "Run 2 of issue 21").
# usage: bench/issue21-goals.sh AOT_DIR SINGLEFILE_DIR BENCH_DLL
#   AOT_DIR:        dotnet publish src/Analyzer.Cli -c Release -r linux-x64 -p:PublishAot=true -o AOT_DIR
#   SINGLEFILE_DIR: dotnet publish src/Analyzer.Cli -c Release -r linux-x64 --self-contained -p:PublishSingleFile=true -o SINGLEFILE_DIR
#   BENCH_DLL:      dotnet build -c Release bench/Analyzer.Bench.Capture (its bin/Release/net10.0/Analyzer.Bench.Capture.dll)
# Inputs (environment, generated once; see docs/performance.md for the commands):
#   FILES: directory with c200.pcap, c1g.pcap, c200k.pcap and its esp_sa table (Analyzer.Bench.Capture generate)
#   EVTX_DIR + EVTX_LIST: the eight EVTX files and a file naming them, one per line
#   BIG_EVTX: the 120 MB EVTX (Analyzer.Bench.EventLogs --build-evtx)
#   OUT: scratch directory
# Needs tshark, evtxexport, hyperfine and /usr/bin/time. Run it on a quiet machine; it prints the load.
set -u
A=$1/vpndiag; S=$2/vpndiag; B=$3
FILES=${FILES:-/tmp/h-perf2}; EVTX_DIR=${EVTX_DIR:-$(cd "$(dirname "$0")/../.." && pwd)/shared/evtx/omerbenamram-evtx}
EVTX_LIST=${EVTX_LIST:-$FILES/evtx8.txt}; BIG_EVTX=${BIG_EVTX:-$FILES/big.evtx}; O=${OUT:-/tmp/issue21-run}; mkdir -p "$O"
SMALL=$(cd "$(dirname "$0")/.." && pwd)/samples/captures/udp500-blocked/server.pcap
la(){ cut -d' ' -f1-3 /proc/loadavg; }
t(){ local label=$1; shift; /usr/bin/time -q -f "%U %S %e %M" -o $O/t "$@" >/dev/null 2>&1; read u s e m < $O/t; echo "$label cpu=$(echo "$u+$s"|bc) wall=$e rssMB=$((m/1024)) load=$(la)"; }
echo "== start $(date -u +%FT%TZ) load $(la)"
echo "== side by side 200 MB"; dotnet $B run $FILES/c200.pcap 5 $A $S
echo "== side by side 1 GB"; dotnet $B run $FILES/c1g.pcap 3 $A $S
echo "== start-up (hyperfine)"
cp "$SMALL" $O/small.pcap
hyperfine -N -i -w 3 -r 20 -n aot-version "$A --version" -n sf-version "$S --version" \
  -n aot-2KB "$A analyze $O/small.pcap --format json -o $O/s1.json" \
  -n sf-2KB "$S analyze $O/small.pcap --format json -o $O/s2.json" 2>&1 | grep -v '^ *$'
for i in 1 2 3; do t "aot 2KB" $A analyze $O/small.pcap --format json -o /dev/null; t "sf 2KB" $S analyze $O/small.pcap --format json -o /dev/null; done
echo "== events, 8 EVTX"
cd "$EVTX_DIR"; mapfile -t F < "$EVTX_LIST"
for i in 1 2 3; do
  tot=0; for f in "${F[@]}"; do /usr/bin/time -q -f "%U %S" -o $O/te evtxexport "$f" >/dev/null 2>&1; read u s < $O/te; tot=$(echo "$tot+$u+$s"|bc); done
  echo "evtxexport x8 cpu=$tot load=$(la)"
  t "aot events x8" $A events "${F[@]}"; t "sf events x8" $S events "${F[@]}"
done
echo "== events, 120 MB EVTX"
t "evtxexport big" evtxexport $BIG_EVTX
for i in 1 2; do t "aot events big" $A events $BIG_EVTX -o /dev/null; t "sf events big" $S events $BIG_EVTX -o /dev/null; done
cd /tmp
echo "== keys, 200 MB keyed"
for i in 1 2 3; do
  t "aot keyed --keys" $A analyze $FILES/c200k.pcap --keys $FILES/esp_sa --format json -o /dev/null
  t "aot keyed nokeys" $A analyze $FILES/c200k.pcap --format json -o /dev/null
  t "sf keyed --keys" $S analyze $FILES/c200k.pcap --keys $FILES/esp_sa --format json -o /dev/null
done
U=(); while IFS= read -r l; do U+=(-o "uat:esp_sa:$l"); done < $FILES/esp_sa
t "tshark keyed with table" tshark -n -r $FILES/c200k.pcap -o esp.enable_encryption_decode:TRUE -o esp.enable_authentication_check:TRUE "${U[@]}" -Y "isakmp || esp || l2tp" -T fields -e frame.protocols
t "tshark keyed no table" tshark -n -r $FILES/c200k.pcap -Y "isakmp || esp || l2tp" -T fields -e frame.protocols
echo "== end $(date -u +%FT%TZ) load $(la)"

#!/bin/bash
# Regenerates every capture under samples/captures from real strongSwan and xl2tpd runs in network
# namespaces. Run as root: sudo samples/lab/regenerate.sh [SCENARIO...]   (default: all)
# Idempotent: each scenario rebuilds the topology, stops only the processes it started (by pid) and
# deletes its namespaces. Needs: strongswan-charon strongswan-swanctl strongswan-pki
# libcharon-extra-plugins xl2tpd tcpdump iptables tshark, and dotnet for the kernel-stack converter.
set -euo pipefail
LAB="$(cd "$(dirname "$0")" && pwd)"
SAMPLES="$(dirname "$LAB")"
CAPTURES="$SAMPLES/captures"
PKI="$LAB/pki"
WORK="${LAB_WORK:-/tmp/vpndiag-lab}"

[ "$(id -u)" = 0 ] || { echo "regenerate.sh: run as root" >&2; exit 2; }

source "$LAB/lib/topology.sh"
source "$LAB/lib/daemons.sh"
source "$LAB/lib/configs.sh"
source "$LAB/lib/run.sh"
source "$LAB/lib/outputs.sh"

trap 'stop_all; topology_down' EXIT

"$LAB/make-pki.sh" "$PKI" 2> /dev/null
mkdir -p "$CAPTURES" "$WORK"

if [ $# -gt 0 ]; then
    names=("$@")
else
    names=()
    for f in "$LAB"/scenarios/*.sh; do names+=("$(basename "$f" .sh)"); done
fi

for name in "${names[@]}"; do
    echo "== $name"
    unset -f scenario
    DESCRIPTION="" MUST_FIRE="" MUST_NOT_FIRE="" CLIENT2_NS="" LAC_PID="" LAC_REDIAL=""
    source "$LAB/scenarios/$name.sh"
    scenario
done

if [ $# -eq 0 ] || [ -n "${CONVERT:-}" ]; then
    "$LAB/convert-all.sh"
fi

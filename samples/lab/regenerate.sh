#!/bin/bash
# Regenerates every capture under samples/captures from real strongSwan and xl2tpd runs in network
# namespaces. Run as root:
#   sudo samples/lab/regenerate.sh [SCENARIO...]      run the scenarios (default: all, then convert)
#   samples/lab/regenerate.sh --outputs [SCENARIO...] only rewrite README.md, expected.json and the key
#                                                     tables from the last run's work directory
# Idempotent: each scenario rebuilds the topology, stops only the processes it started (by pid) and
# deletes its namespaces. Needs: strongswan-charon strongswan-swanctl strongswan-pki
# libcharon-extra-plugins xl2tpd tcpdump iptables tshark, and dotnet for the kernel-stack converter;
# the l2tp-ppp-mschapv2-* scenarios also need python3-cryptography (DES) and OpenSSL 3's legacy
# provider (MD4; lib/openssl-legacy.cnf activates it): lib/constructed-mschapv2.sh checks both first.
set -euo pipefail
LAB="$(cd "$(dirname "$0")" && pwd)"
SAMPLES="$(dirname "$LAB")"
CAPTURES="$SAMPLES/captures"
PKI="$LAB/pki"
WORK="${LAB_WORK:-/tmp/vpndiag-lab}"

source "$LAB/lib/topology.sh"
source "$LAB/lib/daemons.sh"
source "$LAB/lib/configs.sh"
source "$LAB/lib/run.sh"
source "$LAB/lib/outputs.sh"
source "$LAB/lib/key-tables.sh"
source "$LAB/lib/ikev2.sh"
source "$LAB/lib/ikev2-outputs.sh"
source "$LAB/lib/l2tp-failures.sh"
source "$LAB/lib/constructed-ppp.sh"
source "$LAB/lib/constructed-mschapv2.sh"

outputs_only=no
if [ "${1:-}" = --outputs ]; then
    outputs_only=yes
    shift
fi

if [ $# -gt 0 ]; then
    names=("$@")
else
    names=()
    for f in "$LAB"/scenarios/*.sh; do names+=("$(basename "$f" .sh)"); done
fi

load_scenario() {
    unset -f scenario
    DESCRIPTION="" MUST_FIRE="" MUST_NOT_FIRE="" MUST_FIRE_NO_KEYS="" MUST_NOT_FIRE_NO_KEYS="" PENDING_WITH_KEYS="" README_KIND="" LNS_PID="" CLIENT2_NS="" LAC_PID="" LAC_REDIAL="" PPP_CONSTRUCTED="" ATTEMPTS_JSON="" ATTEMPTS_NO_KEYS_JSON=""
    source "$LAB/scenarios/$1.sh"
}

if [ $outputs_only = yes ]; then
    for name in "${names[@]}"; do
        load_scenario "$name"
        SCENARIO=$name
        [ -d "$WORK/$name" ] && [ -d "$CAPTURES/$name" ] || { echo "$name: no previous run in $WORK" >&2; continue; }
        write_decryption_table "$WORK/$name" "$CAPTURES/$name"
        write_expected "$CAPTURES/$name"
        write_readme "$CAPTURES/$name"
        if [ "${PPP_CONSTRUCTED:-}" = yes ]; then ppp_outputs "$CAPTURES/$name"; fi
        echo "== $name (outputs)"
    done
    [ $# -gt 0 ] || "$LAB/convert-all.sh"
    exit 0
fi

[ "$(id -u)" = 0 ] || { echo "regenerate.sh: run as root" >&2; exit 2; }
trap 'stop_all; topology_down' EXIT

"$LAB/make-pki.sh" "$PKI" 2> /dev/null
mkdir -p "$CAPTURES" "$WORK"

for name in "${names[@]}"; do
    echo "== $name"
    load_scenario "$name"
    scenario
done

if [ $# -eq 0 ] || [ -n "${CONVERT:-}" ]; then
    "$LAB/convert-all.sh"
fi

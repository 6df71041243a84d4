#!/bin/bash
# Writes Wireshark's key tables (ikev1-decryption-table, esp_sa, ikev2_decryption_table) into
# committed scenario directories from the charon-*-ike4.log files already there, without running
# the lab: the same extraction regenerate.sh applies after each run (lib/key-tables.sh). A *-kernel
# directory (converted capture, no logs) takes the tables of its source scenario.
# Usage: write-key-tables.sh [SCENARIO...]   (default: every scenario with charon ike4 logs)
# Then: verify-key-tables.sh checks them with tshark.
set -euo pipefail
LAB="$(cd "$(dirname "$0")" && pwd)"
CAPTURES="$(dirname "$LAB")/captures"
source "$LAB/lib/key-tables.sh"

if [ $# -gt 0 ]; then names=("$@"); else
    names=()
    for d in "$CAPTURES"/*/; do names+=("$(basename "$d")"); done
fi
for name in "${names[@]}"; do
    dir="$CAPTURES/$name"
    logs=()
    for role in client client2 server; do
        if [ -s "$dir/charon-$role-ike4.log" ]; then logs+=("$dir/charon-$role-ike4.log"); fi
    done
    if [ ${#logs[@]} -gt 0 ]; then
        key_tables_from_logs "$dir" "${logs[@]}"
        echo "$name: $(cd "$dir" && ls ikev1-decryption-table esp_sa ikev2_decryption_table 2>/dev/null | paste -sd ' ')"
    fi
done
# Converted captures keep their source's SPIs and cookies.
for dir in "$CAPTURES"/*-kernel; do
    source_dir="${dir%-kernel}"
    [ -d "$source_dir" ] || continue
    for table in ikev1-decryption-table esp_sa ikev2_decryption_table; do
        if [ -f "$source_dir/$table" ]; then cp "$source_dir/$table" "$dir/"; fi
    done
done

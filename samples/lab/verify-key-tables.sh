#!/bin/bash
# Checks the key tables of captures/<scenario> against tshark, the oracle: with esp_sa every ESP
# packet must decrypt (tshark shows what it carried), with ikev2_decryption_table every encrypted
# IKEv2 message must show its inner payloads, with ikev1-decryption-table every encrypted IKEv1 one.
# Prints one line per capture: ESP total/decrypted (and what the decrypted packets carried), IKEv2
# encrypted total/decrypted. Exit status 1 when a packet that a table should open stays closed.
# Usage: verify-key-tables.sh [SCENARIO...]   (default: every scenario with a table)
set -uo pipefail
LAB="$(cd "$(dirname "$0")" && pwd)"
CAPTURES="$(dirname "$LAB")/captures"

preferences() {   # preferences DIR: tshark -o arguments for the tables present in DIR
    local dir=$1 line
    echo "-o"; echo "esp.enable_encryption_decode:TRUE"
    echo "-o"; echo "esp.enable_authentication_check:TRUE"
    if [ -f "$dir/esp_sa" ]; then
        while IFS= read -r line; do [ -n "$line" ] && { echo "-o"; echo "uat:esp_sa:$line"; }; done < "$dir/esp_sa"
    fi
    if [ -f "$dir/ikev2_decryption_table" ]; then
        while IFS= read -r line; do [ -n "$line" ] && { echo "-o"; echo "uat:ikev2_decryption_table:$line"; }; done < "$dir/ikev2_decryption_table"
    fi
    if [ -f "$dir/ikev1-decryption-table" ]; then
        while IFS= read -r line; do [ -n "$line" ] && { echo "-o"; echo "uat:ikev1_decryption_table:$line"; }; done < "$dir/ikev1-decryption-table"
    fi
}

status=0
if [ $# -gt 0 ]; then names=("$@"); else
    names=()
    for d in "$CAPTURES"/*/; do
        d=${d%/}
        if [ -f "$d/esp_sa" ] || [ -f "$d/ikev2_decryption_table" ]; then names+=("$(basename "$d")"); fi
    done
fi
for name in "${names[@]}"; do
    dir="$CAPTURES/$name"
    mapfile -t prefs < <(preferences "$dir")
    for pcap in "$dir"/server.pcap "$dir"/client.pcap "$dir"/client2.pcap; do
        [ -f "$pcap" ] || continue
        # ESP: frames with an ESP header; decrypted = tshark dissected a payload after it and the ICV was good.
        read -r esp esp_open esp_bad < <(tshark -r "$pcap" "${prefs[@]}" -Y esp -T fields -e frame.number -e esp.pad_len -e esp.icv_good -e esp.icv_bad 2>/dev/null \
            | awk -F'\t' '{ n++; if ($2 != "" && $4 != "1") o++; if ($4 == "1") b++ } END { printf "%d %d %d\n", n, o, b }')
        inner=$(tshark -r "$pcap" "${prefs[@]}" -Y "esp && (l2tp || icmp || udp.port != 4500)" -T fields -e _ws.col.Protocol 2>/dev/null | sort | uniq -c | awk '{printf "%s%s×%s", sep, $2, $1; sep=", "}')
        # IKEv2 with an Encrypted (46) or Encrypted Fragment (53) payload; decrypted = tshark shows the
        # decrypted data with a pad length that fits (a wrong key gives garbage padding).
        read -r v2 v2_open < <(tshark -r "$pcap" "${prefs[@]}" -Y "isakmp.version == 0x20 && (isakmp.nextpayload == 46 || isakmp.nextpayload == 53)" \
            -T fields -e frame.number -e isakmp.enc.decrypted -e isakmp.enc.pad_length.big 2>/dev/null \
            | awk -F'\t' '{ n++; if ($2 != "" && $3 == "") o++ } END { printf "%d %d\n", n, o }')
        printf '%-32s %-12s ESP %4d decrypted %4d icv-bad %d [%s]  IKEv2-encrypted %3d decrypted %3d\n' "$name" "$(basename "$pcap")" "$esp" "$esp_open" "$esp_bad" "$inner" "$v2" "$v2_open"
        if [ "$esp" != "$esp_open" ] && [ -f "$dir/esp_sa" ]; then status=1; fi
        if [ "$v2" != "$v2_open" ] && [ -f "$dir/ikev2_decryption_table" ]; then status=1; fi
    done
done
exit $status

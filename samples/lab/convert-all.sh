#!/bin/bash
# Makes the "*-kernel" variants: captures of non-NAT scenarios rewritten by the converter into what a
# kernel IPsec stack (and Windows) sends without NAT. See converter/KernelStackRewriter.cs.
set -euo pipefail
LAB="$(cd "$(dirname "$0")" && pwd)"
CAPTURES="$(dirname "$LAB")/captures"
dotnet build "$LAB/converter" -c Release -v q -nologo > /dev/null
CONVERT="$LAB/converter/bin/Release/net10.0/KernelStackConverter"

# convert SOURCE MUST_FIRE MUST_NOT_FIRE
convert() {
    local source=$1 out="$CAPTURES/$1-kernel" pcap
    rm -rf "$out"
    mkdir -p "$out"
    for pcap in server client; do
        "$CONVERT" "$CAPTURES/$source/$pcap.pcap" "$out/$pcap.pcap" > "$out/$pcap.conversion.txt"
    done
    for table in ikev1-decryption-table esp_sa; do
        if [ -f "$CAPTURES/$source/$table" ]; then cp "$CAPTURES/$source/$table" "$out/"; fi
    done
    SCENARIO="$source-kernel" MUST_FIRE="$2" MUST_NOT_FIRE="$3"
    write_expected "$out"
    {
        echo "# $source-kernel (CONVERTED capture)"
        echo
        echo "Not captured as is: \`server.pcap\` and \`client.pcap\` are the captures of [\`$source\`](../$source/README.md)"
        echo "rewritten by \`samples/lab/converter\` (run by \`samples/lab/convert-all.sh\`) into what a kernel IPsec"
        echo "stack such as Windows sends when no NAT is present. kernel-libipsec always UDP-encapsulates ESP and"
        echo "fakes NAT detection; the converter undoes exactly that:"
        echo
        echo "- ESP-in-UDP/4500 becomes IP protocol 50 (the 8-byte UDP header removed, RFC 3948 §2.2 in reverse);"
        echo "- IKE on UDP 4500 loses its 4-byte non-ESP marker and goes back to UDP 500 on both ports;"
        echo "- NAT-T keepalives are dropped;"
        echo "- NAT-D hashes are recomputed with the negotiated hash (RFC 3947 §3, HASH(CKY-I | CKY-R | IP | Port),"
        echo "  port 500) so both sides see \"no NAT\";"
        echo "- IP total length, IP header checksum, UDP length and UDP checksum are recomputed."
        echo
        echo "Unchanged: timestamps, addresses, cookies, SPIs, sequence numbers, encrypted bytes. Encrypted"
        echo "payloads still say what was negotiated (UDP-encapsulated tunnel mode in Quick Mode, NAT-OA), and"
        echo "\`ikev1-decryption-table\` and \`esp_sa\` from the source run still decrypt them. The daemons' logs are in the"
        echo "source scenario and describe the UDP-encapsulated original. As in every lab scenario, pppd cannot run"
        echo "(no /dev/ppp), so the L2TP call inside ESP ends right after ICCN with a CDN."
        echo
        echo "Conversion summary (converter output):"
        echo
        echo '```'
        cat "$out/server.conversion.txt" "$out/client.conversion.txt" | sed "s|$CAPTURES/||g"
        echo '```'
        echo
        echo "## What the captures hold (generated from tshark)"
        for pcap in "$out"/server.pcap "$out"/client.pcap; do capture_facts "$pcap"; done
    } > "$out/README.md"
    rm -f "$out"/*.conversion.txt
    echo "== $source-kernel"
}

source "$LAB/lib/outputs.sh"
FAILS="ike-no-response natt-udp4500-blocked esp-not-received ike-fragments-lost phase1-auth-failed phase1-proposal-mismatch phase2-rejected l2tp-unprotected path-drop path-modified"
convert healthy-psk "ipsec-established" "$FAILS nat-detected nat-observed nat-t-unsupported"
convert healthy-cert "ipsec-established" "$FAILS nat-detected nat-observed nat-t-unsupported certificate-validity no-common-ca"
convert esp-dropped-one-way "esp-not-received path-drop" "ipsec-established nat-detected nat-observed ike-no-response phase1-auth-failed phase2-rejected"
convert psk-mismatch "phase1-auth-failed" "ipsec-established nat-detected nat-observed ike-no-response phase1-proposal-mismatch path-drop"

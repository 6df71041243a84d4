# What a scenario leaves in samples/captures/NAME besides the captures (sourced by regenerate.sh).

# keep_ike4_log IN OUT: the "ike 4, chd 4, enc 4" log without its [ENC] lines (per-field payload
# dumps, about 85% of the bytes); every other line is kept exactly as charon wrote it.
keep_ike4_log() { grep -v '\[ENC\]' "$1" > "$2" || true; }

# write_decryption_table WORKDIR OUT: Wireshark's ikev1_decryption_table from both charons' logs.
write_decryption_table() {
    local work=$1 out=$2 role
    for role in server client client2; do
        if [ -s "$work/$role/charon-ike4.log" ]; then awk -f "$LAB/lib/ikev1-keys.awk" "$work/$role/charon-ike4.log"; fi
    done | awk '!seen[$0]++' > "$out/ikev1-decryption-table"
    [ -s "$out/ikev1-decryption-table" ] || rm -f "$out/ikev1-decryption-table"
}

json_list() {   # json_list WORD...: ["a", "b"]
    local first=1 word
    printf '['
    for word in "$@"; do
        [ $first = 1 ] || printf ', '
        printf '"%s"' "$word"
        first=0
    done
    printf ']'
}

write_expected() {   # write_expected OUT
    # shellcheck disable=SC2086
    printf '{\n  "mustFire": %s,\n  "mustNotFire": %s\n}\n' "$(json_list $MUST_FIRE)" "$(json_list $MUST_NOT_FIRE)" > "$1/expected.json"
}

VPN_FILTER='isakmp or esp or udpencap or l2tp or udp.port == 500 or udp.port == 4500 or udp.port == 1701 or ip.flags.mf == 1 or ip.frag_offset > 0'

capture_facts() {   # capture_facts PCAP
    local pcap=$1
    echo
    echo "### $(basename "$pcap")"
    echo
    echo "- frames: $(tshark -r "$pcap" 2>/dev/null | wc -l), first at $(tshark -r "$pcap" -c 1 -t ud -T fields -e frame.time_epoch 2>/dev/null | xargs -r -I{} date -u -d @{} '+%Y-%m-%d %H:%M:%S.%N' | cut -c1-23) UTC"
    local cookies spis
    cookies=$(tshark -r "$pcap" -Y isakmp -T fields -e isakmp.ispi -e isakmp.rspi 2>/dev/null | awk '$2 != "0000000000000000" && $2 != "" {print $1 " / " $2}' | awk '!s[$0]++' | paste -sd ';' | sed 's/;/; /g')
    if [ -n "$cookies" ]; then echo "- IKE SAs (initiator / responder cookie): $cookies"; fi
    spis=$(tshark -r "$pcap" -Y esp -T fields -e ip.src -e ip.dst -e esp.spi 2>/dev/null | awk '!s[$0]++ {print $3 " (" $1 " → " $2 ")"}' | paste -sd ';' | sed 's/;/; /g')
    if [ -n "$spis" ]; then echo "- ESP SPIs: $spis"; fi
    echo
    echo "VPN traffic (tshark one-line summary, UTC; at most 80 lines):"
    echo
    echo '```'
    tshark -r "$pcap" -t ud -Y "$VPN_FILTER" 2>/dev/null | head -80 | sed 's/^ *//'
    echo '```'
}

write_readme() {   # write_readme OUT
    local out=$1 pcap
    {
        echo "# $SCENARIO"
        echo
        echo "$DESCRIPTION"
        echo
        cat <<EOF
## How it was made

Real strongSwan 5.9.8 (charon, IKEv1, swanctl) and xl2tpd 1.3.18 runs in network namespaces made by
\`samples/lab/regenerate.sh $SCENARIO\` (configurations as run in \`configs/\`). Lab addresses: VPN
server 203.0.113.10; direct client 198.51.100.20; NAT router public 198.51.100.2 (MASQUERADE) with
clients 192.168.1.10 and 192.168.1.11 behind it; the Internet router 203.0.113.1 / 198.51.100.1 runs
the firewall. \`server.pcap\` is tcpdump on the server's interface, \`client.pcap\` on the client's
interface (\`client2.pcap\` on the second client's), taken at the same time with the same clock.

Lab limits, true of every scenario:
- This kernel has no ESP and no PPP. ESP is done in userspace by strongSwan's kernel-libipsec, which
  always UDP-encapsulates it: charon fakes NAT detection (one NAT-D hash does not match), so Main
  Mode moves to UDP 4500 at message 5 and ESP travels in UDP 4500 even without a NAT. The
  \`*-kernel\` scenarios are converted copies showing what a kernel stack (and Windows) sends.
- kernel-libipsec supports tunnel mode only, so the Quick Mode proposes tunnel mode with host
  selectors for UDP 1701 (Windows would propose transport mode).
- pppd cannot run (no /dev/ppp), so each L2TP call ends right after ICCN with a CDN (result code 1)
  from the LNS, and the tunnel is closed with StopCCN when the LAC is stopped.

Files: \`charon-*.log\` (charon at \`ike 2\`), \`charon-*-ike4.log\` (the same run's second log target at
\`ike 4, chd 4, enc 4, mgr 2\`, with its [ENC] lines removed for size; it holds the IKE and ESP keys),
\`ikev1-decryption-table\` (Wireshark's format, \`initiator-cookie,encryption-key\` in hex, taken
from "encryption key Ka" in that log), \`xl2tpd-*.log\` (xl2tpd's own output),
\`expected.json\` (rules that must and must not fire).

## What the captures hold (generated from tshark)
EOF
        for pcap in "$out"/server.pcap "$out"/client.pcap "$out"/client2.pcap; do
            if [ -f "$pcap" ]; then capture_facts "$pcap"; fi
        done
    } > "$out/README.md"
}

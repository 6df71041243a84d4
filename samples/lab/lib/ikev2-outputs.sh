# README.md and expected.json for the scenarios of this generation (sourced after outputs.sh, whose
# write_expected and write_readme it wraps). expected.json gains "withoutKeys": what vpndiag must and
# must not conclude when it reads the captures alone, without key tables or logs (MUST_FIRE_NO_KEYS,
# MUST_NOT_FIRE_NO_KEYS; absent when the scenario sets neither), and "pendingWithKeys" when the with-keys
# diagnosis needs analysis that is not built yet (PENDING_WITH_KEYS: why; the scenario tests skip the
# with-keys expectations with that reason until it is removed).

eval "$(declare -f write_readme | sed '1s/^write_readme/write_readme_v1/')"

write_expected() {   # write_expected OUT
    # shellcheck disable=SC2086
    {
        printf '{\n  "mustFire": %s,\n  "mustNotFire": %s' "$(json_list $MUST_FIRE)" "$(json_list $MUST_NOT_FIRE)"
        if [ -n "${MUST_FIRE_NO_KEYS:-}${MUST_NOT_FIRE_NO_KEYS:-}" ]; then
            printf ',\n  "withoutKeys": {\n    "mustFire": %s,\n    "mustNotFire": %s\n  }' \
                "$(json_list $MUST_FIRE_NO_KEYS)" "$(json_list $MUST_NOT_FIRE_NO_KEYS)"
        fi
        if [ -n "${PENDING_WITH_KEYS:-}" ]; then printf ',\n  "pendingWithKeys": "%s"' "$PENDING_WITH_KEYS"; fi
        printf '\n}\n'
    } > "$1/expected.json"
}

write_readme() {   # write_readme OUT
    if [ "${README_KIND:-}" != ikev2 ]; then write_readme_v1 "$1"; return; fi
    local out=$1 pcap
    {
        echo "# $SCENARIO"
        echo
        echo "$DESCRIPTION"
        echo
        cat <<TEXT
## How it was made

Real strongSwan 5.9.8 (charon, IKEv2, swanctl) runs in network namespaces made by
\`samples/lab/regenerate.sh $SCENARIO\` (configurations as run in \`configs/\`). The client connects
as Windows does with VPN type IKEv2: it requests a virtual IP (configuration payload), checks the
server's identity vpn.lab.example, and authenticates by PSK or by EAP-MSCHAPv2 with a user name and
password; the server assigns addresses from a pool (192.168.100.10-50) and protects the inside
address 192.168.100.1, which the client pings through the tunnel once connected. Lab addresses:
VPN server 203.0.113.10; direct client 198.51.100.20; the Internet router 203.0.113.1 /
198.51.100.1 between them. \`server.pcap\` is tcpdump on the server's interface, \`client.pcap\` on
the client's, same run, same clock.

Lab limits: pppd cannot run (no /dev/ppp), which these IKEv2 scenarios do not need: they carry IP
directly. ESP is done in userspace by strongSwan's kernel-libipsec, which always UDP-encapsulates
it (charon fakes NAT detection, so IKE moves to UDP 4500 at IKE_AUTH and ESP travels in UDP 4500
even without a NAT); tunnel mode only.

Files: \`charon-*.log\` (charon at \`ike 2\`), \`charon-*-ike4.log\` (the same run's second log target
at \`ike 4, chd 4, enc 4, mgr 2\`; of the [ENC] lines only the one-line message summaries are kept;
it holds the IKE and ESP keys), \`ikev2_decryption_table\` (Wireshark's IKEv2 table: SPIi, SPIr,
SK_ei, SK_er, encryption, SK_ai, SK_ar, integrity, from the Sk_* secrets in that log), \`esp_sa\`
(Wireshark's ESP SA table from both charons' logs), \`expected.json\` (rules that must and must not
fire with the keys, and under \`withoutKeys\` from the captures alone).
\`samples/lab/verify-key-tables.sh $SCENARIO\` checks the tables with tshark.

## What the captures hold (generated from tshark)
TEXT
        for pcap in "$out"/server.pcap "$out"/client.pcap; do
            if [ -f "$pcap" ]; then capture_facts "$pcap"; fi
        done
    } > "$out/README.md"
}

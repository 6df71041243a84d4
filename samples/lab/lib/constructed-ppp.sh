# PPP inside L2TP inside ESP with a constructed PPP peer (sourced by regenerate.sh).
# This kernel has no PPP, so xl2tpd's pppd cannot run; here each xl2tpd runs in its own mount
# namespace where lib/constructed-pppd.py is bind-mounted over /usr/sbin/pppd (the real file is never
# touched). xl2tpd starts it exactly as it starts pppd in non-kernel mode (a pty on stdin/stdout and
# pppd's arguments), so the L2TP data messages carry real PPP exchanges between two instances: LCP,
# CHAP-MD5, IPCP, LCP echoes and Terminate. Its log ("logfile" option) becomes
# constructed-pppd-<role>.log beside the captures. expected.json says "constructed": ["ppp"].

CONSTRUCTED_PPPD="$LAB/lib/constructed-pppd.py"

# start_xl2tpd_with_constructed_ppp NS DIR: start_xl2tpd, with the constructed peer as /usr/sbin/pppd.
start_xl2tpd_with_constructed_ppp() {
    start_with_own_run "$1" "$2/xl2tpd.log" 'mount --bind "$2" /usr/sbin/pppd && mkdir -p /run/xl2tpd && exec xl2tpd -D -c "$1/xl2tpd.conf" -s "$1/l2tp-secrets" -p "$1/xl2tpd.pid" -C "$1/l2tp-control"' xl2tpd-lab "$2" "$CONSTRUCTED_PPPD"
    sleep 0.5
}

# ppp_lns [OPTION LINE...]: the LNS as write_lns configures it (CHAP required, addresses from its
# ip range), its PPP options replaced by these lines plus the lab's defaults, started with the
# constructed peer. PPP_LNS_CONF: extra sed expression applied to xl2tpd.conf (e.g. no address pool).
ppp_lns() {
    local dir=$W/server line
    write_lns "$dir"
    if [ -n "${PPP_LNS_CONF:-}" ]; then sed -i -e "$PPP_LNS_CONF" "$dir/xl2tpd.conf"; fi
    printf 'labuser * labpass *\n' > "$dir/chap-secrets"
    {
        printf 'mru 1400\nms-dns 192.168.100.1\nlcp-echo-interval 2\nlcp-echo-failure 4\n'
        printf 'constructed-secrets %s/chap-secrets\nlogfile %s/constructed-pppd.log\ndebug\n' "$dir" "$dir"
        for line in "$@"; do printf '%s\n' "$line"; done
    } > "$dir/options.xl2tpd"
    start_xl2tpd_with_constructed_ppp lab-srv "$dir"
    LNS_PID=${LAB_PIDS[-1]}
}

# ppp_lac SECONDS [OPTION LINE...]: the LAC as write_lac configures it (user labuser, password
# labpass, accepting the addresses the LNS gives), its PPP options extended by these lines, started
# with the constructed peer; then wait SECONDS.
ppp_lac() {
    local dir=$W/client seconds=$1 line
    shift
    write_lac "$dir"
    {
        printf 'ipcp-accept-local\nipcp-accept-remote\nnoccp\nnoauth\nname labuser\nmru 1400\nlcp-echo-interval 2\nlcp-echo-failure 4\n'
        printf 'logfile %s/constructed-pppd.log\ndebug\n' "$dir"
        for line in "$@"; do printf '%s\n' "$line"; done
    } > "$dir/options.xl2tpd"
    if ! grep -q '^password ' "$dir/options.xl2tpd"; then printf 'password labpass\n' >> "$dir/options.xl2tpd"; fi
    start_xl2tpd_with_constructed_ppp "$CLIENT_NS" "$dir"
    LAC_PID=${LAB_PIDS[-1]}
    sleep "$seconds"
}

# finish_ppp: finish, then the constructed peers' logs, the "constructed" and "attempts" fields of
# expected.json (ATTEMPTS_JSON: the attempts array, as JSON; ATTEMPTS_NO_KEYS_JSON: the attempts the
# captures alone give, withoutKeys.attempts) and a README paragraph.
finish_ppp() {
    finish
    local out="$CAPTURES/$SCENARIO" role
    for role in server client; do
        if [ -s "$W/$role/constructed-pppd.log" ]; then cp "$W/$role/constructed-pppd.log" "$out/constructed-pppd-$role.log"; fi
        if [ -s "$W/$role/options.xl2tpd" ]; then cp "$W/$role/options.xl2tpd" "$out/configs/ppp-options-$role"; fi
    done
    ppp_outputs "$out"
}

# ppp_outputs OUT: expected.json gains "constructed" and "attempts"; README.md a paragraph on the peer.
ppp_outputs() {
    local out=$1
    python3 - "$out/expected.json" "${ATTEMPTS_JSON:-}" "${ATTEMPTS_NO_KEYS_JSON:-}" <<'EOF'
import json, sys
path, attempts, without_keys = sys.argv[1], sys.argv[2], sys.argv[3]
with open(path, encoding="utf-8") as f:
    expected = json.load(f)
expected["constructed"] = ["ppp"]
if attempts:
    expected["attempts"] = json.loads(attempts)
if without_keys:
    expected.setdefault("withoutKeys", {})["attempts"] = json.loads(without_keys)
with open(path, "w", encoding="utf-8") as f:
    f.write(json.dumps(expected, indent=2) + "\n")
EOF
    python3 - "$out/README.md" <<'EOF'
import sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
note = """
PPP in this scenario is CONSTRUCTED (expected.json "constructed": ["ppp"]): pppd cannot run on this
kernel, so both xl2tpd instances ran `samples/lab/lib/constructed-pppd.py` in its place (bind-mounted
over /usr/sbin/pppd in each xl2tpd's own mount namespace). It is a small PPP implementation built to
RFC 1661/1662 (LCP, async HDLC), RFC 1994 (CHAP-MD5), RFC 2759 (MS-CHAP-V2, checked against its
§9.2 test vectors), RFC 1334 (PAP) and RFC 1332/1877 (IPCP, DNS); the two instances negotiate with
each other for real, through xl2tpd, L2TP data messages and ESP. It is not pppd and not Windows: no
CCP/MPPE (it Protocol-Rejects CCP). Its logs, `constructed-pppd-*.log`, use pppd's debug wordings; its options
as run are in `configs/ppp-options-*`.
"""
old = """- pppd cannot run (no /dev/ppp), so each L2TP call ends right after ICCN with a CDN (result code 1)
  from the LNS, and the tunnel is closed with StopCCN when the LAC is stopped."""
new = """- pppd cannot run (no /dev/ppp): here a constructed PPP peer stands in for it (see below), and the
  tunnel is closed with StopCCN when the LAC is stopped."""
text = text.replace(old, new, 1)
text = text.replace("`xl2tpd-*.log` (xl2tpd's own output),", "`xl2tpd-*.log` (xl2tpd's own output), `constructed-pppd-*.log` (the constructed PPP peers' logs),", 1)
marker = "## What the captures hold"
text = text.replace(marker, note.lstrip("\n") + "\n" + marker, 1) if marker in text else text + note
open(path, "w", encoding="utf-8").write(text)
EOF
}

#!/usr/bin/env python3
"""How reliable is what vpndiag infers from encrypted traffic? For every lab capture, the truth comes
from tshark decrypting it with the scenario's key tables (the oracle); the inference comes from
`vpndiag analyze CAPTURE` given the capture ALONE (no keys, no logs). Prints a Markdown table per
inferred rule: true/false positives and negatives on the calibration scenarios (looked at while
choosing the thresholds) and on the test scenarios (kept apart), and the captures behind each error.

Usage: samples/lab/measure-inference.py VPNDIAG_DLL   (run from the repository root; needs tshark)
"""
import json
import os
import subprocess
import sys
from collections import defaultdict

ROOT = os.getcwd()
CAPTURES = os.path.join(ROOT, "samples", "captures")
# Scenarios whose packets were studied while the thresholds were chosen; everything else is test.
CALIBRATION = {"esp-dropped-one-way", "healthy-psk", "weak-proposals", "long-session-dpd-rekey-delete",
               "second-client-nat-fails", "two-clients-one-nat", "ikev2-psk-mismatch",
               "ikev2-eap-wrong-password", "ikev2-psk-healthy",
               # The PPP-started-then-stopped threshold was read off these (issue 19, session 3); the
               # MS-CHAP-V2 scenarios, made after it was chosen, are test.
               "l2tp-ppp-healthy", "l2tp-ppp-auth-failed", "l2tp-ppp-no-address", "l2tp-ppp-lcp-unanswered",
               "l2tp-ppp-encryption-refused"}
RULES = ["esp-l2tp-setup-unanswered", "esp-inner-setup-refused", "ikev2-auth-refused",
         "client-displaced-inferred", "dpd-inferred", "esp-ppp-stopped-inferred"]
IKE_PORTS = {"500", "4500"}


def preferences(directory):
    args = ["-o", "esp.enable_encryption_decode:TRUE"]
    for table, uat in (("esp_sa", "esp_sa"), ("ikev2_decryption_table", "ikev2_decryption_table"),
                       ("ikev1-decryption-table", "ikev1_decryption_table")):
        path = os.path.join(directory, table)
        if os.path.exists(path):
            for line in open(path):
                if line.strip():
                    args += ["-o", f"uat:{uat}:{line.strip()}"]
    return args


def fields(pcap, prefs, display_filter, names):
    command = ["tshark", "-r", pcap, *prefs, "-Y", display_filter, "-T", "fields", "-E", "occurrence=a"]
    for name in names:
        command += ["-e", name]
    output = subprocess.run(command, capture_output=True, text=True).stdout
    return [line.split("\t") for line in output.splitlines()]


def truth(pcap, prefs):
    """What the decrypted capture says, per rule."""
    found = set()
    # L2TP control inside ESP: (time, src, tunnel, Ns, type); ZLBs have no type.
    l2tp = fields(pcap, prefs, "esp && l2tp.type == 1", ["frame.time_epoch", "ip.src", "l2tp.tunnel", "l2tp.Ns", "l2tp.avp.message_type"])
    l2tp = [(float(r[0]), r[1].split(",")[-1], r[2], r[3], r[4]) for r in l2tp if len(r) >= 5]
    copies = defaultdict(list)
    for index, (time, src, tunnel, ns, kind) in enumerate(l2tp):
        if kind:
            copies[(src, tunnel, ns, kind)].append(index)
    for (src, _, _, _), indices in copies.items():
        if len(indices) >= 3 and not any(l2tp[k][1] != src for k in range(indices[0], indices[-1] + 1)):
            found.add("esp-l2tp-setup-unanswered")
    sccrq_from = next((m[1] for m in l2tp if m[4] == "1"), None)
    for m in l2tp:
        if m[4] == "2":  # SCCRP: the tunnel was accepted
            break
        if m[4] == "4" and sccrq_from and m[1] != sccrq_from:  # StopCCN from the LNS before any SCCRP
            found.add("esp-inner-setup-refused")
            break
    # PPP started then stopped: LCP inside ESP, but IPCP never acknowledged by both sides (ppp.code 2
    # is Configure-Ack), so the link never carried user traffic.
    if fields(pcap, prefs, "esp && lcp", ["frame.number"]):
        acked = {r[0].split(",")[-1] for r in fields(pcap, prefs, "esp && ipcp && ppp.code == 2", ["ip.src"]) if r and r[0]}
        if len(acked) < 2:
            found.add("esp-ppp-stopped-inferred")
    # IKEv2 AUTHENTICATION_FAILED (24) in IKE_AUTH (35) or INFORMATIONAL (37).
    for r in fields(pcap, prefs, "isakmp.version == 0x20 && isakmp.notify.msgtype == 24", ["frame.number"]):
        found.add("ikev2-auth-refused")
    # IKEv1 DPD: R-U-THERE (36136) at least three times, each acknowledged (36137).
    there = fields(pcap, prefs, "isakmp.notify.msgtype == 36136", ["frame.number"])
    ack = fields(pcap, prefs, "isakmp.notify.msgtype == 36137", ["frame.number"])
    if len(there) >= 3 and len(ack) >= 3:
        found.add("dpd-inferred")
    # Displacement: a decrypted Delete (12) from the server to a client endpoint while another client
    # behind the same address (other ports) completed Main Mode within 5 s before it.
    deletes = fields(pcap, prefs, "isakmp.typepayload == 12", ["frame.time_epoch", "ip.src", "ip.dst", "udp.dstport", "isakmp.ispi"])
    mm_done = fields(pcap, prefs, "isakmp.exchangetype == 2 || isakmp.exchangetype == 35", ["frame.time_epoch", "ip.src", "udp.srcport", "isakmp.ispi"])
    for d in deletes:
        if len(d) < 5:
            continue
        for m in mm_done:
            if len(m) < 4 or m[1] != d[2] or m[3] == d[4]:
                continue
            same = m[2] == d[3] or (m[2] in IKE_PORTS and d[3] in IKE_PORTS)
            if not same and 0 <= float(d[0]) - float(m[0]) <= 5:
                found.add("client-displaced-inferred")
    return found


def inferred(dll, pcap):
    out = f"/tmp/vpndiag-measure-{os.getpid()}.json"
    subprocess.run(["dotnet", dll, "analyze", pcap, "--format", "json", "-o", out, "--quiet"], capture_output=True)
    with open(out) as f:
        return {finding["rule"] for finding in json.load(f)["findings"]}


def main():
    dll = sys.argv[1]
    counts = {rule: {"calibration": defaultdict(int), "test": defaultdict(int)} for rule in RULES}
    errors = defaultdict(list)
    for scenario in sorted(os.listdir(CAPTURES)):
        directory = os.path.join(CAPTURES, scenario)
        if not os.path.isdir(directory) or scenario.endswith("-kernel"):
            continue
        prefs = preferences(directory)
        part = "calibration" if scenario in CALIBRATION else "test"
        for capture in ("client.pcap", "server.pcap", "client2.pcap"):
            pcap = os.path.join(directory, capture)
            if not os.path.exists(pcap):
                continue
            real, fired = truth(pcap, prefs), inferred(dll, pcap)
            for rule in RULES:
                outcome = {(True, True): "tp", (False, True): "fp", (True, False): "fn", (False, False): "tn"}[(rule in real, rule in fired)]
                counts[rule][part][outcome] += 1
                if outcome in ("fp", "fn"):
                    errors[rule].append(f"{outcome.upper()} {scenario}/{capture} ({part})")
    print("| rule | set | right when it fired (TP / fired) | found when true (TP / true) | false alarms on captures where it is false (FP / negatives) |")
    print("|---|---|---|---|---|")
    for rule in RULES:
        for part in ("calibration", "test"):
            c = counts[rule][part]
            print(f"| `{rule}` | {part} | {c['tp']} / {c['tp'] + c['fp']} | {c['tp']} / {c['tp'] + c['fn']} | {c['fp']} / {c['fp'] + c['tn']} |")
    print()
    for rule in RULES:
        for line in errors[rule]:
            print(f"- `{rule}`: {line}")


if __name__ == "__main__":
    main()

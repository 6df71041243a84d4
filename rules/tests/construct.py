#!/usr/bin/env python3
"""Writes the CONSTRUCTED must-fire capture fixtures in rules/tests/ (see README.md there).

Each fixture is a copy of one of the project's own lab captures (samples/captures/<scenario>/),
changed only as described at its function below, because the lab cannot produce that traffic
(no PPP driver in the lab kernel; strongSwan always announces NAT-T and cannot send Microsoft's
vendor ID). Nothing here comes from outside the repository.
Run: python3 rules/tests/construct.py  (rewrites the files; output is deterministic)
"""
import hashlib, os, struct

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))

# ---------------------------------------------------------------- pcap files (classic, Ethernet)

def read_pcap(path):
    with open(path, "rb") as f:
        data = f.read()
    magic = struct.unpack_from("<I", data, 0)[0]
    assert magic == 0xA1B2C3D4, "expects a little-endian microsecond pcap: " + path
    header, records, pos = data[:24], [], 24
    while pos < len(data):
        sec, usec, incl, orig = struct.unpack_from("<IIII", data, pos)
        pos += 16
        assert incl == orig, "expects untruncated frames"
        records.append([sec * 1_000_000 + usec, bytearray(data[pos:pos + incl])])
        pos += incl
    return header, records

def write_pcap(path, header, records):
    with open(path, "wb") as f:
        f.write(header)
        for micros, frame in records:
            f.write(struct.pack("<IIII", micros // 1_000_000, micros % 1_000_000, len(frame), len(frame)))
            f.write(frame)
    print("wrote", os.path.relpath(path, ROOT))

def ip_checksum(header):
    total = sum(struct.unpack("!%dH" % (len(header) // 2), header))
    while total > 0xFFFF:
        total = (total & 0xFFFF) + (total >> 16)
    return ~total & 0xFFFF

def udp_frame(template, payload, ip_id=None):
    """A frame with the Ethernet, IPv4 and UDP headers of `template` around a new UDP payload.
    IP total length, ID and header checksum are recomputed; the UDP checksum is 0 (none, RFC 768)."""
    eth = bytes(template[:14])
    ihl = (template[14] & 0x0F) * 4
    ip = bytearray(template[14:14 + ihl])
    udp = bytearray(template[14 + ihl:14 + ihl + 8])
    struct.pack_into("!H", ip, 2, ihl + 8 + len(payload))
    if ip_id is not None:
        struct.pack_into("!H", ip, 4, ip_id)
    struct.pack_into("!H", ip, 10, 0)
    struct.pack_into("!H", ip, 10, ip_checksum(bytes(ip)))
    struct.pack_into("!HH", udp, 4, 8 + len(payload), 0)
    return bytearray(eth + bytes(ip) + bytes(udp) + payload)

def ip_id_of(frame):
    return struct.unpack_from("!H", frame, 18)[0]

# ---------------------------------------------------------------- PPP inside the L2TP session of l2tp-without-ipsec
# In samples/captures/l2tp-without-ipsec/client.pcap (frames numbered from 1): frame 10 is the
# client's ICCN (LAC 198.51.100.20 -> LNS 203.0.113.10, tunnel 15627, session 14616), frame 11 the
# LNS's ZLB (tunnel 17356, session 63565), frame 12 the CDN that ends the call. The PPP the lab could
# not run is inserted between 11 and 12, and the frames from 12 on are moved later by the time it takes.

L2TP_SOURCE = os.path.join(ROOT, "samples", "captures", "l2tp-without-ipsec", "client.pcap")
LAC_TUNNEL, LAC_SESSION = 15627, 14616   # ids the LNS assigned: used on frames LAC -> LNS
LNS_TUNNEL, LNS_SESSION = 17356, 63565   # ids the LAC assigned: used on frames LNS -> LAC
PPP_LCP, PPP_CHAP = 0xC021, 0xC223

def l2tp_data(tunnel, session, protocol, code, ident, data):
    """An L2TP data message (RFC 2661 §3.1: flags 0x0002, no length/sequence) carrying HDLC-framed
    PPP (address 0xFF, control 0x03, protocol) with one control packet (RFC 1661 §5)."""
    packet = struct.pack("!BBH", code, ident, 4 + len(data)) + data
    return struct.pack("!HHH", 0x0002, tunnel, session) + b"\xff\x03" + struct.pack("!H", protocol) + packet

def insert_ppp(records, messages, spacing_us):
    """messages: (from_client, protocol, code, identifier, data). Inserted after frame 11, one every
    spacing_us; frames from 12 on keep their order and spacing, moved later by the inserted span."""
    lac_template, lns_template = records[9][1], records[10][1]
    start = records[10][0]
    lac_id, lns_id = ip_id_of(lac_template), ip_id_of(lns_template)
    inserted = []
    for i, (from_client, protocol, code, ident, data) in enumerate(messages):
        if from_client:
            lac_id += 1
            frame = udp_frame(lac_template, l2tp_data(LAC_TUNNEL, LAC_SESSION, protocol, code, ident, data), lac_id)
        else:
            lns_id += 1
            frame = udp_frame(lns_template, l2tp_data(LNS_TUNNEL, LNS_SESSION, protocol, code, ident, data), lns_id)
        inserted.append([start + (i + 1) * spacing_us, frame])
    shift = len(messages) * spacing_us
    later = [[micros + shift, frame] for micros, frame in records[11:]]
    return records[:11] + inserted + later

LCP_ACCM = bytes.fromhex("020600000000")
CHAP_MD5 = bytes.fromhex("0305c22305")
CLIENT_MAGIC = bytes.fromhex("05066c61635f")   # magic-number option, value "lac_"
SERVER_MAGIC = bytes.fromhex("05066c6e735f")   # "lns_"

def ppp_auth_failed():
    """ppp-auth-failed: LCP opens with CHAP-MD5 (the server's xl2tpd.conf says "require chap = yes"),
    the server challenges, the client "labuser" (its xl2tpd.conf name) answers with a response made
    from a wrong secret, the server sends CHAP Failure and terminates LCP."""
    header, records = read_pcap(L2TP_SOURCE)
    server_options = LCP_ACCM + CHAP_MD5 + SERVER_MAGIC
    client_options = LCP_ACCM + CLIENT_MAGIC
    challenge = hashlib.md5(b"vpndiag constructed challenge").digest()
    response = hashlib.md5(bytes([1]) + b"not-the-lab-secret" + challenge).digest()
    messages = [
        (False, PPP_LCP, 1, 1, server_options),          # Configure-Request
        (True, PPP_LCP, 1, 1, client_options),           # Configure-Request
        (True, PPP_LCP, 2, 1, server_options),           # Configure-Ack
        (False, PPP_LCP, 2, 1, client_options),          # Configure-Ack
        (False, PPP_CHAP, 1, 1, bytes([16]) + challenge + b"vpn.lab.example"),   # Challenge
        (True, PPP_CHAP, 2, 1, bytes([16]) + response + b"labuser"),             # Response
        (False, PPP_CHAP, 4, 1, b"Access denied"),                               # Failure
        (False, PPP_LCP, 5, 2, b"Authentication failed"),                        # Terminate-Request
        (True, PPP_LCP, 6, 2, b""),                                              # Terminate-Ack
    ]
    write_pcap(os.path.join(HERE, "ppp-auth-failed.pcap"), header, insert_ppp(records, messages, 20_000))

def ppp_lcp_loop():
    """ppp-lcp-loop: the client's pppd sends LCP Configure-Request ten times (pppd's max-configure
    default, 3 s restart timer) and the LNS never answers, as when the server's pppd does not run;
    then the call is torn down as in the source capture."""
    header, records = read_pcap(L2TP_SOURCE)
    messages = [(True, PPP_LCP, 1, i + 1, LCP_ACCM + CLIENT_MAGIC) for i in range(10)]
    write_pcap(os.path.join(HERE, "ppp-lcp-loop.pcap"), header, insert_ppp(records, messages, 3_000_000))

if __name__ == "__main__":
    ppp_auth_failed()
    ppp_lcp_loop()

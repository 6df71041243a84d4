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

# ---------------------------------------------------------------- IKEv1 (ISAKMP, RFC 2408 §3.1-3.2)

ISAKMP_VENDOR_ID = 13
NAT_D = (20, 130)            # RFC 3947 and draft-ietf-ipsec-nat-t-ike-01..03 payload numbers
NON_ESP_MARKER = b"\x00\x00\x00\x00"
# NAT-T vendor IDs (RFC 3947 §3.1 and the drafts' MD5 hashes) as src/Analyzer.Protocols knows them.
NAT_T_VENDOR_IDS = {bytes.fromhex(h) for h in (
    "4a131c81070358455c5728f20e95452f", "4485152d18b6bbcd0be8a8469579ddcc", "16f6ca16e4a4066d83821a0f0aeaa862",
    "cd60464335df21f87cfdb2fc68b6a448", "90cb80913ebb696e086381b5ec427b1f", "7d9419a65310ca6f2c179d9215529d56",
    "9909b64eed937c6573de52ace952fa6b", "80d0bb3def54565ee84645d4c85ce3ee", "4d1e0e136deafa34c4f3ea9f02ec7285",
    "439b59f8ba676c4c7737ae22eab8f582", "8f8d83826d246b6fc7a8a6a428c11de8", "42ea5b6f898d9773a575df26e7dd19e1",
    "27bab5dc01ea0760ea4e3190ac27c0d0", "6105c422e76847e43f9684801292aecd")}

def udp_payload_offset(frame):
    return 14 + (frame[14] & 0x0F) * 4 + 8

def udp_ports(frame):
    return struct.unpack_from("!HH", frame, udp_payload_offset(frame) - 8)

def is_udp(frame):
    return frame[12:14] == b"\x08\x00" and frame[23] == 17

def split_isakmp(message):
    """Header (28 bytes) and [(payload type, body)] of a cleartext ISAKMP message."""
    header = bytearray(message[:28])
    assert header[19] & 0x01 == 0, "only cleartext messages are edited"
    payloads, kind, pos = [], header[16], 28
    while kind != 0:
        next_kind, length = message[pos], struct.unpack_from("!H", message, pos + 2)[0]
        payloads.append((kind, bytes(message[pos + 4:pos + length])))
        kind, pos = next_kind, pos + length
    assert pos == len(message), "payload chain must fill the message"
    return header, payloads

def join_isakmp(header, payloads):
    """Rebuilds the next-payload chain, each generic payload length and the header length."""
    body = b""
    for i, (kind, data) in enumerate(payloads):
        next_kind = payloads[i + 1][0] if i + 1 < len(payloads) else 0
        body += struct.pack("!BBH", next_kind, 0, 4 + len(data)) + data
    header[16] = payloads[0][0] if payloads else 0
    struct.pack_into("!I", header, 24, 28 + len(body))
    return bytes(header) + body

def edit_isakmp(frame, edit):
    """Applies edit(payloads) -> payloads to the ISAKMP message in a UDP 500 frame."""
    offset = udp_payload_offset(frame)
    header, payloads = split_isakmp(frame[offset:])
    return udp_frame(frame, join_isakmp(header, edit(payloads)))

def without_nat_t(payloads):
    return [(kind, data) for kind, data in payloads
            if not (kind == ISAKMP_VENDOR_ID and data in NAT_T_VENDOR_IDS) and kind not in NAT_D]

def unfloat(frame):
    """A UDP 4500 frame as it travels without NAT-T: IKE (after the non-ESP marker, RFC 3948 §2.2)
    back on UDP 500; ESP (RFC 3948 §2.1) as IP protocol 50; a NAT-keepalive (one 0xFF) dropped."""
    offset = udp_payload_offset(frame)
    payload = bytes(frame[offset:])
    if payload == b"\xff":
        return None
    if payload.startswith(NON_ESP_MARKER):
        moved = udp_frame(frame, payload[4:])
        struct.pack_into("!HH", moved, offset - 8, 500, 500)
        return moved
    ihl = offset - 8 - 14
    ip = bytearray(frame[14:14 + ihl])
    ip[9] = 50
    struct.pack_into("!H", ip, 2, ihl + len(payload))
    struct.pack_into("!H", ip, 10, 0)
    struct.pack_into("!H", ip, 10, ip_checksum(bytes(ip)))
    return bytearray(bytes(frame[:14]) + bytes(ip) + payload)

NAT_SOURCE = os.path.join(ROOT, "samples", "captures", "two-clients-one-nat", "client.pcap")

def nat_t_unsupported():
    """nat-t-unsupported: two-clients-one-nat's first client (192.168.1.10 behind the lab NAT,
    talking to 203.0.113.10) as a peer without NAT-T (Windows 2000, an old router) would have run it:
    Main Mode 1/2 without the NAT-T vendor IDs, Main Mode 3/4 without NAT-D payloads, and everything
    strongSwan floated to UDP 4500 back on UDP 500 (IKE) or as plain ESP (protocol 50). The
    encrypted IKE messages and the ESP packets are byte for byte the lab's."""
    header, records = read_pcap(NAT_SOURCE)
    out = []
    for micros, frame in records:
        if is_udp(frame) and 500 in udp_ports(frame):
            frame = edit_isakmp(frame, without_nat_t)
        elif is_udp(frame) and 4500 in udp_ports(frame):
            frame = unfloat(frame)
        if frame is not None:
            out.append([micros, frame])
    write_pcap(os.path.join(HERE, "nat-t-unsupported.pcap"), header, out)

MODE_SOURCE = os.path.join(ROOT, "samples", "captures", "healthy-psk", "client.pcap")
# "MS NT5 ISAKMPOAKLEY" (MD5 of the text) followed by the Windows version, 9 = Windows 8 or later
# ([MS-IKEE] §2.2.1.1), as in the vendor-ID table of src/Analyzer.Protocols.
MS_NT5_VENDOR_ID = bytes.fromhex("1e2b516905991c7d7c96fcbfb587e461") + struct.pack("!I", 9)

def l2tp_ipsec_mode_mismatch():
    """l2tp-ipsec-mode-mismatch: healthy-psk's client announces itself as Windows (the Microsoft
    vendor ID appended to Main Mode 1, the only change) while its Quick Mode, decryptable with
    samples/captures/healthy-psk/ikev1-decryption-table, proposes tunnel mode as kernel-libipsec
    always does. Main Mode 1 is cleartext and feeds no key or IV, so that table still applies."""
    header, records = read_pcap(MODE_SOURCE)
    out, edited = [], False
    for micros, frame in records:
        if not edited and is_udp(frame) and udp_ports(frame) == (500, 500):
            frame = edit_isakmp(frame, lambda payloads: payloads + [(ISAKMP_VENDOR_ID, MS_NT5_VENDOR_ID)])
            edited = True
        out.append([micros, frame])
    write_pcap(os.path.join(HERE, "l2tp-ipsec-mode-mismatch.pcap"), header, out)

if __name__ == "__main__":
    ppp_auth_failed()
    ppp_lcp_loop()
    nat_t_unsupported()
    l2tp_ipsec_mode_mismatch()

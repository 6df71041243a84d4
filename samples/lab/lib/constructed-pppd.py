#!/usr/bin/python3
"""A constructed PPP peer standing in for pppd under xl2tpd in the lab (this kernel has no PPP).

Built from the RFCs, not from pppd's code: RFC 1662 async HDLC framing (0x7E flags, 0x7D escapes,
FCS-16), RFC 1661 LCP (MRU, magic number, authentication protocol; Echo; Terminate), RFC 1334 PAP,
RFC 1994 CHAP with MD5, RFC 2759 MS-CHAP-V2 (both ends: the authenticator's Failure carries the
Windows error in "E=", 691 for a wrong password, or the code "constructed-mschapv2-error" names),
RFC 1332 IPCP with the RFC 1877 DNS options, and a Protocol-Reject for
anything else (CCP included, as a peer with "noccp" answers); with "require-mppe-128" it asks for
RFC 3078 MPPE in a CCP Configure-Request and closes the link when the peer refuses (it derives no
MPPE keys and encrypts nothing: the point is the refusal). MS-CHAP-V2 needs MD4 and DES: MD4 from
OpenSSL's legacy provider through hashlib (the lab sets OPENSSL_CONF to lib/openssl-legacy.cnf),
DES from python3-cryptography; "constructed-pppd.py --self-test" checks both against RFC 2759 §9.2's
test vectors, and the peer refuses to start MS-CHAP-V2 with a one-line error when either is missing.

xl2tpd (non-kernel mode, xl2tpd.c start_pppd) runs "pppd TTY passive nodetach [local:remote]
[refuse-pap] [refuse-chap] [auth require-pap|require-chap] [name NAME] [debug] [file OPTIONS]
[ipparam ADDRESS]" with the pty on stdin and stdout; this program reads the same arguments and the
options file (pppd's spellings: name, user, password, mru, ms-dns, require-chap, refuse-chap,
require-pap, refuse-pap, lcp-echo-interval, lcp-echo-failure, lcp-restart, lcp-max-configure,
maxconnect, logfile, debug; unknown options are ignored). Two behaviours pppd has no option for
come from the options file too, spelled so no real pppd could take them for its own:
"constructed-silent" (read and log, never answer: a hung PPP server), "constructed-secrets FILE"
(the authenticator's "client server secret" lines, in chap-secrets format) and
"constructed-hangup-after SECONDS" (the user disconnects that long after IPCP is up: what pppd does
on SIGTERM, a Terminate-Request "User request") and "constructed-mschapv2-error CODE" (the
authenticator refuses even a right password with that Windows error: 648 password expired, 649 no
dial-in permission, as a Windows server's account policy would).

Its log, written to the "logfile" option, uses pppd's debug wordings ("sent [LCP ConfReq id=0x1
<mru 1400> <magic 0x...>]", "rcvd [CHAP Failure id=0x1 \"Access denied\"]") behind an RFC 3339
syslog prefix, so vpndiag's pppd recogniser reads it like a real pppd's.
"""
import hashlib
import os
import random
import select
import signal
import socket
import struct
import sys
import termios
import time
import tty as ttymode

# ---- options -------------------------------------------------------------------------------------

OPTS = {
    "name": "", "user": "", "password": "", "mru": 1500, "ms_dns": [], "auth": None, "refuse": set(),
    "echo_interval": 0, "echo_failure": 0, "restart": 3.0, "max_configure": 10, "maxconnect": 0,
    "logfile": None, "silent": False, "secrets": None, "local": "0.0.0.0", "remote": "0.0.0.0",
    "accept_local": False, "accept_remote": False, "hangup_after": 0, "mppe": False,
    "mschapv2_error": 0, "require_mschapv2": False,
}


def parse_options(words):
    i = 0
    while i < len(words):
        w = words[i]
        arg = words[i + 1] if i + 1 < len(words) else ""
        takes = True
        if w == "file":
            read_options_file(arg)
        elif w in ("name", "user", "password", "logfile"):
            OPTS[w] = arg
        elif w == "mru":
            OPTS["mru"] = int(arg)
        elif w == "ms-dns":
            OPTS["ms_dns"].append(arg)
        elif w == "lcp-echo-interval":
            OPTS["echo_interval"] = int(arg)
        elif w == "lcp-echo-failure":
            OPTS["echo_failure"] = int(arg)
        elif w == "lcp-restart":
            OPTS["restart"] = float(arg)
        elif w == "lcp-max-configure":
            OPTS["max_configure"] = int(arg)
        elif w == "maxconnect":
            OPTS["maxconnect"] = int(arg)
        elif w == "constructed-hangup-after":
            OPTS["hangup_after"] = int(arg)
        elif w == "constructed-secrets":
            OPTS["secrets"] = arg
        elif w == "constructed-mschapv2-error":
            OPTS["mschapv2_error"] = int(arg)
        elif w in ("mtu", "ipparam", "lcp-max-terminate", "ipcp-max-configure", "remotename"):
            pass
        else:
            takes = False
            if w in ("require-chap", "require-pap"):
                OPTS["auth"] = w[8:]
            elif w == "require-mschap-v2":
                # Wins over xl2tpd's "require-chap" whatever the order, as pppd's strongest demand does.
                OPTS["require_mschapv2"] = True
            elif w in ("refuse-chap", "refuse-pap", "refuse-mschap-v2", "refuse-mschap", "refuse-eap"):
                OPTS["refuse"].add(w[7:])
            elif w == "require-mppe-128":
                OPTS["mppe"] = True
            elif w == "constructed-silent":
                OPTS["silent"] = True
            elif w == "ipcp-accept-local":
                OPTS["accept_local"] = True
            elif w == "ipcp-accept-remote":
                OPTS["accept_remote"] = True
            elif ":" in w and all(c in "0123456789.:" for c in w):
                local, remote = w.split(":", 1)
                OPTS["local"] = local or "0.0.0.0"
                OPTS["remote"] = remote or "0.0.0.0"
        i += 2 if takes else 1


def read_options_file(path):
    try:
        with open(path, encoding="utf-8") as f:
            words = []
            for line in f:
                line = line.split("#", 1)[0].strip()
                words.extend(line.split())
    except OSError:
        return
    parse_options(words)


# ---- log in pppd's debug wording -----------------------------------------------------------------

LOG = None


def log(text):
    if LOG is None:
        return
    now = time.time()
    stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(now)) + ".%06d+00:00" % int((now % 1) * 1e6)
    LOG.write("%s %s pppd[%d]: %s\n" % (stamp, socket.gethostname(), os.getpid(), text))
    LOG.flush()


def quoted(data):
    return '"' + data.decode("latin-1").replace('"', '\\"') + '"'


def ip(data):
    return socket.inet_ntoa(data)


# ---- RFC 1662 async HDLC framing -----------------------------------------------------------------

def fcs16(data):
    fcs = 0xFFFF
    for b in data:
        fcs ^= b
        for _ in range(8):
            fcs = (fcs >> 1) ^ 0x8408 if fcs & 1 else fcs >> 1
    return fcs


def hdlc_frame(protocol, body):
    data = b"\xff\x03" + struct.pack("!H", protocol) + body
    fcs = fcs16(data) ^ 0xFFFF
    data += struct.pack("<H", fcs)
    out = bytearray(b"\x7e")
    for b in data:
        # The default ACCM escapes every control character (RFC 1662 §7.1); no asyncmap is negotiated.
        if b < 0x20 or b in (0x7D, 0x7E):
            out += bytes((0x7D, b ^ 0x20))
        else:
            out.append(b)
    out.append(0x7E)
    return bytes(out)


class Deframer:
    def __init__(self):
        self.buf = bytearray()
        self.escape = False

    def feed(self, chunk):
        frames = []
        for b in chunk:
            if b == 0x7E:
                if len(self.buf) >= 4:
                    frames.append(bytes(self.buf))
                self.buf.clear()
                self.escape = False
            elif b == 0x7D:
                self.escape = True
            else:
                self.buf.append(b ^ 0x20 if self.escape else b)
                self.escape = False
        return frames


def unframe(frame):
    """(protocol, body) of a frame with a good FCS, or None; ACFC and PFC accepted (RFC 1661 §6.5-6.6)."""
    if fcs16(frame) != 0xF0B8:
        log("Bad FCS on received frame of %d bytes" % len(frame))
        return None
    data = frame[:-2]
    if data[:2] == b"\xff\x03":
        data = data[2:]
    if data and data[0] & 1:
        return data[0], data[1:]
    if len(data) < 2:
        return None
    return struct.unpack("!H", data[:2])[0], data[2:]


# ---- protocol numbers and packet printing (pppd's debug shapes) ----------------------------------

LCP, PAP, CHAP, IPCP, CCP, IP = 0xC021, 0xC023, 0xC223, 0x8021, 0x80FD, 0x0021
PROTO_NAME = {LCP: "LCP", PAP: "PAP", CHAP: "CHAP", IPCP: "IPCP", CCP: "CCP"}
CODE_NAME = {1: "ConfReq", 2: "ConfAck", 3: "ConfNak", 4: "ConfRej", 5: "TermReq", 6: "TermAck",
             7: "CodeRej", 8: "ProtRej", 9: "EchoReq", 10: "EchoRep", 11: "DiscReq"}
CHAP_NAME = {1: "Challenge", 2: "Response", 3: "Success", 4: "Failure"}
PAP_NAME = {1: "AuthReq", 2: "AuthAck", 3: "AuthNak"}


def options_text(protocol, data):
    parts = []
    for kind, value in walk_options(data):
        if protocol == LCP:
            if kind == 1:
                parts.append("<mru %d>" % struct.unpack("!H", value)[0])
            elif kind == 2:
                parts.append("<asyncmap 0x%x>" % struct.unpack("!I", value)[0])
            elif kind == 3:
                proto = struct.unpack("!H", value[:2])[0]
                if proto == CHAP:
                    parts.append("<auth chap %s>" % ("MD5" if value[2:] == b"\x05" else "MS-v2" if value[2:] == b"\x81" else "0x%x" % value[2]))
                elif proto == PAP:
                    parts.append("<auth pap>")
                else:
                    parts.append("<auth 0x%x>" % proto)
            elif kind == 5:
                parts.append("<magic 0x%x>" % struct.unpack("!I", value)[0])
            elif kind == 7:
                parts.append("<pcomp>")
            elif kind == 8:
                parts.append("<accomp>")
            else:
                parts.append("<" + " ".join("%02x" % b for b in bytes((kind, len(value) + 2)) + value) + ">")
        elif protocol == CCP and kind == 18 and len(value) == 4:
            bits = struct.unpack("!I", value)[0]
            parts.append("<mppe %s %s %s %s %s %s>" % ("+H" if bits & 0x01000000 else "-H", "+M" if bits & 0x80 else "-M",
                                                       "+S" if bits & 0x40 else "-S", "+L" if bits & 0x20 else "-L",
                                                       "+D" if bits & 0x10 else "-D", "+C" if bits & 0x01 else "-C"))
        elif protocol == IPCP:
            if kind == 3:
                parts.append("<addr %s>" % ip(value))
            elif kind in (129, 131):
                parts.append("<ms-dns%d %s>" % (1 if kind == 129 else 2, ip(value)))
            elif kind in (130, 132):
                parts.append("<ms-wins %s>" % ip(value))
            else:
                parts.append("<" + " ".join("%02x" % b for b in bytes((kind, len(value) + 2)) + value) + ">")
        else:
            parts.append("<" + " ".join("%02x" % b for b in bytes((kind, len(value) + 2)) + value) + ">")
    return (" " + " ".join(parts)) if parts else ""


def walk_options(data):
    i = 0
    while i + 2 <= len(data):
        kind, length = data[i], data[i + 1]
        if length < 2 or i + length > len(data):
            return
        yield kind, data[i + 2:i + length]
        i += length


def describe(protocol, packet):
    if len(packet) < 4:
        return "[proto=0x%x short]" % protocol
    code, ident = packet[0], packet[1]
    body = packet[4:struct.unpack("!H", packet[2:4])[0]]
    if protocol == CHAP:
        name = CHAP_NAME.get(code, "code=0x%x" % code)
        if code in (1, 2) and body:
            size = body[0]
            return "[CHAP %s id=0x%x <%s>, name = %s]" % (name, ident, body[1:1 + size].hex(), quoted(body[1 + size:]))
        return "[CHAP %s id=0x%x%s]" % (name, ident, (" " + quoted(body)) if body else "")
    if protocol == PAP:
        name = PAP_NAME.get(code, "code=0x%x" % code)
        if code == 1 and body:
            user = body[1:1 + body[0]]
            return "[PAP AuthReq id=0x%x user=%s password=<hidden>]" % (ident, quoted(user))
        if code in (2, 3) and body:
            return "[PAP %s id=0x%x %s]" % (name, ident, quoted(body[1:1 + body[0]]))
        return "[PAP %s id=0x%x]" % (name, ident)
    pname = PROTO_NAME.get(protocol, "proto=0x%x" % protocol)
    name = CODE_NAME.get(code, "code=0x%x" % code)
    if code in (1, 2, 3, 4):
        return "[%s %s id=0x%x%s]" % (pname, name, ident, options_text(protocol, body))
    if code in (9, 10, 11) and len(body) >= 4:
        return "[%s %s id=0x%x magic=0x%x]" % (pname, name, ident, struct.unpack("!I", body[:4])[0])
    if code in (5, 6):
        return "[%s %s id=0x%x%s]" % (pname, name, ident, (" " + quoted(body)) if body else "")
    if code == 8 and len(body) >= 2:
        return "[%s ProtRej id=0x%x %s]" % (pname, ident, " ".join("%02x" % b for b in body))
    return "[%s %s id=0x%x]" % (pname, name, ident)


# ---- RFC 2759 MS-CHAP-V2 -------------------------------------------------------------------------
# Written from RFC 2759 §8 (the algorithms) and checked by --self-test against its §9.2 test vectors.
# MD4 is OpenSSL's legacy provider through hashlib, DES is python3-cryptography's TripleDES with one
# key three times (EDE with K1 = K2 = K3 is single DES); neither is written here.

MAGIC1 = b"Magic server to client signing constant"
MAGIC2 = b"Pad to make it do more than one iteration"


class MsChapUnavailable(Exception):
    pass


def md4(data):
    try:
        return hashlib.new("md4", data).digest()
    except ValueError as error:
        raise MsChapUnavailable("MD4 unavailable (%s): set OPENSSL_CONF to samples/lab/lib/openssl-legacy.cnf "
                                "(OpenSSL's default and legacy providers)" % error) from None


def des_encrypt(clear8, key7):
    try:
        from cryptography.hazmat.primitives.ciphers import Cipher, modes
        try:
            from cryptography.hazmat.decrepit.ciphers.algorithms import TripleDES   # cryptography 43 and later
        except ImportError:
            from cryptography.hazmat.primitives.ciphers.algorithms import TripleDES  # before 43 (Debian 12: 38)
    except ImportError as error:
        raise MsChapUnavailable("DES unavailable (%s): install python3-cryptography" % error) from None
    # 56 key bits spread over 8 bytes, 7 per byte; the parity bit (lowest) is ignored by DES.
    bits = int.from_bytes(key7, "big")
    key8 = bytes((((bits >> (49 - 7 * i)) & 0x7F) << 1) for i in range(8))
    encryptor = Cipher(TripleDES(key8 * 3), modes.ECB()).encryptor()
    return encryptor.update(clear8) + encryptor.finalize()


def nt_password_hash(password):
    return md4(password.encode("utf-16-le"))


def challenge_hash(peer_challenge, authenticator_challenge, user):
    return hashlib.sha1(peer_challenge + authenticator_challenge + user.encode()).digest()[:8]


def challenge_response(challenge, password_hash):
    z = password_hash + bytes(5)
    return des_encrypt(challenge, z[0:7]) + des_encrypt(challenge, z[7:14]) + des_encrypt(challenge, z[14:21])


def generate_nt_response(authenticator_challenge, peer_challenge, user, password):
    return challenge_response(challenge_hash(peer_challenge, authenticator_challenge, user), nt_password_hash(password))


def authenticator_response(password, nt_response, peer_challenge, authenticator_challenge, user):
    digest = hashlib.sha1(md4(nt_password_hash(password)) + nt_response + MAGIC1).digest()
    digest = hashlib.sha1(digest + challenge_hash(peer_challenge, authenticator_challenge, user) + MAGIC2).digest()
    return "S=" + digest.hex().upper()


def self_test():
    """RFC 2759 §9.2: user "User", password "clientPass"."""
    auth = bytes.fromhex("5B5D7C7D7B3F2F3E3C2C602132262628")
    peer = bytes.fromhex("21402324255E262A28295F2B3A337C7E")
    checks = [
        ("PasswordHash", nt_password_hash("clientPass").hex().upper(), "44EBBA8D5312B8D611474411F56989AE"),
        ("PasswordHashHash", md4(nt_password_hash("clientPass")).hex().upper(), "41C00C584BD2D91C4017A2A12FA59F3F"),
        ("Challenge", challenge_hash(peer, auth, "User").hex().upper(), "D02E4386BCE91226"),
        ("NT-Response", generate_nt_response(auth, peer, "User", "clientPass").hex().upper(),
         "82309ECD8D708B5EA08FAA3981CD83544233114A3D85D6DF"),
        ("AuthenticatorResponse", authenticator_response("clientPass", generate_nt_response(auth, peer, "User", "clientPass"), peer, auth, "User"),
         "S=407A5589115FD0D6209F510FE9C04566932CDA56"),
    ]
    failed = 0
    for name, got, want in checks:
        ok = got == want
        failed += not ok
        print("%-22s %s %s" % (name, "ok  " if ok else "FAIL", got if ok else "%s, RFC 2759 says %s" % (got, want)))
    return 1 if failed else 0


# ---- the link ------------------------------------------------------------------------------------

class Link:
    def __init__(self):
        self.deframer = Deframer()
        self.ids = {}

    def send(self, protocol, code, ident, body=b""):
        packet = struct.pack("!BBH", code, ident, len(body) + 4) + body
        log("sent " + describe(protocol, packet))
        self.write(protocol, packet)

    def write(self, protocol, packet):
        try:
            os.write(1, hdlc_frame(protocol, packet))
        except OSError:
            pass

    def next_id(self, protocol):
        self.ids[protocol] = (self.ids.get(protocol, 0) + 1) & 0xFF
        return self.ids[protocol]


def option(kind, value):
    return bytes((kind, len(value) + 2)) + value


class Peer:
    """One PPP endpoint: LCP, then authentication, then IPCP, with timers per RFC 1661 §4.6."""

    def __init__(self):
        self.link = Link()
        self.magic = random.getrandbits(32) or 1
        self.phase = "lcp"
        self.lcp_ours_acked = False
        self.lcp_theirs_acked = False
        self.auth_to_do = OPTS["auth"]        # what we demand of the peer (None: nothing)
        self.auth_by_peer = None              # what the peer demands of us
        self.peer_authenticated = OPTS["auth"] is None
        self.we_authenticated = True
        self.ipcp_ours_acked = False
        self.ipcp_theirs_acked = False
        self.our_addr = OPTS["local"]
        self.his_addr = OPTS["remote"]
        self.dns = list(OPTS["ms_dns"])
        self.want_dns = not OPTS["ms_dns"] and OPTS["accept_local"]
        self.ipcp_request = None
        self.retry_at = None
        self.retries = 0
        self.echo_at = None
        self.echo_unanswered = 0
        self.up_at = None
        self.closing = None
        self.done = False
        self.challenge = b""
        self.sent_ping = 0

    # -- LCP --
    def lcp_request(self):
        body = option(1, struct.pack("!H", OPTS["mru"]))
        if self.auth_to_do == "chap":
            body += option(3, struct.pack("!HB", CHAP, 5))
        elif self.auth_to_do == "mschapv2":
            body += option(3, struct.pack("!HB", CHAP, 0x81))
        elif self.auth_to_do == "pap":
            body += option(3, struct.pack("!H", PAP))
        body += option(5, struct.pack("!I", self.magic))
        self.lcp_req_id = self.link.next_id(LCP)
        self.link.send(LCP, 1, self.lcp_req_id, body)
        self.arm()

    def arm(self):
        self.retry_at = time.time() + OPTS["restart"]

    def on_lcp(self, code, ident, body):
        if code == 1:
            self.on_lcp_request(ident, body)
        elif code == 2 and ident == getattr(self, "lcp_req_id", -1):
            self.lcp_ours_acked = True
            self.retries = 0
            self.retry_at = None
            self.maybe_lcp_up()
        elif code in (3, 4) and ident == getattr(self, "lcp_req_id", -1):
            for kind, value in walk_options(body):
                if kind == 3 and code == 4:
                    log("Peer refused to authenticate")
                    self.close("Peer refused to authenticate")
                    return
                if kind == 3 and code == 3:
                    proto = struct.unpack("!H", value[:2])[0]
                    self.auth_to_do = "pap" if proto == PAP and "pap" not in OPTS["refuse"] else None
                    if self.auth_to_do is None:
                        log("Peer refused to authenticate")
                        self.close("Peer refused to authenticate")
                        return
                if kind == 1 and code == 3:
                    OPTS["mru"] = struct.unpack("!H", value)[0]
            self.lcp_request()
        elif code == 5:
            log("LCP terminated by peer" + ((" (" + body.decode("latin-1") + ")") if body else ""))
            self.link.send(LCP, 6, ident)
            self.finish(0.5)
        elif code == 6 and self.closing:
            self.finish(0)
        elif code == 9 and self.phase != "lcp":
            self.link.send(LCP, 10, ident, struct.pack("!I", self.magic) + body[4:])
        elif code == 10:
            self.echo_unanswered = 0
        elif code == 8 and len(body) >= 2 and struct.unpack("!H", body[:2])[0] == CCP:
            log("Protocol-Reject for 'Compression Control Protocol' (0x80fd) received")
            self.ccp_refused()

    def ccp_refused(self):
        if OPTS["mppe"] and not self.closing:
            log("MPPE required but peer negotiation failed")
            self.close("MPPE required but peer negotiation failed")

    def on_lcp_request(self, ident, body):
        nak, rej = b"", b""
        for kind, value in walk_options(body):
            raw = option(kind, value)
            if kind == 1 or kind == 5 or kind == 2:
                continue
            if kind == 3:
                proto = struct.unpack("!H", value[:2])[0]
                if proto == CHAP and value[2:] == b"\x05" and "chap" not in OPTS["refuse"] and OPTS["password"]:
                    self.auth_by_peer = "chap"
                elif proto == CHAP and value[2:] == b"\x81" and "mschap-v2" not in OPTS["refuse"] and OPTS["password"]:
                    self.auth_by_peer = "mschapv2"
                elif proto == PAP and "pap" not in OPTS["refuse"] and OPTS["password"]:
                    self.auth_by_peer = "pap"
                elif OPTS["password"] and "chap" not in OPTS["refuse"]:
                    nak += option(3, struct.pack("!HB", CHAP, 5))
                elif OPTS["password"] and "pap" not in OPTS["refuse"]:
                    nak += option(3, struct.pack("!H", PAP))
                else:
                    rej += raw
                continue
            rej += raw
        if rej:
            self.link.send(LCP, 4, ident, rej)
        elif nak:
            self.link.send(LCP, 3, ident, nak)
        else:
            self.link.send(LCP, 2, ident, body)
            self.lcp_theirs_acked = True
            if not getattr(self, "lcp_req_id", None):
                self.lcp_request()
            self.maybe_lcp_up()

    def maybe_lcp_up(self):
        if self.phase != "lcp" or not (self.lcp_ours_acked and self.lcp_theirs_acked):
            return
        self.phase = "auth"
        if OPTS["echo_interval"]:
            self.echo_at = time.time() + OPTS["echo_interval"]
        self.we_authenticated = self.auth_by_peer is None
        if self.auth_to_do in ("chap", "mschapv2"):
            self.challenge = os.urandom(16)
            self.chap_id = self.link.next_id(CHAP)
            name = (OPTS["name"] or socket.gethostname()).encode()
            self.link.send(CHAP, 1, self.chap_id, bytes((16,)) + self.challenge + name)
        if self.auth_by_peer == "pap":
            user = (OPTS["user"] or OPTS["name"]).encode()
            password = OPTS["password"].encode()
            self.link.send(PAP, 1, self.link.next_id(PAP), bytes((len(user),)) + user + bytes((len(password),)) + password)
        self.maybe_network()

    # -- authentication --
    def secret_for(self, client):
        path = OPTS["secrets"]
        try:
            with open(path, encoding="utf-8") as f:
                for line in f:
                    words = line.split("#", 1)[0].split()
                    if len(words) >= 3 and words[0].strip('"') in (client, "*"):
                        return words[2].strip('"')
        except (OSError, TypeError):
            pass
        return None

    def on_chap(self, code, ident, body):
        if self.auth_by_peer == "mschapv2" or self.auth_to_do == "mschapv2":
            self.on_mschapv2(code, ident, body)
            return
        if code == 1 and self.auth_by_peer == "chap":
            size = body[0]
            challenge = body[1:1 + size]
            digest = hashlib.md5(bytes((ident,)) + OPTS["password"].encode() + challenge).digest()
            name = (OPTS["user"] or OPTS["name"]).encode()
            self.link.send(CHAP, 2, ident, bytes((16,)) + digest + name)
        elif code == 2 and self.auth_to_do == "chap" and ident == self.chap_id:
            size = body[0]
            response, client = body[1:1 + size], body[1 + size:].decode("latin-1")
            secret = self.secret_for(client)
            good = secret is not None and hashlib.md5(bytes((ident,)) + secret.encode() + self.challenge).digest() == response
            if good:
                self.link.send(CHAP, 3, ident, b"Access granted")
                log("CHAP peer authentication succeeded for %s" % client)
                self.peer_authenticated = True
                self.maybe_network()
            else:
                self.link.send(CHAP, 4, ident, b"Access denied")
                log("CHAP peer authentication failed for remote host %s" % client)
                self.close("Authentication failed")
        elif code == 3 and self.auth_by_peer == "chap":
            log("CHAP authentication succeeded" + ((": " + body.decode("latin-1")) if body else ""))
            self.we_authenticated = True
            self.maybe_network()
        elif code == 4 and self.auth_by_peer == "chap":
            log("CHAP authentication failed" + ((": " + body.decode("latin-1")) if body else ""))
            self.close("Failed to authenticate ourselves to peer")

    def on_mschapv2(self, code, ident, body):
        """RFC 2759 §3-6: Challenge, Response (peer challenge, 8 zero octets, NT-Response, flags), then
        Success "S=<authenticator response> M=..." or Failure "E=... R=... C=... V=3 M=..."."""
        if code == 1 and self.auth_by_peer == "mschapv2":
            self.auth_challenge = body[1:1 + body[0]]
            self.peer_challenge = os.urandom(16)
            self.mschap_user = OPTS["user"] or OPTS["name"]
            response = generate_nt_response(self.auth_challenge, self.peer_challenge, self.mschap_user, OPTS["password"])
            self.nt_response = response
            value = self.peer_challenge + bytes(8) + response + b"\x00"
            self.link.send(CHAP, 2, ident, bytes((len(value),)) + value + self.mschap_user.encode())
        elif code == 2 and self.auth_to_do == "mschapv2" and ident == self.chap_id:
            size = body[0]
            value, client = body[1:1 + size], body[1 + size:].decode("latin-1")
            if size != 49:
                self.link.send(CHAP, 4, ident, b"E=691 R=0 V=3 M=Malformed response")
                self.close("Authentication failed")
                return
            peer_challenge, nt_response = value[:16], value[24:48]
            secret = self.secret_for(client)
            good = secret is not None and generate_nt_response(self.challenge, peer_challenge, client, secret) == nt_response
            error = 691 if not good else OPTS["mschapv2_error"]
            if not error:
                success = authenticator_response(secret, nt_response, peer_challenge, self.challenge, client)
                self.link.send(CHAP, 3, ident, (success + " M=Access granted").encode())
                log("CHAP peer authentication succeeded for %s" % client)
                self.peer_authenticated = True
                self.maybe_network()
            else:
                words = {691: "Access denied", 648: "Password expired", 649: "No dial-in permission",
                         646: "Restricted logon hours", 647: "Account disabled"}.get(error, "Access denied")
                # R=0: no retry offered; C= a new challenge as RFC 2759 §6 requires; V=3 the version.
                message = "E=%d R=0 C=%s V=3 M=%s" % (error, os.urandom(16).hex().upper(), words)
                self.link.send(CHAP, 4, ident, message.encode())
                log("CHAP peer authentication failed for remote host %s" % client)
                self.close("Authentication failed")
        elif code == 3 and self.auth_by_peer == "mschapv2":
            text = body.decode("latin-1")
            expected = authenticator_response(OPTS["password"], self.nt_response, self.peer_challenge, self.auth_challenge, self.mschap_user)
            if not text.startswith(expected):
                log("MS-CHAPv2 mutual authentication failed.")
                self.close("Failed to authenticate ourselves to peer")
                return
            message = text.split(" M=", 1)[1] if " M=" in text else ""
            log("CHAP authentication succeeded" + ((": " + message) if message else ""))
            self.we_authenticated = True
            self.maybe_network()
        elif code == 4 and self.auth_by_peer == "mschapv2":
            text = body.decode("latin-1")
            log("MS-CHAP authentication failed: " + (text.split(" M=", 1)[1] if " M=" in text else text))
            log("CHAP authentication failed")
            self.close("Failed to authenticate ourselves to peer")

    def on_pap(self, code, ident, body):
        if code == 1 and self.auth_to_do == "pap":
            user = body[1:1 + body[0]]
            rest = body[1 + body[0]:]
            password = rest[1:1 + rest[0]] if rest else b""
            secret = self.secret_for(user.decode("latin-1"))
            if secret is not None and secret.encode() == password:
                self.link.send(PAP, 2, ident, bytes((8,)) + b"Login ok")
                log("PAP peer authentication succeeded for %s" % user.decode("latin-1"))
                self.peer_authenticated = True
                self.maybe_network()
            else:
                self.link.send(PAP, 3, ident, bytes((15,)) + b"Login incorrect")
                log("PAP peer authentication failed for %s" % user.decode("latin-1"))
                self.close("Authentication failed")
        elif code == 2 and self.auth_by_peer == "pap":
            log("PAP authentication succeeded")
            self.we_authenticated = True
            self.maybe_network()
        elif code == 3 and self.auth_by_peer == "pap":
            log("PAP authentication failed")
            self.close("Failed to authenticate ourselves to peer")

    # -- IPCP --
    def maybe_network(self):
        if self.phase != "auth" or not (self.peer_authenticated and self.we_authenticated):
            return
        self.phase = "network"
        if OPTS["mppe"]:
            # RFC 3078 MPPE option (type 18): stateless, 128-bit keys only, as "require-mppe-128" asks.
            self.ccp_id = self.link.next_id(CCP)
            self.link.send(CCP, 1, self.ccp_id, option(18, struct.pack("!I", 0x01000040)))
        self.ipcp_send_request()

    def ipcp_send_request(self):
        body = option(3, socket.inet_aton(self.our_addr)) if self.our_addr is not None else b""
        if self.want_dns:
            body += option(129, socket.inet_aton(self.dns[0] if self.dns else "0.0.0.0"))
            body += option(131, socket.inet_aton(self.dns[1] if len(self.dns) > 1 else "0.0.0.0"))
        self.ipcp_id = self.link.next_id(IPCP)
        self.link.send(IPCP, 1, self.ipcp_id, body)
        self.retries = 0
        self.arm()

    def on_ipcp(self, code, ident, body):
        if self.phase not in ("network", "up"):
            return
        if code == 1:
            nak, rej = b"", b""
            for kind, value in walk_options(body):
                if kind == 3:
                    asked = ip(value)
                    if asked == "0.0.0.0" and self.his_addr == "0.0.0.0":
                        rej += option(kind, value)       # no address to give: reject, as RFC 1332 allows
                    elif asked != self.his_addr and not (OPTS["accept_remote"] and asked != "0.0.0.0"):
                        nak += option(3, socket.inet_aton(self.his_addr))
                    else:
                        self.his_addr = asked
                elif kind in (129, 131):
                    index = 0 if kind == 129 else 1
                    if len(OPTS["ms_dns"]) > index and OPTS["ms_dns"] and not OPTS["accept_local"]:
                        if ip(value) != OPTS["ms_dns"][index]:
                            nak += option(kind, socket.inet_aton(OPTS["ms_dns"][index]))
                    else:
                        rej += option(kind, value)
                else:
                    rej += option(kind, value)
            if rej:
                self.link.send(IPCP, 4, ident, rej)
            elif nak:
                self.link.send(IPCP, 3, ident, nak)
            else:
                self.link.send(IPCP, 2, ident, body)
                self.ipcp_theirs_acked = True
                self.maybe_ip_up()
        elif code == 2 and ident == self.ipcp_id:
            self.ipcp_ours_acked = True
            self.retry_at = None
            self.maybe_ip_up()
        elif code == 3 and ident == self.ipcp_id:
            for kind, value in walk_options(body):
                if kind == 3 and OPTS["accept_local"]:
                    self.our_addr = ip(value)
                elif kind in (129, 131):
                    index = 0 if kind == 129 else 1
                    while len(self.dns) <= index:
                        self.dns.append("0.0.0.0")
                    self.dns[index] = ip(value)
            self.ipcp_send_request()
        elif code == 4 and ident == self.ipcp_id:
            for kind, _ in walk_options(body):
                if kind == 3:
                    self.our_addr = None
                elif kind in (129, 131):
                    self.want_dns = False
            self.ipcp_send_request()
        elif code == 5:
            self.link.send(IPCP, 6, ident)

    def maybe_ip_up(self):
        if self.phase != "network" or not (self.ipcp_ours_acked and self.ipcp_theirs_acked):
            return
        if self.our_addr in (None, "0.0.0.0"):
            log("Could not determine local IP address")
            self.link.send(IPCP, 5, self.link.next_id(IPCP), b"Could not determine local IP address")
            self.close("No network protocols running")
            return
        if self.his_addr == "0.0.0.0":
            log("Could not determine remote IP address: defaulting to 10.64.64.64")
            self.his_addr = "10.64.64.64"
        self.phase = "up"
        self.up_at = time.time()
        log("local  IP address %s" % self.our_addr)
        log("remote IP address %s" % self.his_addr)
        for index, server in enumerate(self.dns[:2]):
            if server != "0.0.0.0":
                log("%s DNS address %s" % ("primary  " if index == 0 else "secondary", server))
        if OPTS["accept_local"]:
            self.ping_at = time.time() + 0.5

    # -- IP inside PPP: a few ICMP echoes from the client's side, answered by the server's side --
    def on_ip(self, packet):
        if len(packet) < 28 or packet[9] != 1 or packet[20] != 8:
            return
        header = bytearray(packet[:20])
        header[12:16], header[16:20] = packet[16:20], packet[12:16]
        header[10:12] = b"\0\0"
        header[10:12] = struct.pack("!H", checksum(bytes(header)))
        icmp = bytearray(packet[20:])
        icmp[0] = 0
        icmp[2:4] = b"\0\0"
        icmp[2:4] = struct.pack("!H", checksum(bytes(icmp)))
        self.link.write(IP, bytes(header) + bytes(icmp))

    def ping(self):
        self.sent_ping += 1
        icmp = struct.pack("!BBHHH", 8, 0, 0, 0x4c41, self.sent_ping) + b"vpndiag constructed ping"
        icmp = icmp[:2] + struct.pack("!H", checksum(icmp)) + icmp[4:]
        header = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(icmp), self.sent_ping, 0, 64, 1, 0,
                             socket.inet_aton(self.our_addr), socket.inet_aton(self.his_addr))
        header = header[:10] + struct.pack("!H", checksum(header)) + header[12:]
        self.link.write(IP, header + icmp)

    # -- closing --
    def close(self, reason):
        if self.closing:
            return
        self.closing = reason
        self.phase = "closing"
        self.link.send(LCP, 5, self.link.next_id(LCP), reason.encode())
        self.retries = 0
        self.arm()

    def finish(self, delay):
        self.done = True
        self.finish_at = time.time() + delay

    # -- timers --
    def tick(self, now):
        if self.retry_at and now >= self.retry_at:
            self.retries += 1
            if self.closing:
                if self.retries >= 2:
                    self.finish(0)
                else:
                    self.link.send(LCP, 5, self.link.next_id(LCP), self.closing.encode())
                    self.arm()
            elif self.phase == "lcp":
                if self.retries >= OPTS["max_configure"]:
                    log("LCP: timeout sending Config-Requests")
                    self.retry_at = None
                    self.finish(0)
                else:
                    self.lcp_request()
            elif self.phase == "network":
                if self.retries >= OPTS["max_configure"]:
                    log("IPCP: timeout sending Config-Requests")
                    self.close("No network protocols running")
                else:
                    retries = self.retries
                    self.ipcp_send_request()
                    self.retries = retries
        if self.echo_at and now >= self.echo_at and self.phase not in ("lcp", "closing"):
            if OPTS["echo_failure"] and self.echo_unanswered >= OPTS["echo_failure"]:
                log("No response to %d echo-requests" % self.echo_unanswered)
                log("Serial link appears to be disconnected.")
                self.close("Peer not responding")
            else:
                self.echo_unanswered += 1
                self.link.send(LCP, 9, self.link.next_id(LCP), struct.pack("!I", self.magic))
                self.echo_at = now + OPTS["echo_interval"]
        if self.phase == "up" and getattr(self, "ping_at", None) and now >= self.ping_at and self.sent_ping < 3:
            self.ping()
            self.ping_at = now + 1.0
        if self.up_at and OPTS["maxconnect"] and now >= self.up_at + OPTS["maxconnect"] and self.phase == "up":
            log("Connect time expired")
            self.close("Connect time expired")
        if self.up_at and OPTS["hangup_after"] and now >= self.up_at + OPTS["hangup_after"] and self.phase == "up":
            # What pppd does on SIGTERM (the user pressing Disconnect): Terminate-Request "User request".
            log("Terminating on signal 15")
            self.close("User request")


def checksum(data):
    if len(data) % 2:
        data += b"\0"
    total = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while total >> 16:
        total = (total & 0xFFFF) + (total >> 16)
    return ~total & 0xFFFF


def main():
    global LOG
    args = sys.argv[1:]
    if args == ["--self-test"]:
        try:
            return self_test()
        except MsChapUnavailable as error:
            print("constructed-pppd.py: MS-CHAP-V2 unavailable: %s" % error, file=sys.stderr)
            return 2
    tty = args[0] if args and args[0].startswith("/dev/") else "/dev/stdin"
    parse_options(args[1:] if tty != "/dev/stdin" else args)
    if OPTS["require_mschapv2"]:
        OPTS["auth"] = "mschapv2"
    if OPTS["logfile"]:
        LOG = open(OPTS["logfile"], "a", encoding="utf-8")
    log("constructed PPP peer (vpndiag lab, built to RFC 1661/1662/1334/1994/2759/1332/1877) started by %s" % ("root" if os.getuid() == 0 else os.getuid()))
    log("Using interface ppp0")
    log("Connect: ppp0 <--> %s" % tty)
    # pppd puts its serial line in raw mode; xl2tpd leaves the pty's slave side canonical, which would
    # hold input back until a newline and rewrite output bytes.
    try:
        ttymode.setraw(0, termios.TCSANOW)
    except termios.error:
        pass
    if OPTS["auth"] == "mschapv2" or ("mschap-v2" not in OPTS["refuse"] and OPTS["password"]):
        try:
            self_check = generate_nt_response(bytes(16), bytes(16), "probe", "probe")
        except MsChapUnavailable as error:
            self_check = None
            log("MS-CHAP-V2 unavailable: %s" % error)
            if OPTS["auth"] == "mschapv2":
                print("constructed-pppd.py: MS-CHAP-V2 unavailable: %s" % error, file=sys.stderr)
                return 1
        if self_check is None:
            OPTS["refuse"].add("mschap-v2")
    peer = Peer()
    stop = {"signal": 0}

    def on_signal(number, _frame):
        stop["signal"] = number
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGHUP, on_signal)
    signal.signal(signal.SIGINT, on_signal)

    if not OPTS["silent"]:
        # pppd's "passive" still sends its Configure-Request first; it only waits instead of giving up.
        peer.lcp_request()
    while True:
        now = time.time()
        if stop["signal"] and not peer.closing:
            log("Terminating on signal %d" % stop["signal"])
            if OPTS["silent"]:
                break
            peer.close("User request")
        if peer.done and now >= peer.finish_at:
            break
        if not OPTS["silent"]:
            peer.tick(now)
        try:
            ready, _, _ = select.select([0], [], [], 0.1)
        except InterruptedError:
            continue
        if not ready:
            continue
        try:
            chunk = os.read(0, 4096)
        except OSError:
            log("Modem hangup")
            break
        if not chunk:
            log("Modem hangup")
            break
        for frame in peer.link.deframer.feed(chunk):
            parsed = unframe(frame)
            if parsed is None:
                continue
            protocol, packet = parsed
            if protocol == IP:
                if not OPTS["silent"] and peer.phase == "up":
                    peer.on_ip(packet)
                continue
            log("rcvd " + describe(protocol, packet))
            if OPTS["silent"] or len(packet) < 4:
                continue
            code, ident = packet[0], packet[1]
            body = packet[4:struct.unpack("!H", packet[2:4])[0]]
            if protocol == LCP:
                peer.on_lcp(code, ident, body)
            elif protocol == CHAP:
                peer.on_chap(code, ident, body)
            elif protocol == PAP:
                peer.on_pap(code, ident, body)
            elif protocol == IPCP:
                peer.on_ipcp(code, ident, body)
            elif protocol == CCP and OPTS["mppe"]:
                if code == 4 or code == 3:
                    peer.ccp_refused()
                elif code == 1:
                    peer.link.send(CCP, 2, ident, body)
            elif peer.phase != "lcp":
                # RFC 1661 §5.7: an unsupported protocol (CCP here, as with "noccp") is rejected.
                peer.link.send(LCP, 8, peer.link.next_id(LCP), struct.pack("!H", protocol) + packet)
    if peer.up_at:
        log("Connect time %.1f minutes." % ((time.time() - peer.up_at) / 60))
    log("Connection terminated.")
    return 0 if not peer.closing or peer.closing in ("User request", "Connect time expired") else 1


if __name__ == "__main__":
    sys.exit(main())

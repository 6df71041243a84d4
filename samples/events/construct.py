#!/usr/bin/env python3
"""Writes the constructed Windows-side event samples in samples/events/.

Every event here is CONSTRUCTED from the published schemas (field names in
../shared/evtx/vpn/EVENT-FIELDS.md, value forms of the real XML samples there), not exported
from a Windows machine. Each scenario's events carry the endpoints, IKE cookies, ESP SPIs and
times of the lab capture of the same name (samples/captures/<scenario>/client.pcap as regenerated
in lab commits 69591ba and 40c684a, read with tshark), as a Windows client or server at that place
would have logged them. When the lab regenerates a scenario, update its constants below and rerun.
Run: python3 samples/events/construct.py  (rewrites the files; output is deterministic)
"""
import csv, io, os, struct
from datetime import datetime, timedelta, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
NS = "http://schemas.microsoft.com/win/2004/08/events/event"
SEC = ("Microsoft-Windows-Security-Auditing", "{54849625-5478-4994-A5BA-3E3B0328C30D}")
CLIENT, SERVER = "198.51.100.20", "203.0.113.10"

def t(epoch):
    return datetime.fromtimestamp(epoch, tz=timezone.utc)

def iso(dt):
    return dt.strftime("%Y-%m-%dT%H:%M:%S.") + f"{dt.microsecond:06d}" + "000Z"

def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&apos;")

def event(provider, eid, when, rid, channel, computer, data, level=0, binary=None, classic=False, message=None, task=0, user=None):
    prov = f"<Provider Name='{provider[0]}' Guid='{provider[1]}' />" if isinstance(provider, tuple) else f"<Provider Name='{provider}' />"
    eid_xml = f"<EventID Qualifiers='0'>{eid}</EventID>" if classic else f"<EventID>{eid}</EventID>"
    parts = []
    for item in data:
        if isinstance(item, tuple):
            parts.append(f"<Data Name='{item[0]}'>{esc(item[1])}</Data>")
        else:
            parts.append(f"<Data>{esc(item)}</Data>")
    if binary:
        parts.append(f"<Binary>{binary}</Binary>")
    security = f"<Security UserID='{user}' />" if user else "<Security />"
    rendering = f"<RenderingInfo Culture='en-US'><Message>{esc(message)}</Message></RenderingInfo>" if message else ""
    return (f"<Event xmlns='{NS}'><System>{prov}{eid_xml}<Version>0</Version><Level>{level}</Level><Task>{task}</Task>"
            f"<Opcode>0</Opcode><Keywords>0x8020000000000000</Keywords><TimeCreated SystemTime='{iso(when)}' />"
            f"<EventRecordID>{rid}</EventRecordID><Correlation /><Execution ProcessID='680' ThreadID='1204' />"
            f"<Channel>{channel}</Channel><Computer>{computer}</Computer>{security}</System>"
            f"<EventData>{''.join(parts)}</EventData>{rendering}</Event>")

def write(path, events, root):
    full = os.path.join(HERE, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w", encoding="utf-8", newline="\n") as f:
        if root:  # Event Viewer "Save as XML"
            f.write("<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"yes\"?>\n<Events>\n")
            f.write("\n".join(events))
            f.write("\n</Events>\n")
        else:     # wevtutil qe /f:xml: events one after another, no root element
            f.write("\n".join(events) + "\n")

def mm(local, lport, remote, rport, icookie, rcookie, reason, point="%%8199", auth="%%8194", role="%%8205", state="%%8202"):
    return [("LocalMMPrincipalName", "-"), ("RemoteMMPrincipalName", "-"), ("LocalAddress", local), ("LocalKeyModPort", str(lport)),
            ("RemoteAddress", remote), ("RemoteKeyModPort", str(rport)), ("KeyModName", "%%8222"), ("FailurePoint", point),
            ("FailureReason", reason), ("MMAuthMethod", auth), ("State", state), ("Role", role), ("MMImpersonationState", "%%8217"),
            ("MMFilterID", "71233"), ("InitiatorCookie", icookie), ("ResponderCookie", rcookie)]

def mm_up(local, remote, cert=False):
    d = [("LocalMMPrincipalName", "-"), ("RemoteMMPrincipalName", "-"), ("LocalAddress", local), ("LocalKeyModPort", "500"),
         ("RemoteAddress", remote), ("RemoteKeyModPort", "500"), ("KeyModName", "%%8222"), ("MMAuthMethod", "%%8194"),
         ("MMCipherAlg", "%%8226"), ("MMIntegrityAlg", "%%8232"), ("DHGroup", "%%8245"), ("MMLifetime", "28800"), ("QMLimit", "0"),
         ("Role", "%%8205"), ("MMImpersonationState", "%%8217"), ("MMFilterID", "71233"), ("MMSAID", "41")]
    if cert:
        d[1:1] = [("LocalMMCertHash", "3A9C0F1E2B7D44A1C1D2E3F405162738495A6B7C"), ("LocalMMIssuingCA", "CN=vpndiag lab CA"), ("LocalMMRootCA", "CN=vpndiag lab CA")]
        d += [("RemoteMMCertHash", "7D1E2A3B4C5D6E7F8091A2B3C4D5E6F708192A3B"), ("RemoteMMIssuingCA", "CN=vpndiag lab CA"), ("RemoteMMRootCA", "CN=vpndiag lab CA")]
    return d

def qm(local, remote, inbound, outbound, mode="%%8188"):
    return [("LocalAddress", local), ("LocalAddressMask", "255.255.255.255"), ("LocalPort", "1701"), ("LocalTunnelEndpoint", "-"),
            ("RemoteAddress", remote), ("RemoteAddressMask", "255.255.255.255"), ("RemotePort", "1701"), ("RemoteTunnelEndpoint", "-"),
            ("Protocol", "17"), ("KeyModName", "%%8222"), ("Mode", mode), ("Role", "%%8205"), ("QMFilterID", "71240"), ("MMSAID", "41"),
            ("QMSAID", "7"), ("InboundSpi", str(inbound)), ("OutboundSpi", str(outbound)), ("TunnelId", "0"), ("TrafficSelectorId", "0")]

COID = "{6E4B1C2A-9F3D-4E21-B0A7-5C8D2E1F3A90}"

def ras(eid, when, rid, data, level=4):
    return event("RasClient", eid, when, rid, "Application", "LABCLIENT", data, level=level, classic=True)

# healthy-psk: Windows client view of a successful connection. Capture: MM1 at hp, MM6 at +0.034,
# Quick Mode 3 at +0.044, the client's Delete at +9.736; ESP client->server 0x2a1c49d6, back 0x92479477.
hp = 1795520862.928201
HP_OUT, HP_IN = 0x2a1c49d6, 0x92479477
write("healthy-psk/client-security.xml", [
    event(SEC, 4650, t(hp + 0.035), 9001, "Security", "LABCLIENT", mm_up(CLIENT, SERVER), task=12547),
    event(SEC, 5451, t(hp + 0.045), 9002, "Security", "LABCLIENT", qm(CLIENT, SERVER, HP_IN, HP_OUT), task=12548),
    event(SEC, 5452, t(hp + 9.737), 9003, "Security", "LABCLIENT", qm(CLIENT, SERVER, HP_IN, HP_OUT), task=12548),
    event(SEC, 4655, t(hp + 9.739), 9004, "Security", "LABCLIENT",
          [("LocalAddress", CLIENT), ("RemoteAddress", SERVER), ("KeyModName", "%%8222"), ("MMSAID", "41")], task=12547),
], root=False)
write("healthy-psk/client-application.xml", [
    ras(20221, t(hp - 0.410), 501, [COID, "LABCLIENT\\alice", "Lab VPN", "VpnStrategy = L2TP, DataEncryption = Require, PrerequisiteEntry = , AutoLogon = No, UseRasCredentials = Yes, Authentication Type = MSCHAPv2"]),
    ras(20222, t(hp - 0.400), 502, [COID, "LABCLIENT\\alice", "Lab VPN", SERVER, "WAN Miniport (L2TP)", "VPN2-1", "VPN"]),
    ras(20223, t(hp + 0.350), 503, [COID, "LABCLIENT\\alice", "Lab VPN", "WAN Miniport (L2TP)"]),
    ras(20224, t(hp + 0.351), 504, [COID, "LABCLIENT\\alice", "Lab VPN"]),
    ras(20225, t(hp + 0.520), 505, [COID, "LABCLIENT\\alice", "Lab VPN"]),
], root=True)

# udp500-blocked: the server's answers never reach the client; MM1 repeated (ub .. ub + 9.508).
ub = 1795519932.990792
write("udp500-blocked/client-security.xml", [
    event(SEC, 4653, t(ub + 60.013), 9101, "Security", "LABCLIENT",
          mm(CLIENT, 500, SERVER, 500, "d4c64a3e7dfd634a", "0000000000000000", "Negotiation timed out"), task=12547),
], root=False)

def viewer_csv(path, rows, header=("Level", "Date and Time", "Source", "Event ID", "Task Category")):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(header)
    for r in rows:
        w.writerow(r)
    with open(os.path.join(HERE, path), "w", encoding="utf-8-sig", newline="") as f:
        f.write(buf.getvalue())

def us(dt):
    return f"{dt.month}/{dt.day}/{dt.year} {(dt.hour % 12) or 12}:{dt.minute:02d}:{dt.second:02d} {'AM' if dt.hour < 12 else 'PM'}"

viewer_csv("udp500-blocked/client-application.csv", [
    ("Information", us(t(ub - 0.4)), "RasClient", "20221", "None",
     f"CoId={COID}: The user LABCLIENT\\alice has started dialing a VPN connection using a per-user connection profile named Lab VPN. The connection settings are: \nVpnStrategy = L2TP\nDataEncryption = Require"),
    ("Information", us(t(ub - 0.3)), "RasClient", "20222", "None",
     f"CoId={COID}: The user LABCLIENT\\alice is trying to establish a link to the Remote Access Server for the connection named Lab VPN using the following device: \nServer address/Phone Number = {SERVER}\nDevice = WAN Miniport (L2TP)\nPort = VPN2-1\nMediaType = VPN."),
    ("Error", us(t(ub + 60.9)), "RasClient", "20227", "None",
     f"CoId={COID}: The user LABCLIENT\\alice dialed a connection named Lab VPN which has failed. The error code returned on failure is 809."),
])

# psk-mismatch: the client's clock runs 7 minutes (420 s) ahead of the capture's. Capture: MM1 at pm,
# MM5 sent four times (+0.077 .. +9.584), each answered by an informational; the last at +9.585.
pm = 1795519799.439182
skew = 420.0
PM_FAIL = pm + 9.6   # when the client gives up
PM_I, PM_R = "b965953a307bd62f", "b97d549998ca823b"
write("psk-mismatch/client-security.xml", [
    event(SEC, 4653, t(PM_FAIL + skew), 9201, "Security", "LABCLIENT",
          mm(CLIENT, 4500, SERVER, 4500, PM_I, PM_R, "IKE authentication credentials are unacceptable"), task=12547),
], root=False)
write("psk-mismatch/client-application.xml", [
    ras(20222, t(pm - 0.3 + skew), 601, [COID, "LABCLIENT\\alice", "Lab VPN", SERVER, "WAN Miniport (L2TP)", "VPN2-1", "VPN"]),
    ras(20227, t(PM_FAIL + 0.2 + skew), 602, [COID, "LABCLIENT\\alice", "Lab VPN", "789"], level=2),
], root=True)
# The same 4653 as PowerShell writes it: Get-WinEvent -LogName Security | Export-Csv (no event data, only the message).
msg4653 = ("An IPsec main mode negotiation failed.\n\nLocal Endpoint:\n\tLocal Principal Name:\t-\n\tNetwork Address:\t198.51.100.20\n"
           "\tKeying Module Port:\t4500\n\nRemote Endpoint:\n\tPrincipal Name:\t-\n\tNetwork Address:\t203.0.113.10\n\tKeying Module Port:\t4500\n\n"
           "Additional Information:\n\tKeying Module Name:\tIKEv1\n\tAuthentication Method:\tPreshared key\n\tRole:\tInitiator\n"
           "\tImpersonation State:\tNot enabled\n\tMain Mode Filter ID:\t71233\n\nFailure Information:\n\tFailure Point:\tLocal computer\n"
           "\tFailure Reason:\tIKE authentication credentials are unacceptable\n\n\tState:\tSent third (ID) payload\n"
           f"\tInitiator Cookie:\t{PM_I}\n\tResponder Cookie:\t{PM_R}")
buf = io.StringIO()
w = csv.writer(buf, lineterminator="\r\n", quoting=csv.QUOTE_ALL)
w.writerow(["#TYPE System.Diagnostics.Eventing.Reader.EventLogRecord"][:1]) if False else None
buf.write("#TYPE System.Diagnostics.Eventing.Reader.EventLogRecord\r\n")
w.writerow(["Message", "Id", "Version", "Qualifiers", "Level", "Task", "Opcode", "Keywords", "RecordId", "ProviderName", "ProviderId",
            "LogName", "ProcessId", "ThreadId", "MachineName", "UserId", "TimeCreated", "LevelDisplayName", "TaskDisplayName", "Properties"])
w.writerow([msg4653, "4653", "0", "", "0", "12547", "0", "-9218868437227405312", "9201", SEC[0], SEC[1][1:-1], "Security", "680", "1204",
            "LABCLIENT", "", us(t(PM_FAIL + skew)), "Information", "IPsec Main Mode",
            "System.Collections.ObjectModel.ReadOnlyCollection`1[System.Diagnostics.Eventing.Reader.EventProperty]"])
with open(os.path.join(HERE, "psk-mismatch/client-security-getwinevent.csv"), "w", encoding="utf-8", newline="") as f:
    f.write(buf.getvalue())
# German Event Viewer CSV of the client's RasClient failure (localised headers and message).
viewer_csv("psk-mismatch/client-application-de.csv", [
    ("Fehler", t(PM_FAIL + 0.2 + skew).strftime("%d.%m.%Y %H:%M:%S"), "RasClient", "20227", "Keine",
     f"CoId={COID}: Der Benutzer LABCLIENT\\alice hat eine Verbindung mit dem Namen \"Lab VPN\" gewählt, die nicht hergestellt werden konnte. Der bei dem Fehler zurückgegebene Fehlercode lautet 789."),
], header=("Ebene", "Datum und Uhrzeit", "Quelle", "Ereignis-ID", "Aufgabenkategorie"))

# esp-dropped-one-way: Quick Mode completes (SPIs of the capture), then the L2TP attempt fails.
# Capture: MM1 at ed, MM6 at +0.031, Quick Mode 3 at +0.039; ESP client->server 0x0f582899, back 0x32b7394a.
ed = 1795519315.050420
write("esp-dropped-one-way/client-security.xml", [
    event(SEC, 4650, t(ed + 0.032), 9301, "Security", "LABCLIENT", mm_up(CLIENT, SERVER), task=12547),
    event(SEC, 5451, t(ed + 0.040), 9302, "Security", "LABCLIENT", qm(CLIENT, SERVER, 0x32b7394a, 0x0f582899), task=12548),
], root=False)
write("esp-dropped-one-way/client-application.xml", [
    ras(20227, t(ed + 31.0), 701, [COID, "LABCLIENT\\alice", "Lab VPN", "809"], level=2),
], root=True)

# Windows Server 2003 IKE audit (legacy 541-547) as a 2003 server at 203.0.113.10 would log them:
# category 2 (Logon/Logoff), user NT AUTHORITY\\NETWORK SERVICE (S-1-5-20), positional strings.
def filt(local, peer, lport="500", pport="500"):
    return (f"Source IP Address {local} Source IP Address Mask 255.255.255.255 Destination IP Address {peer} Destination IP Address Mask "
            f"255.255.255.255 Protocol 17 Source Port 1701 Destination Port 0 IKE Local Addr {local} IKE Peer Addr {peer} "
            f"IKE Source Port {lport} IKE Destination Port {pport} Peer Private Addr")
LEGACY_COMPUTER, LEGACY_CATEGORY, LEGACY_SID = "W2K3SRV", 2, "S-1-5-20"
AUDIT_SUCCESS, AUDIT_FAILURE = 8, 16   # EVENTLOGRECORD EventType, shown as Level in the XML
LEGACY = [  # (event id, time, record number, strings, event type)
    (541, t(hp + 0.034), 3001, ["Key Exchange Mode (Main Mode)", "Preshared key ID. Peer IP Address: 198.51.100.20", filt(SERVER, CLIENT),
                                "ESP Algorithm AES CBC HMAC Algorithm SHA Lifetime (sec) 28800", "Inbound SPI 0 Outbound SPI 0"], AUDIT_SUCCESS),
    (541, t(hp + 0.044), 3002, ["Data Protection Mode (Quick Mode)", "Preshared key ID. Peer IP Address: 198.51.100.20", filt(SERVER, CLIENT),
                                "ESP Algorithm AES CBC HMAC Algorithm SHA Lifetime (sec) 3600", f"Inbound SPI {HP_OUT} Outbound SPI {HP_IN}"], AUDIT_SUCCESS),
    (542, t(hp + 9.737), 3003, ["Data Protection Mode (Quick Mode)", filt(SERVER, CLIENT), str(HP_OUT), str(HP_IN)], AUDIT_SUCCESS),
    (543, t(hp + 9.739), 3004, ["Key Exchange Mode (Main Mode)", filt(SERVER, CLIENT)], AUDIT_SUCCESS),
    (547, t(PM_FAIL), 3005, ["Key Exchange Mode (Main Mode)", filt(SERVER, CLIENT, "4500", "4500"), "Preshared key ID. Peer IP Address: 198.51.100.20",
                             "Me", "IKE authentication credentials are unacceptable", "Processed third (ID) payload Responder. Delta Time 9 0x0 0x0"], AUDIT_FAILURE),
    (544, t(1795520000), 3006, ["Certificate based Identity. Peer Subject CN=laptop7 Peer SHA1 Hash 7D1E2A3B4C5D6E7F8091A2B3C4D5E6F708192A3B Peer Issuing Certificate Authority CN=Other CA Root Certificate Authority CN=Other CA", filt(SERVER, "192.0.2.77")], AUDIT_FAILURE),
    (545, t(1795520010), 3007, ["Preshared key ID. Peer IP Address: 192.0.2.77", filt(SERVER, "192.0.2.77")], AUDIT_FAILURE),
    (546, t(1795520020), 3008, ["Key Exchange Mode (Main Mode)", filt(SERVER, "192.0.2.77"), "Encryption Algorithm", "3DES", "DES"], AUDIT_FAILURE),
]
write("legacy/server-security-2003.xml", [
    event("Security", eid, when, rid, "Security", LEGACY_COMPUTER, strings, level=etype, classic=True, task=LEGACY_CATEGORY, user=LEGACY_SID)
    for eid, when, rid, strings, etype in LEGACY], root=True)

# The same records as the 2003 server's own SecEvent.Evt (legacy EVT format; Microsoft's "Event Log File
# Format", ELF_LOGFILE_HEADER / EVENTLOGRECORD / ELF_EOF_RECORD, and libevt's format description).
# All integers little-endian; times are whole Unix seconds (the XML's fractions are dropped).
ELF_HEADER_SIZE, ELF_RECORD_FIXED, ELF_EOF_SIZE = 0x30, 0x38, 0x28
ELF_LOGFILE_HEADER_DIRTY, ELF_LOGFILE_HEADER_WRAP = 0x1, 0x2

def sid_bytes(text):
    # S-R-I-S1-S2...: revision, sub-authority count, 48-bit big-endian authority, 32-bit little-endian sub-authorities
    parts = [int(x) for x in text.split("-")[1:]]
    return bytes([parts[0], len(parts) - 2]) + parts[1].to_bytes(6, "big") + b"".join(struct.pack("<I", x) for x in parts[2:])

def utf16z(text):
    return text.encode("utf-16-le") + b"\0\0"

def evt_record(number, eid, when, strings, etype, source, computer, category, sid, data=b""):
    # EVENTLOGRECORD: 0x38 fixed bytes, source and computer name, padding to 4, SID, strings, data, padding to 4, length again.
    seconds = int(when.timestamp())
    body = bytearray(utf16z(source) + utf16z(computer))
    body += bytes(-(ELF_RECORD_FIXED + len(body)) % 4)
    sid_offset = ELF_RECORD_FIXED + len(body)
    body += sid
    strings_offset = ELF_RECORD_FIXED + len(body)
    for text in strings:
        body += utf16z(text)
    data_offset = ELF_RECORD_FIXED + len(body)
    body += data
    body += bytes(-(ELF_RECORD_FIXED + len(body)) % 4)
    length = ELF_RECORD_FIXED + len(body) + 4
    fixed = struct.pack("<I4sIIIIHHHHIIIIII", length, b"LfLe", number, seconds, seconds, eid, etype, len(strings), category, 0, 0,
                        strings_offset, len(sid), sid_offset, len(data), data_offset)
    return fixed + bytes(body) + struct.pack("<I", length)

def evt_cursor(size, start, end, next_number, oldest_number):
    # ELF_EOF_RECORD: size, the four fixed signatures, the header's offsets and record numbers, size again.
    return struct.pack("<IIIIIIIIII", size, 0x11111111, 0x22222222, 0x33333333, 0x44444444, start, end, next_number, oldest_number, size)

def write_evt(path, records, wrap_inside, slack):
    """A log that has wrapped: the oldest records fill the end of the file, the record at index
    wrap_inside is split by the physical end of the file and continues after the header, the newest
    records and the EOF record follow it, and `slack` zero bytes (space the overwritten records held)
    separate the EOF record from the oldest record. The log was closed cleanly (not dirty)."""
    blobs = [evt_record(rid, eid, when, strings, etype, "Security", LEGACY_COMPUTER, LEGACY_CATEGORY, sid_bytes(LEGACY_SID))
             for eid, when, rid, strings, etype in records]
    ring = b"".join(blobs)
    cut = sum(len(b) for b in blobs[:wrap_inside]) + len(blobs[wrap_inside]) // 2 // 4 * 4
    end = ELF_HEADER_SIZE + len(ring) - cut          # offset of the EOF record
    start = end + ELF_EOF_SIZE + slack               # offset of the oldest record
    size = start + cut
    next_number, oldest_number = records[-1][2] + 1, records[0][2]
    header = struct.pack("<I4sIIIIIIIIII", ELF_HEADER_SIZE, b"LfLe", 1, 1, start, end, next_number, oldest_number, size,
                         ELF_LOGFILE_HEADER_WRAP, 0, ELF_HEADER_SIZE)   # retention 0: overwrite as needed
    body = header + ring[cut:] + evt_cursor(ELF_EOF_SIZE, start, end, next_number, oldest_number) + bytes(slack) + ring[:cut]
    assert len(body) == size
    with open(os.path.join(HERE, path), "wb") as f:
        f.write(body)

write_evt("legacy/server-security-2003.evt", LEGACY, wrap_inside=4, slack=64)

# Other IPsec audit events, unpaired (no lab scenario produces them), at 2026-11-24T11:20Z.
base = 1795519200.0
other = [
    event(SEC, 4651, t(base), 9401, "Security", "LABCLIENT", mm_up(CLIENT, SERVER, cert=True), task=12547),
    event(SEC, 4652, t(base + 10), 9402, "Security", "LABCLIENT",
          [("LocalMMPrincipalName", "-"), ("LocalMMCertHash", "3A9C0F1E2B7D44A1C1D2E3F405162738495A6B7C"), ("LocalMMIssuingCA", "-"), ("LocalMMRootCA", "-"),
           ("RemoteMMPrincipalName", "-"), ("RemoteMMCertHash", "-"), ("RemoteMMIssuingCA", "-"), ("RemoteMMRootCA", "-")]
          + mm(CLIENT, 500, SERVER, 500, "5a1c9e00b3f2d471", "e0d4c3b2a1908172", "IKE failed to find valid machine certificate. Contact your Network Security Administrator about installing a valid certificate in the appropriate Certificate Store.")[2:],
          task=12547),
    event(SEC, 4654, t(base + 20), 9403, "Security", "LABCLIENT",
          qm(CLIENT, SERVER, 0, 0)[:9] + [("RemotePrivateAddress", "-"), ("KeyModName", "%%8222"), ("FailurePoint", "%%8200"), ("FailureReason", "No policy configured"),
                                          ("Mode", "%%8188"), ("State", "%%8211"), ("Role", "%%8205"), ("MessageID", "4029069040"), ("QMFilterID", "0"), ("MMSAID", "42"), ("TunnelId", "0"), ("TrafficSelectorId", "0")],
          task=12548),
]
invalid = [("LocalAddress", CLIENT), ("LocalKeyModPort", "500"), ("RemoteAddress", SERVER), ("RemoteKeyModPort", "500"),
           ("KeyModName", "%%8222"), ("FailureReason", "Invalid payload received"), ("InitiatorCookie", "5a1c9e00b3f2d471"), ("ResponderCookie", "e0d4c3b2a1908172")]
for i, eid in enumerate([4976, 4977, 4978]):
    other.append(event(SEC, eid, t(base + 30 + i), 9404 + i, "Security", "LABCLIENT", invalid, task=12547))
for i, eid in enumerate([4979, 4980, 4981, 4982]):
    other.append(event(SEC, eid, t(base + 40 + i), 9410 + i, "Security", "LABCLIENT",
                       [("LocalAddress", CLIENT), ("RemoteAddress", SERVER), ("RemoteMMPrincipalName", "LAB\\vpnserver$"), ("KeyModName", "%%8223")], task=12549))
for i, eid in enumerate([4983, 4984]):
    other.append(event(SEC, eid, t(base + 50 + i), 9420 + i, "Security", "LABCLIENT",
                       [("LocalAddress", CLIENT), ("RemoteAddress", SERVER), ("FailurePoint", "%%8199"), ("FailureReason", "Failed to authenticate using Kerberos")], task=12549))
drop = [("RemoteAddress", SERVER), ("LocalAddress", CLIENT), ("SPI", str(0x1badc0de)), ("Protocol", "17")]
for i, eid in enumerate([4960, 4961, 4962, 4963, 4965]):
    other.append(event(SEC, eid, t(base + 60 + i), 9430 + i, "Security", "LABCLIENT", drop, task=12292))
other.append(event(SEC, 5049, t(base + 70), 9440, "Security", "LABCLIENT", [("LocalAddress", CLIENT), ("RemoteAddress", SERVER), ("SPI", str(0x1badc0de))], task=12547))
other.append(event(SEC, 5453, t(base + 80), 9441, "Security", "LABCLIENT", [("LocalAddress", CLIENT), ("RemoteAddress", SERVER), ("KeyModName", "%%8222")], task=12547))
for i, eid in enumerate([5478, 5479, 5480, 5483, 5484, 5485]):
    other.append(event(SEC, eid, t(base + 90 + i), 9450 + i, "Security", "LABCLIENT", [], task=12292))
write("ipsec-other/client-security.xml", other, root=True)

# RRAS/NPS server (Windows) rejecting a user: RemoteAccess 20271 (System) and NPS 6272/6273 (Security).
rs = 1795519500.0
write("ras-server/server-system.xml", [
    event("RemoteAccess", 20271, t(rs), 7001, "System", "RRAS01",
          [COID, "alice", CLIENT, "The remote connection was denied because the user name and password combination you provided is not recognized, or the selected authentication protocol is not permitted on the remote access server.", "0x10"],
          level=3, binary="B3020000", classic=True),
    event("RemoteAccess", 20271, t(rs + 30), 7002, "System", "RRAS01",
          ["{NA}", "bob", "192.0.2.77", "Die Verbindung wurde aufgrund einer Richtlinie verhindert, die auf dem RAS/VPN-Server konfiguriert ist.", "0x70"],
          level=3, binary="2C030000", classic=True),
], root=False)
nps_common = [("SubjectUserSid", "S-1-5-21-1004336348-1177238915-682003330-1105"), ("SubjectUserName", "alice"), ("SubjectDomainName", "LAB"),
              ("FullyQualifiedSubjectUserName", "LAB\\alice"), ("SubjectMachineSID", "S-1-0-0"), ("SubjectMachineName", "-"),
              ("FullyQualifiedSubjectMachineName", "-"), ("CalledStationID", SERVER), ("CallingStationID", CLIENT), ("NASIPv4Address", SERVER),
              ("NASIPv6Address", "-"), ("NASIdentifier", "RRAS01"), ("NASPortType", "Virtual"), ("NASPort", "12"), ("ClientName", "RRAS01"),
              ("ClientIPAddress", "127.0.0.1"), ("ProxyPolicyName", "Microsoft Routing and Remote Access Service Policy"),
              ("NetworkPolicyName", "VPN users"), ("AuthenticationProvider", "Windows"), ("AuthenticationServer", "RRAS01.lab.example"),
              ("AuthenticationType", "MS-CHAPv2"), ("EAPType", "-"), ("AccountSessionIdentifier", "3132")]
write("ras-server/server-security.xml", [
    event(SEC, 6273, t(rs - 0.2), 8001, "Security", "RRAS01", nps_common + [("ReasonCode", "16"),
          ("Reason", "Authentication failed due to a user credentials mismatch. Either the user name provided does not map to an existing user account or the password was incorrect."),
          ("LoggingResult", "Accounting information was written to the local log file.")], task=12552),
    event(SEC, 6272, t(rs + 60), 8002, "Security", "RRAS01", nps_common + [("QuarantineState", "Full Access"), ("QuarantineSessionIdentifier", "-"),
          ("LoggingResult", "Accounting information was written to the local log file.")], task=12552),
], root=True)

# typeperf CSV of a Windows RRAS server during the healthy-psk connection: CPU saturated.
lines = ['"(PDH-CSV 4.0) (Coordinated Universal Time)(0)","\\\\RRAS01\\Processor(_Total)\\% Processor Time","\\\\RRAS01\\Memory\\Available MBytes"']
for i in range(-5, 15):
    when = t(hp + i)
    cpu = 97.5 + (i % 3) * 0.8 if 0 <= i <= 10 else 35.0 + i
    lines.append(f'"{when.strftime("%m/%d/%Y %H:%M:%S")}.{when.microsecond // 1000:03d}","{cpu:.6f}","812.000000"')
with open(os.path.join(HERE, "healthy-psk/server-cpu-typeperf.csv"), "w", encoding="utf-8", newline="") as f:
    f.write("\r\n".join(lines) + "\r\n")

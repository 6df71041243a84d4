#!/usr/bin/env python3
"""A faulty two-port Ethernet switch for the lab (scenarios corrupting-link and lossy-link).

Run inside a namespace that holds two interfaces: every frame arriving on one leaves on the other
unchanged, except every Nth UDP-encapsulated ESP frame (UDP port 4500, first four payload bytes not
the zero non-ESP marker) of each direction:
  corrupt - leaves with one bit flipped in the middle of its ESP payload, as a switch with a bad
            memory cell does after the sender computed its checksums;
  drop    - is not forwarded at all, as a link that loses frames.
Each action is printed (direction, frame count) so the run's log says exactly what the wire did.

Usage: faulty-switch.py IF_A IF_B corrupt|drop EVERY_NTH_ESP
"""
import select
import socket
import struct
import sys

ETH_P_ALL = 0x0003
SOL_PACKET = 263
PACKET_AUXDATA = 8
PACKET_OUTGOING = 4
TP_STATUS_CSUMNOTREADY = 0x8   # sent by a local stack that left the L4 checksum to "hardware"
ETH_HEADER = 14


def open_port(name):
    s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(ETH_P_ALL))
    s.setsockopt(SOL_PACKET, PACKET_AUXDATA, 1)
    s.bind((name, 0))
    return s


def ones_complement_sum(data):
    if len(data) % 2:
        data += b"\0"
    total = sum(struct.unpack(f"!{len(data) // 2}H", data))
    while total >> 16:
        total = (total & 0xFFFF) + (total >> 16)
    return total


def complete_l4_checksum(frame):
    """A frame from a veth peer may carry only the pseudo-header sum in its UDP/TCP checksum (checksum
    offload); a real wire never does, so finish it here before forwarding."""
    if len(frame) < ETH_HEADER + 20 or frame[12:14] != b"\x08\x00":
        return frame
    ihl = (frame[ETH_HEADER] & 0x0F) * 4
    protocol = frame[ETH_HEADER + 9]
    total_length = struct.unpack_from("!H", frame, ETH_HEADER + 2)[0]
    start, end = ETH_HEADER + ihl, ETH_HEADER + total_length
    field = {17: 6, 6: 16}.get(protocol)
    if field is None or end > len(frame) or end - start < field + 2:
        return frame
    out = bytearray(frame)
    out[start + field:start + field + 2] = b"\0\0"
    pseudo = bytes(frame[ETH_HEADER + 12:ETH_HEADER + 20]) + struct.pack("!BBH", 0, protocol, end - start)
    checksum = 0xFFFF - ones_complement_sum(pseudo + bytes(out[start:end]))
    struct.pack_into("!H", out, start + field, checksum or 0xFFFF)
    return bytes(out)


def esp_payload_span(frame):
    """(start, end) of the ESP packet inside a UDP 4500 frame, or None."""
    if len(frame) < ETH_HEADER + 20 or frame[12:14] != b"\x08\x00" or frame[ETH_HEADER + 9] != 17:
        return None
    ihl = (frame[ETH_HEADER] & 0x0F) * 4
    udp = ETH_HEADER + ihl
    if len(frame) < udp + 8 + 8:
        return None
    source, destination, length = struct.unpack_from("!HHH", frame, udp)
    if 4500 not in (source, destination) or frame[udp + 8:udp + 12] == b"\0\0\0\0":
        return None
    return udp + 8, min(len(frame), udp + length)


def main():
    a_name, b_name, action, nth = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    if action not in ("corrupt", "drop"):
        sys.exit(f"faulty-switch.py: unknown action {action}")
    ports = {a_name: open_port(a_name), b_name: open_port(b_name)}
    other = {a_name: ports[b_name], b_name: ports[a_name]}
    esp_seen = {a_name: 0, b_name: 0}
    by_socket = {s: name for name, s in ports.items()}
    while True:
        readable, _, _ = select.select(list(ports.values()), [], [])
        for s in readable:
            frame, ancillary, _, address = s.recvmsg(65535, socket.CMSG_SPACE(32))
            if address[2] == PACKET_OUTGOING:
                continue   # our own transmission seen again on this port
            status = 0
            for level, kind, data in ancillary:
                if level == SOL_PACKET and kind == PACKET_AUXDATA and len(data) >= 4:
                    status = struct.unpack_from("I", data)[0]
            if status & TP_STATUS_CSUMNOTREADY:
                frame = complete_l4_checksum(frame)
            came_in = by_socket[s]
            span = esp_payload_span(frame)
            if span is not None:
                esp_seen[came_in] += 1
                if esp_seen[came_in] % nth == 0 and action == "drop":
                    print(f"{came_in}: ESP frame {esp_seen[came_in]} dropped", flush=True)
                    continue
                if esp_seen[came_in] % nth == 0:
                    start, end = span
                    offset = start + (end - start) // 2
                    damaged = bytearray(frame)
                    damaged[offset] ^= 0x10
                    frame = bytes(damaged)
                    print(f"{came_in}: ESP frame {esp_seen[came_in]} corrupted, bit 4 of ESP byte {offset - start} of {end - start}", flush=True)
            other[came_in].send(frame)


if __name__ == "__main__":
    main()

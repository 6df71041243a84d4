#!/usr/bin/env python3
"""A private syslog daemon for one lab daemon (the Libreswan scenarios).

Listens on a Unix datagram socket (the lab makes it /dev/log inside the daemon's private mount
namespace) and appends each message to a file the way rsyslog's traditional file format writes it:
glibc's syslog() already sends "<PRI>Mmm dd hh:mm:ss tag[pid]: message"; the receiver drops the
<PRI> and puts the host name after the time stamp ("Mmm dd hh:mm:ss HOST tag[pid]: message").
Nothing is reworded. It stops on SIGTERM.

Usage: syslog-receiver.py SOCKET_PATH OUTPUT_FILE HOSTNAME
"""
import os
import re
import signal
import socket
import sys

PRI_AND_TIME = re.compile(rb"^<\d{1,3}>([A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d) (.*)$", re.S)


def main():
    path, output, host = sys.argv[1], sys.argv[2], sys.argv[3].encode()
    if os.path.exists(path):
        os.unlink(path)
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(path)
    os.chmod(path, 0o666)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    with open(output, "ab", buffering=0) as out:
        while True:
            datagram = sock.recv(65536).rstrip(b"\n\0")
            match = PRI_AND_TIME.match(datagram)
            if match:
                line = match.group(1) + b" " + host + b" " + match.group(2)
            else:
                line = datagram
            out.write(line.replace(b"\n", b" ") + b"\n")


if __name__ == "__main__":
    main()

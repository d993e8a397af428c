#!/usr/bin/env python3
"""Benchmark helper (not a test): opens N listening TCP ports on 127.0.0.1, holds them for a
moment, closes them and starts over, until killed, so every network scan sees about N ports
opened or closed. Prints "ready" once the first round is open.

Usage: scripts/port-flood.py [N] [HOLD_SECONDS]   (defaults 1000 and 1.0)"""
import socket
import sys
import time

n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
hold = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0
first = True
while True:
    socks = []
    for _ in range(n):
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        s.bind(("127.0.0.1", 0))
        s.listen(1)
        socks.append(s)
    if first:
        print("ready", flush=True)
        first = False
    time.sleep(hold)
    for s in socks:
        s.close()
    time.sleep(hold)

#!/usr/bin/env python3
"""Holds N established TCP connections on 127.0.0.1 for the scale benchmark, until killed.

Each connection is two sockets (client and server end), and a process may hold fewer open
files than 2N here, so the work is split over pairs of processes (one listening, one
connecting) of at most CHUNK connections each. Prints "ready N" once all are established.
"""
import os
import resource
import signal
import socket
import sys
import time

CHUNK = 9000


def raise_fd_limit():
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


def serve(listener, count):
    raise_fd_limit()
    held = [listener.accept()[0] for _ in range(count)]
    signal.pause()
    return held


def connect(port, count, ready_w):
    raise_fd_limit()
    held = []
    for _ in range(count):
        held.append(socket.create_connection(("127.0.0.1", port)))
    os.write(ready_w, b"x")
    signal.pause()
    return held


def main():
    total = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    ready_r, ready_w = os.pipe()
    children = []
    left = total
    while left > 0:
        count = min(CHUNK, left)
        left -= count
        listener = socket.socket()
        listener.bind(("127.0.0.1", 0))
        listener.listen(4096)
        port = listener.getsockname()[1]
        for role in (lambda: serve(listener, count), lambda: connect(port, count, ready_w)):
            pid = os.fork()
            if pid == 0:
                role()
                os._exit(0)
            children.append(pid)
        listener.close()

    def stop(*_):
        for pid in children:
            try:
                os.kill(pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
        os._exit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    chunks = (total + CHUNK - 1) // CHUNK
    for _ in range(chunks):
        os.read(ready_r, 1)
    print("ready", total, flush=True)
    while True:
        time.sleep(3600)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
# Captures the sock_diag samples of SockDiagMessagesTest (src/test/resources/sock_diag): opens
# known sockets, sends dump requests built here from linux/inet_diag.h, independently of the
# Java code, and writes each request and the kernel's reply. Run as root on a host whose
# non-loopback address is set below: python3 scripts/capture-sock-diag.py src/test/resources/sock_diag
import socket, struct, os, sys
out = sys.argv[1]
lan = os.environ.get('LAN_ADDRESS', '192.0.2.2')
keep = []
l4 = socket.socket(); l4.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); l4.bind(('0.0.0.0', 0)); l4.listen(8); keep.append(l4)
c = socket.create_connection((lan, l4.getsockname()[1])); a, _ = l4.accept(); keep += [c, a]        # peers beyond loopback
c2 = socket.create_connection(('127.0.0.1', l4.getsockname()[1])); a2, _ = l4.accept(); keep += [c2, a2]  # within the host
l6 = socket.socket(socket.AF_INET6); l6.bind(('::', 0)); l6.listen(8); keep.append(l6)
c6 = socket.create_connection(('127.0.0.1', l6.getsockname()[1])); a6, _ = l6.accept(); keep += [c6, a6]   # v4-mapped loopback
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u.connect(('10.1.2.3', 5353)); keep.append(u)
u6 = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM); u6.bind(('::1', 0)); u6.connect(('::1', 53)); keep.append(u6)  # dropped
print('ports', l4.getsockname()[1], c.getsockname()[1], l6.getsockname()[1], u.getsockname()[1], file=sys.stderr)

def op(code, yes, no): return struct.pack('=BBH', code, yes, no)
def cond(family, prefix, addr): return struct.pack('=BBxxi', family, prefix, -1) + addr
bc = (op(8, 16, 20) + cond(2, 8, bytes([127, 0, 0, 0])) + op(1, 4, 40)
      + op(8, 28, 32) + cond(10, 128, bytes(15) + b'\x01') + op(1, 4, 8))
def request(seq, family, proto, states):
    body = struct.pack('=BBBBI', family, proto, 0, 0, states) + bytes(48)
    attr = struct.pack('=HH', 4 + len(bc), 1) + bc
    total = 16 + len(body) + len(attr)
    return struct.pack('=IHHII', total, 20, 0x301, seq, 0) + body + attr
s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 4)
for seq, name, family, proto, states in [(1, 'tcp4', 2, 6, (1 << 1) | (1 << 10)), (2, 'tcp6', 10, 6, (1 << 1) | (1 << 10)),
                                         (3, 'udp4', 2, 17, 0xFFFFFFFF), (4, 'udp6', 10, 17, 0xFFFFFFFF)]:
    req = request(seq, family, proto, states)
    open(f'{out}/{name}-request.bin', 'wb').write(req)
    s.send(req)
    reply = b''
    while True:
        chunk = s.recv(65536)
        reply += chunk
        # The dump ends with NLMSG_DONE (or NLMSG_ERROR) somewhere in a chunk.
        at, done = 0, False
        while at + 16 <= len(chunk):
            ln, typ = struct.unpack_from('=IH', chunk, at)
            if typ in (2, 3): done = True
            at += (ln + 3) & ~3
        if done: break
    open(f'{out}/{name}-reply.bin', 'wb').write(reply)
    print(name, len(reply), 'bytes', file=sys.stderr)

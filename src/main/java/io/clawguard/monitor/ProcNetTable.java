package io.clawguard.monitor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads one of {@code /proc/net/{tcp,tcp6,udp,udp6}} straight from its bytes through one
 * fixed buffer: no regex, no split, no string or object per row, so a table of 40,000 rows
 * costs one pass over the text and the same memory as a table of ten.
 *
 * <p>A row reads {@code sl: local:port remote:port st tx:rx tr:when retrnsmt uid timeout inode
 * ...}, addresses in hex as the kernel's 32-bit words print on this host (reversed on a
 * little-endian one), ports and state in hex, uid and inode in decimal. The first line is the
 * header. A row that does not read so is an error, never skipped: a scan that misread the
 * kernel would report fewer sockets than there are.
 */
final class ProcNetTable {
    private static final int BUFFER_BYTES = 1 << 16;

    private final byte[] buffer = new byte[BUFFER_BYTES];
    private final SocketRow row = new SocketRow();

    /** Hands every row of {@code file} to {@code sink}; {@code order} is how this host lays out a word. */
    void read(Path file, Protocol protocol, ByteOrder order, KernelSockets.RowSink sink) throws IOException {
        Cursor c = new Cursor(buffer, order == ByteOrder.LITTLE_ENDIAN);
        row.protocol = protocol;
        try (InputStream in = Files.newInputStream(file)) {
            int filled = 0;
            int line = 0;
            boolean end = false;
            while (!end) {
                int n = in.read(buffer, filled, buffer.length - filled);
                end = n < 0;
                filled += Math.max(n, 0);
                int start = 0;
                for (int stop = next(start, filled, end); stop >= 0; stop = next(start, filled, end)) {
                    line++;
                    if (line > 1) {
                        if (!c.parse(start, stop, row)) {
                            throw new IOException(file + " line " + line + " is not a socket row: "
                                    + new String(buffer, start, Math.min(stop - start, 120), StandardCharsets.US_ASCII).strip());
                        }
                        sink.accept(row);
                    }
                    start = Math.min(stop + 1, filled);
                }
                System.arraycopy(buffer, start, buffer, 0, filled - start);
                filled -= start;
                if (filled == buffer.length) {
                    throw new IOException(file + " line " + (line + 1) + " is longer than " + buffer.length + " bytes");
                }
            }
        }
    }

    /** Where the line from {@code start} ends, or -1 when it is not all in the buffer yet. */
    private int next(int start, int filled, boolean end) {
        for (int i = start; i < filled; i++) {
            if (buffer[i] == '\n') {
                return i;
            }
        }
        return end && start < filled ? filled : -1;
    }

    /** The parse of one row: a position moving through the buffer. */
    static final class Cursor {
        private final byte[] text;
        private final boolean littleEndian;
        private int at;
        private int end;

        Cursor(byte[] text, boolean littleEndian) {
            this.text = text;
            this.littleEndian = littleEndian;
        }

        /** Decodes the row between {@code from} and {@code to} into {@code row}; false when it does not read. */
        boolean parse(int from, int to, SocketRow row) {
            at = from;
            end = to;
            if (!skipField()) {
                return false;
            }
            int localDigits = hexRun();
            if (localDigits != 8 && localDigits != 32) {
                return false;
            }
            row.ipv6 = localDigits == 32;
            row.localHigh = row.ipv6 ? words(at - 32, 2) : 0;
            row.localLow = row.ipv6 ? words(at - 16, 2) : word(at - 8) & 0xFFFF_FFFFL;
            row.localPort = port();
            skipSpaces();
            if (hexRun() != localDigits) {
                return false;
            }
            row.remoteHigh = row.ipv6 ? words(at - 32, 2) : 0;
            row.remoteLow = row.ipv6 ? words(at - 16, 2) : word(at - 8) & 0xFFFF_FFFFL;
            row.remotePort = port();
            skipSpaces();
            row.state = (int) hex(2);
            // tx_queue:rx_queue, tr:tm->when and retrnsmt say nothing about who talks to whom.
            for (int i = 0; i < 3; i++) {
                if (!skipField()) {
                    return false;
                }
            }
            row.uid = decimal();
            if (row.uid < 0 || !skipField()) {
                return false;
            }
            row.inode = decimal();
            return row.localPort >= 0 && row.remotePort >= 0 && row.state >= 0 && row.inode >= 0;
        }

        /** Moves past the next field and the spaces after it; false when there is none. */
        private boolean skipField() {
            skipSpaces();
            int start = at;
            while (at < end && text[at] != ' ') {
                at++;
            }
            boolean found = at > start;
            skipSpaces();
            return found;
        }

        private void skipSpaces() {
            while (at < end && text[at] == ' ') {
                at++;
            }
        }

        /** The count of hex digits from here (the cursor moves past them). */
        private int hexRun() {
            int start = at;
            while (at < end && digit(text[at]) >= 0) {
                at++;
            }
            return at - start;
        }

        /** {@code ":PPPP"} after an address: the port, or -1. */
        private int port() {
            if (at >= end || text[at] != ':') {
                return -1;
            }
            at++;
            int start = at;
            int value = (int) hex(4);
            return at - start == 4 && (at == end || text[at] == ' ') ? value : -1;
        }

        /** Exactly {@code digits} hex digits from here, or -1. */
        private long hex(int digits) {
            long value = 0;
            for (int i = 0; i < digits; i++, at++) {
                int d = at < end ? digit(text[at]) : -1;
                if (d < 0) {
                    return -1;
                }
                value = value << 4 | d;
            }
            return value;
        }

        /** A decimal field and the spaces after it, or -1. */
        private long decimal() {
            long value = 0;
            int start = at;
            while (at < end && text[at] >= '0' && text[at] <= '9' && at - start < 18) {
                value = value * 10 + (text[at++] - '0');
            }
            boolean whole = at > start && (at == end || text[at] == ' ');
            skipSpaces();
            return whole ? value : -1;
        }

        /** {@code count} words from {@code from}, in network order, as one long. */
        private long words(int from, int count) {
            long value = 0;
            for (int i = 0; i < count; i++) {
                value = value << 32 | word(from + 8 * i) & 0xFFFF_FFFFL;
            }
            return value;
        }

        /** The 32-bit word printed in 8 hex digits at {@code from}, in network order. */
        private int word(int from) {
            int value = 0;
            for (int i = 0; i < 8; i++) {
                value = value << 4 | digit(text[from + i]);
            }
            return littleEndian ? Integer.reverseBytes(value) : value;
        }

        private static int digit(byte b) {
            if (b >= '0' && b <= '9') {
                return b - '0';
            }
            if (b >= 'A' && b <= 'F') {
                return b - 'A' + 10;
            }
            return b >= 'a' && b <= 'f' ? b - 'a' + 10 : -1;
        }
    }
}

package io.clawguard.wire;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Reads and writes {@link Frame}s. Writes are whole frames under one lock, so the threads that
 * pump a command's output and the one that answers never interleave their bytes.
 */
public final class FrameStream {
    private final DataInputStream in;
    private final OutputStream out;
    private final Object writeLock = new Object();

    public FrameStream(InputStream in, OutputStream out) {
        this.in = new DataInputStream(in);
        this.out = out;
    }

    /** The next frame; null at a clean end of stream. A torn or oversized frame is an error. */
    public Frame read() throws IOException, ProtocolException {
        int type = in.read();
        if (type < 0) {
            return null;
        }
        try {
            int length = in.readInt();
            if (length < 0 || length > Frame.MAX_PAYLOAD) {
                throw new ProtocolException("frame of " + length + " bytes (at most " + Frame.MAX_PAYLOAD + ")");
            }
            byte[] payload = new byte[length];
            in.readFully(payload);
            return new Frame((byte) type, payload);
        } catch (EOFException e) {
            throw new ProtocolException("the stream ended inside a frame");
        }
    }

    public void write(Frame frame) throws IOException {
        byte[] p = frame.payload();
        byte[] head = {frame.type(), (byte) (p.length >>> 24), (byte) (p.length >>> 16), (byte) (p.length >>> 8),
                (byte) p.length};
        synchronized (writeLock) {
            out.write(head);
            out.write(p);
            out.flush();
        }
    }

    /** Writes {@code bytes} as frames of {@code type}, split at the payload limit. */
    public void write(byte type, byte[] bytes, int length) throws IOException {
        for (int at = 0; at < length; at += Frame.MAX_PAYLOAD) {
            int n = Math.min(Frame.MAX_PAYLOAD, length - at);
            byte[] chunk = new byte[n];
            System.arraycopy(bytes, at, chunk, 0, n);
            write(new Frame(type, chunk));
        }
    }
}

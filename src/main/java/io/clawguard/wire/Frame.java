package io.clawguard.wire;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One message on the agent socket: a type byte, a 4-byte length and at most
 * {@link #MAX_PAYLOAD} bytes. The requester sends {@code REQUEST} (a JSON object), then, once
 * the command has {@code STARTED}, its standard input in {@code STDIN} frames (never more than
 * the window the broker granted) and {@code STDIN_END}. The broker sends {@code NOTICE} lines
 * while the request waits, {@code STARTED} with the first window, {@code WINDOW} as the
 * command reads, {@code STDOUT} and {@code STDERR} as the command writes, and last
 * {@code EXIT}: the exit code and, when refused, why.
 */
public record Frame(byte type, byte[] payload) {
    public static final int MAX_PAYLOAD = 64 * 1024;

    public static final byte REQUEST = 'R';
    public static final byte STDIN = 'I';
    public static final byte STDIN_END = 'Z';
    public static final byte NOTICE = 'N';
    public static final byte STARTED = 'S';
    public static final byte WINDOW = 'W';
    public static final byte STDOUT = 'O';
    public static final byte STDERR = 'E';
    public static final byte EXIT = 'X';

    private static final byte[] NONE = new byte[0];

    public Frame {
        if (payload.length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("frame payload of " + payload.length + " bytes");
        }
    }

    public static Frame empty(byte type) {
        return new Frame(type, NONE);
    }

    public static Frame text(byte type, String text) {
        return new Frame(type, text.getBytes(StandardCharsets.UTF_8));
    }

    /** A window grant: how many more stdin bytes the requester may send. */
    public static Frame window(byte type, int bytes) {
        return new Frame(type, ByteBuffer.allocate(4).putInt(bytes).array());
    }

    /** The last frame: the exit code, then an optional message for the requester. */
    public static Frame exit(int code, String message) {
        byte[] text = message == null ? NONE : message.getBytes(StandardCharsets.UTF_8);
        int room = Math.min(text.length, MAX_PAYLOAD - 4);
        return new Frame(EXIT, ByteBuffer.allocate(4 + room).putInt(code).put(text, 0, room).array());
    }

    public String text() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    /** The number at the start of a {@code WINDOW}, {@code STARTED} or {@code EXIT} frame. */
    public int number() throws ProtocolException {
        if (payload.length < 4) {
            throw new ProtocolException("a '" + (char) type + "' frame needs a 4-byte number");
        }
        return ByteBuffer.wrap(payload).getInt();
    }

    /** The message of an {@code EXIT} frame; empty when there is none. */
    public String exitMessage() {
        return payload.length <= 4 ? "" : new String(payload, 4, payload.length - 4, StandardCharsets.UTF_8);
    }
}

package io.clawguard.broker;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.clawguard.approval.Recording;
import io.clawguard.audit.RecordingCheck;
import io.clawguard.files.AtomicFile;
import io.clawguard.files.PrivateDirectory;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * Records one approved run as an asciicast v2 file (asciinema's format: a JSON header line, then
 * one {@code [seconds, code, text]} line per event), so existing players replay it: what the
 * command wrote to stdout and stderr as {@code "o"}, what the requester sent it as {@code "i"}.
 * Bytes are decoded as UTF-8 per stream, a character split between two writes kept whole. Past
 * the size limit the recording stops with a {@code "m"} marker saying so, and the run's record
 * says it was cut.
 */
final class RunRecorder implements CommandRelay.Tap {
    private final Path file;
    private final long maxBytes;
    private final long startNanos = System.nanoTime();
    private final OutputStream out;
    private final JsonFactory json = new JsonFactory();
    private final CharsetDecoder[] decoders = new CharsetDecoder[3];
    /** Per stream, the start of a character the last write split: decoded with the next write. */
    private final byte[][] leftover = {new byte[0], new byte[0], new byte[0]};
    private long recorded;
    private boolean truncated;
    private boolean closed;

    private RunRecorder(Path file, long maxBytes, OutputStream out) {
        this.file = file;
        this.maxBytes = maxBytes;
        this.out = out;
        for (int i = 0; i < decoders.length; i++) {
            decoders[i] = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE);
        }
    }

    /** A recording for run {@code requestId} in {@code folder} (made owner-only), headed with the command. */
    static RunRecorder start(Path folder, String requestId, String command, long maxBytes, Instant at)
            throws IOException {
        PrivateDirectory.create(folder);
        Path file = folder.resolve(requestId + ".cast");
        OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS);
        Files.setPosixFilePermissions(file, AtomicFile.OWNER_ONLY);
        RunRecorder r = new RunRecorder(file, maxBytes, out);
        r.line(g -> {
            g.writeStartObject();
            g.writeNumberField("version", 2);
            g.writeNumberField("width", 80);
            g.writeNumberField("height", 24);
            g.writeNumberField("timestamp", at.getEpochSecond());
            g.writeStringField("title", "clawguard run " + requestId);
            g.writeStringField("command", command);
            g.writeEndObject();
        });
        return r;
    }

    @Override
    public synchronized void output(boolean stderr, byte[] bytes, int length) {
        event(stderr ? 2 : 1, "o", bytes, length);
    }

    @Override
    public synchronized void input(byte[] bytes) {
        event(0, "i", bytes, bytes.length);
    }

    private void event(int stream, String code, byte[] bytes, int length) {
        if (closed || truncated) {
            return;
        }
        if (recorded + length > maxBytes) {
            truncated = true;
            write("m", "clawguard: recording cut at " + maxBytes + " bytes (recording_max_mb)");
            return;
        }
        recorded += length;
        byte[] held = leftover[stream];
        ByteBuffer in = ByteBuffer.allocate(held.length + length).put(held).put(bytes, 0, length).flip();
        CharBuffer text = CharBuffer.allocate(in.remaining() + 4);
        decoders[stream].decode(in, text, false);
        leftover[stream] = new byte[in.remaining()];
        in.get(leftover[stream]);
        text.flip();
        if (text.hasRemaining()) {
            write(code, text.toString());
        }
    }

    private void write(String code, String text) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        try {
            line(g -> {
                g.writeStartArray();
                g.writeNumber(Math.round(seconds * 1e6) / 1e6);
                g.writeString(code);
                g.writeString(text);
                g.writeEndArray();
            });
        } catch (IOException e) {
            // A recording that cannot be written is cut, and the record says so; the run goes on.
            truncated = true;
        }
    }

    @FunctionalInterface
    private interface Writer {
        void write(JsonGenerator g) throws IOException;
    }

    private void line(Writer w) throws IOException {
        JsonGenerator g = json.createGenerator(out);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        w.write(g);
        g.flush();
        out.write('\n');
    }

    /** Closes the file and says what it holds: path, SHA-256, size, whether it was cut. */
    synchronized Recording finish() throws IOException {
        closed = true;
        out.close();
        return new Recording(file.toString(), RecordingCheck.sha256(file), Files.size(file), truncated, null);
    }
}

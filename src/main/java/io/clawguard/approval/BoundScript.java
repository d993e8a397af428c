package io.clawguard.approval;

import io.clawguard.audit.AuditChain;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A script argument bound by content at request time: its place in the argv, the path as the
 * requester wrote it and where that led, the bytes read then and their SHA-256. The broker runs
 * a copy of exactly these bytes from its own spool, so what the admin approved is what runs,
 * whatever happens to the file after the read.
 */
record BoundScript(int argvIndex, String prefix, String path, String realPath, byte[] content, String sha256) {
    static BoundScript of(int argvIndex, String prefix, String path, String realPath, byte[] content) {
        return new BoundScript(argvIndex, prefix, path, realPath, content.clone(), AuditChain.sha256(content));
    }

    /** As the console shows it. */
    String shown() {
        return path + (path.equals(realPath) ? "" : " → " + realPath) + "  sha256 " + sha256 + "  " + content.length
                + " bytes";
    }

    /**
     * The bytes the broker will run, for the admin to read: the hash alone lets the agent show a
     * harmless file when the admin looks and have bound another. Bytes that are not UTF-8 are
     * replaced by U+FFFD here (the hash still names the exact bytes) and the text says so.
     */
    String text() {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            return "(not UTF-8 text: undecodable bytes shown as \ufffd)\n" + new String(content, StandardCharsets.UTF_8);
        }
    }

    Map<String, Object> audited() {
        return Map.of("path", path, "real_path", realPath, "sha256", sha256, "bytes", (long) content.length);
    }
}

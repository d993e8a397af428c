package io.clawguard.approval;

import io.clawguard.audit.AuditChain;
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

    Map<String, Object> audited() {
        return Map.of("path", path, "real_path", realPath, "sha256", sha256, "bytes", (long) content.length);
    }
}

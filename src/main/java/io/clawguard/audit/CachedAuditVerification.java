package io.clawguard.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Verifies the audit log again only when it or its head file changed (size, modification time,
 * inode or change time differ): the console's scorecard asks every few seconds, and re-reading a large
 * log that nothing touched would be wasted work. Any change, append or edit, means a full
 * verification.
 */
public final class CachedAuditVerification {
    private final Path file;
    private List<Map<String, Object>> lastKey;
    private AuditVerification last;

    public CachedAuditVerification(Path file) {
        this.file = file;
    }

    public synchronized AuditVerification verify() throws IOException {
        // The head file is half of the answer: rewriting or deleting it alone must be noticed too.
        List<Map<String, Object>> key = List.of(attributes(file), attributes(AuditHead.fileFor(file)));
        if (last == null || !key.equals(lastKey)) {
            last = AuditVerifier.verify(file);
            lastKey = key;
        }
        return last;
    }

    private static Map<String, Object> attributes(Path f) throws IOException {
        try {
            return Files.readAttributes(f, "unix:size,lastModifiedTime,ino,ctime", LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return Map.of();
        }
    }
}

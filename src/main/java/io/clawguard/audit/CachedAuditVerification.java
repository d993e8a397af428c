package io.clawguard.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Verifies the audit log again only when the file changed (size, modification time, inode or
 * change time differ): the console's scorecard asks every few seconds, and re-reading a large
 * log that nothing touched would be wasted work. Any change, append or edit, means a full
 * verification.
 */
public final class CachedAuditVerification {
    private final Path file;
    private Map<String, Object> lastKey;
    private AuditVerification last;

    public CachedAuditVerification(Path file) {
        this.file = file;
    }

    public synchronized AuditVerification verify() throws IOException {
        Map<String, Object> key;
        try {
            key = Files.readAttributes(file, "unix:size,lastModifiedTime,ino,ctime", LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            key = Map.of();
        }
        if (last == null || !key.equals(lastKey)) {
            last = AuditVerifier.verify(file);
            lastKey = key;
        }
        return last;
    }
}

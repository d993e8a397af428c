package io.clawguard.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A file as the kernel knows it: device and inode, the same whatever name reaches it. */
public record FileIdentity(long device, long inode) {

    /** The identity of what {@code path} names now (symlinks followed). */
    public static FileIdentity of(Path path) throws IOException {
        Map<String, Object> a = Files.readAttributes(path, "unix:dev,ino");
        return new FileIdentity((Long) a.get("dev"), (Long) a.get("ino"));
    }

    @Override
    public String toString() {
        return device + ":" + inode;
    }
}

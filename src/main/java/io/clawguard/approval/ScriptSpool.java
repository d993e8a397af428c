package io.clawguard.approval;

import io.clawguard.files.AtomicFile;
import io.clawguard.files.PrivateDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The broker's own copies of bound scripts, one folder per run under {@code spool/} in the
 * state folder (owner-only, as the state folder): the interpreter is handed the copy, so the
 * file the requester named can change all it likes after the read. Removed when the run ends.
 * The copy keeps the script's base name; what the script loads beside itself is not bound, and
 * is looked for beside the copy, in a folder the requester cannot write.
 */
final class ScriptSpool {
    private final Path root;

    ScriptSpool(Path stateDir) {
        this.root = stateDir.resolve("spool");
    }

    /** Writes the copies for run {@code requestId}; returns {@code runArgv} with each script argument pointing at its copy. */
    List<String> place(String requestId, List<String> runArgv, int argvOffset, List<BoundScript> scripts)
            throws IOException {
        if (scripts.isEmpty()) {
            return runArgv;
        }
        Path folder = root.resolve(requestId);
        PrivateDirectory.create(root);
        Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        List<String> argv = new ArrayList<>(runArgv);
        for (int i = 0; i < scripts.size(); i++) {
            BoundScript s = scripts.get(i);
            String base = Path.of(s.realPath()).getFileName().toString();
            Path copy = folder.resolve(i + "-" + base);
            Files.write(copy, s.content(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS);
            Files.setPosixFilePermissions(copy, AtomicFile.OWNER_ONLY);
            argv.set(argvOffset + s.argvIndex(), s.prefix() + copy);
        }
        return argv;
    }

    /** Where run {@code requestId}'s copies are. */
    Path folderOf(String requestId) {
        return root.resolve(requestId);
    }

    /** Removes run {@code requestId}'s copies; nothing to do for a run without scripts. */
    void clear(String requestId) throws IOException {
        Path folder = root.resolve(requestId);
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(folder);
    }
}

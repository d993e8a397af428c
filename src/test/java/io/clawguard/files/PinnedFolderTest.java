package io.clawguard.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder held open: whatever is renamed or symlinked meanwhile, the handle reaches that very folder. */
class PinnedFolderTest {
    @TempDir
    Path root;

    @Test
    void theHandleStillReachesTheFolderAfterItWasRenamedAndReplacedBySymlink() throws Exception {
        Path work = Files.createDirectories(root.resolve("work"));
        Path victim = Files.createDirectories(root.resolve("victim"));
        Process sleeper = new ProcessBuilder("/usr/bin/sleep", "30").directory(work.toFile()).start();
        try (PinnedFolder pinned = PinnedFolder.ofProcessCwd(sleeper.pid(), ProcessIdentity.uid())) {
            assertThat(pinned.shownAs()).isEqualTo(work.toRealPath());
            FileIdentity before = FileIdentity.of(work);
            Files.move(work, root.resolve("work.old"));
            Files.createSymbolicLink(work, victim);
            assertThat(FileIdentity.of(pinned.handle())).isEqualTo(before).isEqualTo(pinned.identity());
            Files.writeString(pinned.handle().resolve("through-the-handle"), "x");
            assertThat(root.resolve("work.old").resolve("through-the-handle")).exists();
            assertThat(victim.resolve("through-the-handle")).doesNotExist();
        } finally {
            sleeper.destroyForcibly().waitFor();
        }
    }

    @Test
    void aProcessThatIsGoneHasNoFolderToPin() throws Exception {
        Process done = new ProcessBuilder("/usr/bin/true").start();
        done.waitFor();
        long pid = done.pid();
        assertThatThrownBy(() -> PinnedFolder.ofProcessCwd(pid, ProcessIdentity.uid()))
                .hasMessageContaining("cannot be read");
    }

    @Test
    void aPidThatNowBelongsToAnotherUserIsNotTheRequesters() throws Exception {
        Path work = Files.createDirectories(root.resolve("work"));
        Process other = new ProcessBuilder("/usr/bin/setpriv", "--reuid", "4242", "--regid", "4242", "--clear-groups",
                "/usr/bin/sleep", "30").directory(work.toFile()).start();
        try {
            for (int i = 0; i < 200 && !Files.readString(Path.of("/proc", Long.toString(other.pid()), "comm")).strip()
                    .equals("sleep"); i++) {
                Thread.sleep(10);
            }
            assertThatThrownBy(() -> PinnedFolder.ofProcessCwd(other.pid(), ProcessIdentity.uid()))
                    .hasMessageContaining("is no longer the process that connected (it runs as uid 4242");
            try (PinnedFolder pinned = PinnedFolder.ofProcessCwd(other.pid(), 4242)) {
                assertThat(pinned.shownAs()).isEqualTo(work.toRealPath());
            }
        } finally {
            other.destroyForcibly().waitFor();
        }
    }

    @Test
    void aDeletedWorkingFolderIsRefused() throws Exception {
        Path gone = Files.createDirectories(root.resolve("gone"));
        Process sleeper = new ProcessBuilder("/usr/bin/sleep", "30").directory(gone.toFile()).start();
        try {
            Files.delete(gone);
            assertThatThrownBy(() -> PinnedFolder.ofProcessCwd(sleeper.pid(), ProcessIdentity.uid()))
                    .hasMessageContaining("gone");
        } finally {
            sleeper.destroyForcibly().waitFor();
        }
    }

    @Test
    void aFolderThatIsAnotherOneOutsideTheRequestersOwnMountNamespaceIsRefused() throws Exception {
        Path mine = Files.createDirectories(root.resolve("mine"));
        Path shown = Files.createDirectories(root.resolve("etc"));
        Files.writeString(mine.resolve("passwd"), "root:x:0:0:FAKE");
        // The requester's own view: its folder mounted over a name that means something else to everyone else.
        Process p = new ProcessBuilder("/usr/bin/unshare", "-m", "--propagation", "private", "/bin/sh", "-c",
                "mount --bind " + mine + " " + shown + " && cd " + shown + " && exec /usr/bin/sleep 30").start();
        try {
            for (int i = 0; i < 200 && !Files.readString(Path.of("/proc", Long.toString(p.pid()), "comm")).strip()
                    .equals("sleep"); i++) {
                Thread.sleep(10);
            }
            assertThatThrownBy(() -> PinnedFolder.ofProcessCwd(p.pid(), ProcessIdentity.uid()))
                    .hasMessageContaining("is not what " + shown.toRealPath() + " is outside the requester's own view");
        } finally {
            p.destroyForcibly().waitFor();
        }
    }
}

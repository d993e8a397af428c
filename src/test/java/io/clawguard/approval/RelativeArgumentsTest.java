package io.clawguard.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A relative argument shown where the kernel would take it, not where its text seems to point. */
class RelativeArgumentsTest {
    @TempDir
    Path root;

    @Test
    void symlinksAreFollowedBeforeDotDot() throws Exception {
        Path work = Files.createDirectories(root.resolve("work"));
        Path ssh = Files.createDirectories(root.resolve("etc").resolve("ssh"));
        Files.writeString(root.resolve("etc").resolve("shadow"), "secret");
        Files.createSymbolicLink(work.resolve("lnk"), ssh);
        Files.createSymbolicLink(work.resolve("notes.txt"), root.resolve("etc").resolve("shadow"));
        List<String> shown = RelativeArguments.resolve(List.of("/usr/bin/cat", "lnk/../shadow", "notes.txt", "-n",
                "new/file", "nginx"), work);
        Path etc = root.resolve("etc").toRealPath();
        assertThat(shown).containsExactly("", etc.resolve("shadow").toString(), etc.resolve("shadow").toString(), "",
                work.toRealPath().resolve("new/file").toString(), "");
    }
}

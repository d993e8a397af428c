package io.clawguard.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A path argument shown where the kernel would take it, not where its text seems to point, and
 * flagged when the requester can swap what it names. Runs as root, so folders are handed to a
 * made-up agent uid with chown.
 */
class ArgumentPathsTest {
    private static final int AGENT = 4242;

    @TempDir
    Path root;

    private Path agentsFolder(String name) throws Exception {
        Path p = Files.createDirectories(root.resolve(name));
        Files.setAttribute(p, "unix:uid", AGENT);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
        return p;
    }

    private Path rootsFolder(String name) throws Exception {
        Path p = Files.createDirectories(root.resolve(name));
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    @Test
    void symlinksAreFollowedBeforeDotDot() throws Exception {
        Path work = agentsFolder("work");
        Path ssh = Files.createDirectories(root.resolve("etc").resolve("ssh"));
        Files.writeString(root.resolve("etc").resolve("shadow"), "secret");
        Files.createSymbolicLink(work.resolve("lnk"), ssh);
        Files.createSymbolicLink(work.resolve("notes.txt"), root.resolve("etc").resolve("shadow"));
        List<String> shown = ArgumentPaths.of(List.of("/usr/bin/cat", "lnk/../shadow", "notes.txt", "-n",
                "new/file", "nginx"), work, AGENT).resolved();
        Path etc = root.resolve("etc").toRealPath();
        assertThat(shown).containsExactly("", etc.resolve("shadow").toString(), etc.resolve("shadow").toString(), "",
                work.toRealPath().resolve("new/file").toString(), "");
    }

    @Test
    void anAbsoluteArgumentIsWrittenOutOnlyWhereItLeadsElsewhere() throws Exception {
        Path work = agentsFolder("work");
        Path secret = Files.writeString(rootsFolder("etc").resolve("shadow"), "secret");
        Files.createSymbolicLink(work.resolve("innocent.txt"), secret);
        Path plain = Files.writeString(rootsFolder("srv").resolve("plain.txt"), "x");
        ArgumentPaths.Shown shown = ArgumentPaths.of(List.of("/usr/bin/cat", work.resolve("innocent.txt").toString(),
                plain.toString()), root, AGENT);
        assertThat(shown.resolved()).containsExactly("", secret.toRealPath().toString(), "");
    }

    @Test
    void whatTheRequesterCanSwapIsFlaggedAndWhatItCannotIsNot() throws Exception {
        Path work = agentsFolder("work");
        Path srv = rootsFolder("srv");
        Files.writeString(srv.resolve("app.conf"), "x");
        Files.writeString(work.resolve("build.log"), "x");
        Path sticky = Files.createDirectories(root.resolve("tmp"));
        Files.setPosixFilePermissions(sticky, PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.setAttribute(sticky, "unix:mode", 01777);
        Files.writeString(sticky.resolve("roots.lock"), "x");
        Path agents = Files.writeString(sticky.resolve("agents.lock"), "x");
        Files.setAttribute(agents, "unix:uid", AGENT);
        Files.createSymbolicLink(srv.resolve("through-agent"), work.resolve("build.log"));

        ArgumentPaths.Shown shown = ArgumentPaths.of(List.of("/usr/bin/cp",
                "build.log",                                    // 1: in the agent's own folder
                srv.resolve("app.conf").toString(),             // 2: a root folder all the way
                sticky.resolve("roots.lock").toString(),        // 3: sticky folder, root's entry
                sticky.resolve("agents.lock").toString(),       // 4: sticky folder, the agent's entry
                sticky.resolve("not-yet").toString(),           // 5: sticky folder, free to create
                srv.resolve("through-agent").toString(),        // 6: a root symlink into the agent's folder
                "--verbose"), work, AGENT);
        assertThat(shown.changeable()).containsExactly(1, 4, 5, 6);
    }

    @Test
    void aSwapAfterTheFirstLookIsNamed() throws Exception {
        Path work = agentsFolder("work");
        Files.writeString(work.resolve("zz"), "mine");
        Path secret = Files.writeString(rootsFolder("etc").resolve("shadow"), "secret");
        List<String> argv = List.of("/usr/bin/cat", "zz");
        ArgumentPaths.Shown before = ArgumentPaths.of(argv, work, AGENT);
        assertThat(before.firstChange(ArgumentPaths.of(argv, work, AGENT), argv)).isNull();

        Files.delete(work.resolve("zz"));
        Files.createSymbolicLink(work.resolve("zz"), secret);
        assertThat(before.firstChange(ArgumentPaths.of(argv, work, AGENT), argv))
                .contains("argument 1 (zz)", work.toRealPath().resolve("zz").toString(), secret.toRealPath().toString());
    }
}

package io.clawguard.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A path argument shown where the kernel would take it, not where its text seems to point, and
 * flagged when the requester can swap what it names. Runs as root, so folders are handed to a
 * made-up agent uid with chown.
 */
class ArgumentPathsTest {
    private static final int AGENT = 4242;
    /** nobody:nogroup, a uid whose primary group exists, for the group and process cases. */
    private static final int NOBODY = 65534;

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

    // Attacks (a review as the agent): the admin must not be shown one thing while the command opens another.

    /**
     * HIGH. Options that carry a path ({@code --output=PATH}, {@code -oPATH}, dd's {@code of=PATH})
     * are "left alone": nothing shown, nothing marked, nothing re-walked. {@code sort
     * --output=/home/agent/out} looks like a write into the agent's own folder; once approved the
     * agent swaps {@code out} for a symlink to /etc/sudoers and root writes there.
     */
    @Test
    void aPathCarriedByAnOptionIsMarkedWhenTheRequesterCanSwapIt() throws Exception {
        Path work = rootsFolder("srv");
        Path agents = agentsFolder("home-agent");
        String out = agents.resolve("out").toString();
        ArgumentPaths.Shown shown = ArgumentPaths.of(List.of("/usr/bin/sort",
                "--output=" + out,      // 1: GNU long option with an attached path
                "-o" + out,             // 2: short option with an attached path
                "of=" + out,            // 3: dd's operand form
                "/etc/hostname"), work, AGENT);
        assertThat(shown.changeable()).as("all three name a file in a folder the agent writes").contains(1, 2, 3);
    }

    /**
     * HIGH. A bare name counts as a path only when it exists when the request arrives. {@code tee
     * out.txt} in the agent's own folder is shown as no path at all and not marked; right after the
     * re-walk the agent creates {@code out.txt} as a symlink to /etc/sudoers and tee (as root)
     * writes through it. Creating files by bare name is what tee, sort -o, cp, touch, install do.
     */
    @Test
    void aBareNameThatDoesNotExistYetInTheAgentsFolderIsMarked() throws Exception {
        Path work = agentsFolder("work");
        ArgumentPaths.Shown shown = ArgumentPaths.of(List.of("/usr/bin/tee", "out.txt"), work, AGENT);
        assertThat(shown.changeable()).as("the agent can create out.txt as a symlink at will").containsExactly(1);
    }

    /**
     * HIGH. Write access through a group is ignored: only the owner's bit and the other bit are
     * read. A folder root:nogroup 0770 is writable by nobody (its primary group is nogroup), yet an
     * argument in it is not marked. (POSIX ACLs granting the agent write are ignored the same way.)
     */
    @Test
    void aFolderTheRequesterWritesThroughItsGroupIsMarked() throws Exception {
        Path shared = Files.createDirectories(root.resolve("shared"));
        Files.setAttribute(shared, "unix:gid", NOBODY);
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwx---"));
        Files.writeString(shared.resolve("app.conf"), "x");
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        ArgumentPaths.Shown shown = ArgumentPaths.of(List.of("/usr/bin/cp", "/etc/hostname",
                shared.resolve("app.conf").toString()), root, NOBODY);
        assertThat(shown.changeable()).as("nobody writes " + shared + " through its group nogroup").containsExactly(2);
    }

    /**
     * HIGH. A folder the requester owns but has made read-only (0555) is treated as safe, though
     * its owner can chmod it back at any moment and swap the entry.
     */
    @Test
    void aFolderTheRequesterOwnsIsMarkedEvenWithoutItsWriteBit() throws Exception {
        Path work = agentsFolder("work");
        Files.writeString(work.resolve("notes.txt"), "x");
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("r-xr-xr-x"));
        ArgumentPaths.Shown shown = ArgumentPaths.of(List.of("/usr/bin/chmod", "644", "notes.txt"), work, AGENT);
        assertThat(shown.changeable()).as("chmod u+w is the owner's right").containsExactly(2);
    }

    /**
     * HIGH. {@code /proc/self/...} is walked as the broker, but opened by the command: the broker's
     * cwd is shown while the command opens a file in its own working folder, which is the
     * requester's pinned folder. In the agent's own folder {@code /proc/self/cwd/notes.txt} is
     * shown as leading to the broker's cwd and not marked; the agent swaps {@code notes.txt}.
     */
    @Test
    void procSelfIsTheCommandNotTheBroker() throws Exception {
        Path work = agentsFolder("work");
        Files.writeString(work.resolve("notes.txt"), "x");
        ArgumentPaths.Shown shown = ArgumentPaths.of(List.of("/usr/bin/chmod", "644", "/proc/self/cwd/notes.txt"),
                work, AGENT);
        assertThat(shown.changeable()).as("for the command, /proc/self/cwd is " + work + ", the agent's")
                .containsExactly(2);
    }

    /**
     * CRITICAL. {@code /proc/PID/cwd}, {@code /proc/PID/root} and {@code /proc/PID/fd/N} of a
     * process the requester owns are links the requester changes with chdir, chroot (in a user
     * namespace) or dup2, but the walk reads them as plain symlinks in root-owned /proc folders.
     * The agent sits in /usr/share (root's), asks for {@code tee -a /proc/PID/cwd/passwd} (shown as
     * /usr/share/passwd, not marked), then chdirs to /etc after the re-walk. Here the agent's
     * process is a {@code sleep} run as nobody.
     */
    @Test
    void aProcLinkOfTheRequestersOwnProcessIsMarked() throws Exception {
        Path quiet = rootsFolder("usr-share");
        Process agent = new ProcessBuilder("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups",
                "sleep", "30").directory(quiet.toFile()).start();
        try {
            Path cwdLink = Path.of("/proc", Long.toString(agent.pid()), "cwd");
            for (int i = 0; i < 50 && !(Files.exists(cwdLink)
                    && (Integer) Files.getAttribute(Path.of("/proc", Long.toString(agent.pid())), "unix:uid") == NOBODY);
                 i++) {
                Thread.sleep(20);
            }
            assertThat(Files.readSymbolicLink(cwdLink)).isEqualTo(quiet.toRealPath());
            ArgumentPaths.Shown shown = ArgumentPaths.of(List.of("/usr/bin/tee", "-a", cwdLink.resolve("passwd")
                    .toString()), quiet, NOBODY);
            assertThat(shown.resolved().get(2)).isEqualTo(quiet.toRealPath().resolve("passwd").toString());
            assertThat(shown.changeable()).as("nobody moves its own cwd whenever it likes").containsExactly(2);
        } finally {
            agent.destroy();
            agent.waitFor(5, TimeUnit.SECONDS);
        }
    }

    /**
     * MEDIUM. {@code ..} is taken as the folder's parent now, but the command's {@code ..} is the
     * parent of the pinned folder when it opens it: the requester that can rename its working
     * folder (it writes the folder's parent) moves it under another folder after the re-walk.
     * {@code chown -R agent ..} is shown as the agent's home and not marked.
     */
    @Test
    void dotDotIsMarkedWhenTheRequesterCanMoveItsWorkingFolder() throws Exception {
        Path home = agentsFolder("home-agent");
        Path work = Files.createDirectories(home.resolve("work"));
        Files.setAttribute(work, "unix:uid", AGENT);
        ArgumentPaths.Shown shown = ArgumentPaths.of(List.of("/usr/bin/chown", "-R", "agent", ".."), work, AGENT);
        assertThat(shown.resolved().get(3)).isEqualTo(home.toRealPath().toString());
        assertThat(shown.changeable()).as("the agent can mv " + work + " under any folder it writes").containsExactly(3);
    }

    /**
     * LOW. A dangling symlink is shown as leading to itself (for an absolute argument: "where its
     * text says", nothing shown), yet opening it with O_CREAT creates its target. A root-owned
     * {@code /srv/drop -> /etc/cron.d/job} left behind by a removed package makes {@code cp x
     * /srv/drop} look like a write into /srv.
     */
    @Test
    void aDanglingSymlinkIsShownWhereItLeads() throws Exception {
        Path srv = rootsFolder("srv");
        Path cron = rootsFolder("cron.d");
        Path drop = Files.createSymbolicLink(srv.resolve("drop"), cron.resolve("job"));
        ArgumentPaths.Shown shown = ArgumentPaths.of(List.of("/usr/bin/cp", "/etc/hostname", drop.toString()), srv,
                AGENT);
        assertThat(shown.resolved().get(2)).as("root creates " + cron.resolve("job"))
                .isEqualTo(cron.toRealPath().resolve("job").toString());
    }

    @Test
    void anArgumentThatLooksLikeAnOptionsValueButNamesAFolderOfTheRequesterIsWalkedToo() throws Exception {
        Path work = rootsFolder("srv");
        Path trap = agentsFolder("srv/x=y");
        Files.createDirectories(trap.resolve("z"));
        ArgumentPaths.Shown shown = ArgumentPaths.of(List.of("/usr/bin/cat", "x=y/z", "of=/etc/hostname"), work, AGENT);
        assertThat(shown.changeable()).as("srv/x=y is the agent's").containsExactly(1);
        assertThat(shown.resolved().get(1)).contains(trap.toRealPath().resolve("z").toString());
        assertThat(shown.resolved().get(2)).as("dd's operand alone: no folder of= to walk into").isEmpty();
    }
}

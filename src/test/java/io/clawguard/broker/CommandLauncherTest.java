package io.clawguard.broker;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clawguard.approval.Verdict;
import io.clawguard.elevation.CommandBinding;
import io.clawguard.files.FileIdentity;
import io.clawguard.files.PinnedFolder;
import io.clawguard.files.ProcessIdentity;
import io.clawguard.policy.CommandPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A deny_children rule that nothing can check refuses the run: it is never run unwatched. */
class CommandLauncherTest {
    @TempDir
    Path root;

    @Test
    void withoutStraceADenyChildrenRuleRefusesTheRun() throws Exception {
        Path id = Path.of("/usr/bin/id").toRealPath();
        CommandBinding b = new CommandBinding(List.of("/usr/bin/id"), id.toString(), "/", null, 0,
                FileIdentity.of(id).toString(), FileIdentity.of(Path.of("/")).toString());
        CommandPolicy policy = new CommandPolicy(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), 256,
                65536, List.of(Pattern.compile("curl")), List.of());
        Verdict.Run run = new Verdict.Run("1-a-1", List.of(id.toString()), b, FileIdentity.of(id), null, Map.of(), false,
                Verdict.AfterCommand.DROP_ONCE, Duration.ofMinutes(30), policy);
        CommandLauncher launcher = new CommandLauncher(Path.of("/usr/bin/setsid"), Path.of("/usr/bin/setpriv"),
                Path.of("/bin/bash"), "/root", true, null, root.resolve("spool"), null);
        assertThatThrownBy(() -> launcher.start(run, PinnedFolder.ofProcessCwd(ProcessHandle.current().pid(),
                ProcessIdentity.uid()))).hasMessageContaining("deny_children").hasMessageContaining("strace is not installed");
    }
}

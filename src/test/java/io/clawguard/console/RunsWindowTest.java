package io.clawguard.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyType;
import io.clawguard.bus.AuditRecorded;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** r lists the finished runs; Enter on one shows what it printed, from its recording. */
class RunsWindowTest {
    @Test
    void enterOnAFinishedRunShowsItsRecording() {
        ConsoleRig rig = new ConsoleRig(120, 40);
        rig.bus.publish(new AuditRecorded(Map.of("action", "exec_finish", "ts_utc", "2026-11-24T12:00:00Z",
                "argv", List.of("/usr/bin/id"), "returncode", 0L, "request_id", "1a-2b-3", "seq", 5L), ConsoleRig.T0));
        rig.settle();
        rig.type("r");
        assertThat(rig.screen()).contains("Finished runs", "/usr/bin/id");
        rig.press(KeyType.Enter);
        assertThat(rig.screen()).contains("Run 1a-2b-3", "uid=0(root) gid=0(root)", "[recording of 1a-2b-3]");
    }

    @Test
    void withNoFinishedRunTheKeySaysSo() {
        ConsoleRig rig = new ConsoleRig(120, 40);
        rig.type("r");
        assertThat(rig.row(39)).contains("no finished run in the audit tail yet");
    }
}

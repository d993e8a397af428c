package io.clawguard.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the agent can write (its state folder, its processes, /tmp) turned against the scorecard:
 * each case is a way to a better score than the truth, a hung or exhausted assessment, or text
 * that would be obeyed in a report, and what the assessment makes of it.
 */
class ScorecardAttackTest {

    private static CheckResult result(PreparedHome h, String checkId) throws Exception {
        Assessment a = Assessor.builtIn().assess(h.signals(), PreparedHome.NOW, "test");
        return a.checks().stream().filter(s -> s.control().checkId().equals(checkId)).findFirst().orElseThrow().result();
    }

    @Test
    void settingsHiddenInAnIncludedFileAreNotJudgedAbsent(@TempDir Path root) throws Exception {
        PreparedHome h = new PreparedHome(root);
        // OpenClaw merges $include'd files into the config: the open channel lives in one the file only names.
        h.openclaw("{gateway: {bind: 'loopback'}, $include: './channels.json5'}");
        h.file(h.openclawDir.resolve("channels.json5"), "{channels: {telegram: {dmPolicy: 'open', allowFrom: ['*']}}}");
        CheckResult r = result(h, "channel_allowlist_configured");
        assertThat(r.status()).as(r.toString()).isNotIn(Status.NOT_APPLICABLE, Status.COMPLIANT);
        assertThat(r.status()).as(r.toString()).isIn(Status.VIOLATION, Status.ERROR);
    }
}

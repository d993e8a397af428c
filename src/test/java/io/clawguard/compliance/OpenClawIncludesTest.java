package io.clawguard.compliance;

import static io.clawguard.compliance.CheckCases.result;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A split openclaw.json is judged whole, merged as OpenClaw merges it, and refused where OpenClaw refuses it. */
class OpenClawIncludesTest {
    @TempDir
    Path root;

    private PreparedHome home(String config) {
        return new PreparedHome(root).openclaw(config);
    }

    private PreparedHome part(PreparedHome h, String name, String json5) {
        return h.file(h.openclawDir.resolve(name), json5);
    }

    @Test
    void keysBesideAnIncludeWinAndListsAddUp() throws Exception {
        PreparedHome h = home("{$include: ['./a.json5', './b.json5'], channels: {telegram: {allowFrom: ['2']}}}");
        part(h, "a.json5", "{channels: {telegram: {dmPolicy: 'open', allowFrom: ['1']}}}");
        part(h, "b.json5", "{channels: {telegram: {dmPolicy: 'allowlist'}}}");
        OpenClawSettings oc = h.signals().openclaw();
        assertThat(oc.at("channels.telegram.dmPolicy")).contains("allowlist");
        assertThat(oc.at("channels.telegram.allowFrom")).contains(java.util.List.of("1", "2"));
        assertThat(result(h, "channel_allowlist_configured").status()).isEqualTo(Status.COMPLIANT);
    }

    @Test
    void anIncludeInsideAnObjectBringsThatObject() throws Exception {
        PreparedHome h = home("{gateway: {$include: './gateway.json5'}}");
        part(h, "gateway.json5", "{bind: 'lan', auth: {mode: 'token'}}");
        assertThat(result(h, "gateway_loopback_only").status()).isEqualTo(Status.VIOLATION);
    }

    private void refused(PreparedHome h, String says) throws Exception {
        CheckResult r = result(h, "channel_allowlist_configured");
        assertThat(r.status()).as(r.toString()).isEqualTo(Status.ERROR);
        assertThat(r.evidence()).contains(says);
    }

    @Test
    void aPathOutsideTheConfigFolderIsRefused() throws Exception {
        PreparedHome h = home("{$include: '../elsewhere.json5'}");
        h.file(root.resolve("elsewhere.json5"), "{channels: {}}");
        refused(h, "outside");
    }

    @Test
    void aSymlinkOutOfTheConfigFolderIsRefused() throws Exception {
        PreparedHome h = home("{$include: './linked.json5'}");
        h.file(root.resolve("secret.json5"), "{channels: {}}");
        PreparedHome.link(h.openclawDir.resolve("linked.json5"), root.resolve("secret.json5"));
        refused(h, "through a symlink");
    }

    @Test
    void aLoopIsRefused() throws Exception {
        PreparedHome h = home("{$include: './a.json5'}");
        part(h, "a.json5", "{$include: './b.json5'}");
        part(h, "b.json5", "{$include: './a.json5'}");
        refused(h, "in a loop");
    }

    @Test
    void includesNestedTooDeepAreRefused() throws Exception {
        PreparedHome h = home("{$include: './d0.json5'}");
        for (int i = 0; i < 12; i++) {
            part(h, "d" + i + ".json5", "{$include: './d" + (i + 1) + ".json5'}");
        }
        part(h, "d12.json5", "{}");
        refused(h, "deeper than 10");
    }

    @Test
    void aFileNamedOverAndOverCostsABoundedNumberOfReads() throws Exception {
        // Each level names the next twice, within the depth allowed: 2^9 reads unless the count is capped.
        PreparedHome h = home("{$include: ['./l0.json5', './l0.json5']}");
        for (int i = 0; i < 8; i++) {
            part(h, "l" + i + ".json5", "{$include: ['./l" + (i + 1) + ".json5', './l" + (i + 1) + ".json5']}");
        }
        part(h, "l8.json5", "{}");
        refused(h, "more than 128 included files");
    }

    @Test
    void aFileOverTwoMebibytesIsRefused() throws Exception {
        PreparedHome h = home("{$include: './big.json5'}");
        part(h, "big.json5", "{pad: '" + "x".repeat(3 << 20) + "'}");
        refused(h, "larger than 2 MiB");
    }

    @Test
    void anIncludedFileThatIsNotJson5NamesTheFileNotItsText() throws Exception {
        PreparedHome h = home("{$include: './broken.json5'}");
        part(h, "broken.json5", "{token: sk-live-SECRETVALUE}");
        CheckResult r = result(h, "channel_allowlist_configured");
        assertThat(r.status()).isEqualTo(Status.ERROR);
        assertThat(r.toString()).contains("broken.json5").doesNotContain("SECRETVALUE");
    }

    @Test
    void mergingFollowsOpenClaw() {
        assertThat(OpenClawIncludes.merged(Map.of("a", java.util.List.of(1), "b", Map.of("c", 1, "d", 2), "e", 1),
                Map.of("a", java.util.List.of(2), "b", Map.of("c", 3), "e", "x")))
                .isEqualTo(Map.of("a", java.util.List.of(1, 2), "b", Map.of("c", 3, "d", 2), "e", "x"));
    }
}

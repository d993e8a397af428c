package io.clawguard.monitor;

import static io.clawguard.monitor.Sockets.connect;
import static io.clawguard.monitor.Sockets.listen;
import static io.clawguard.monitor.Sockets.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import io.clawguard.testing.TestHomes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineTest {
    @TempDir
    Path dir;

    private static final SocketSnapshot NOW = snapshot(
            List.of(listen(Protocol.TCP, "0.0.0.0", 22, "sshd"), listen(Protocol.TCP, "::", 22, "sshd"),
                    listen(Protocol.TCP, "127.0.0.1", 18789, "node"), listen(Protocol.UDP, "::1", 323, "chronyd")),
            List.of(connect(Protocol.TCP, "10.0.0.5", 50000, "203.0.113.9", 443, "node"),
                    connect(Protocol.TCP, "10.0.0.5", 22, "198.51.100.20", 61000, "sshd")));

    @Test
    void proposesOneRuleAListenerScopedToItsProgramAndBindAddress() throws Exception {
        List<BaselineItem> items = BaselineProposal.of(BaselineKind.PORTS, dir.resolve("approved_ports.json"), NOW);
        assertThat(items).extracting(BaselineItem::display).containsExactly(
                "port=22 protocol=tcp command=sshd", "port=18789 protocol=tcp command=node host=127.0.0.1",
                "port=323 protocol=udp command=chronyd host=::1");
        assertThat(items.get(1).origin()).contains("node (pid", "127.0.0.1:18789");
        assertThat(items).allMatch(BaselineItem::keep);
    }

    @Test
    void proposesEgressRulesFromOutboundConnectionsOnly() throws Exception {
        List<BaselineItem> items = BaselineProposal.of(BaselineKind.EGRESS, dir.resolve("egress_allowlist.json"), NOW);
        assertThat(items).extracting(BaselineItem::display)
                .containsExactly("protocol=tcp cidr=203.0.113.9/32 port=443 command=node");
    }

    @Test
    void theSavedFileHoldsExactlyWhatWasKeptAndLoadsBack() throws Exception {
        Path file = dir.resolve("approved_ports.json");
        BaselineReview review = new BaselineReview(BaselineKind.PORTS, BaselineProposal.of(BaselineKind.PORTS, file, NOW));
        review.toggle(2);
        review.comment(0, "admin SSH");
        BaselineStore.Change first = BaselineStore.save(file, review.items(), Sockets.T0);
        assertThat(first.backup()).isNull();
        assertThat(first.added()).hasSize(2);
        List<PortRule> rules = RuleFiles.ports(file).orElseThrow();
        assertThat(rules).containsExactly(new PortRule(22, Protocol.TCP, "sshd", null, "admin SSH"),
                new PortRule(18789, Protocol.TCP, "node", "127.0.0.1", null));
        assertThat(PortEvaluator.evaluate(NOW.listening().subList(0, 3), Optional.of(rules))).isEmpty();

        BaselineReview again = new BaselineReview(BaselineKind.PORTS, BaselineProposal.of(BaselineKind.PORTS, file,
                snapshot(List.of(listen(Protocol.TCP, "0.0.0.0", 22, "sshd")), List.of())));
        assertThat(again.items()).extracting(BaselineItem::inUse).containsExactly(true, false);
        assertThat(again.items().get(0).comment()).isEqualTo("admin SSH");
        again.toggle(1);
        BaselineStore.Change second = BaselineStore.save(file, again.items(), Sockets.T0.plusSeconds(60));
        assertThat(second.removed()).containsExactly("port=18789 protocol=tcp command=node host=127.0.0.1");
        assertThat(second.added()).isEmpty();
        assertThat(second.backup()).exists();
        assertThat(Files.readString(second.backup())).contains("18789");
        assertThat(RuleFiles.ports(file).orElseThrow()).hasSize(1);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }

    @Test
    void theSeedTemplateReviewsAsItIs() throws Exception {
        Path file = dir.resolve("approved_ports.json");
        TestHomes.write(file, TestHomes.resource("seed-format/approved_ports.template.json"));
        List<BaselineItem> items = BaselineProposal.of(BaselineKind.PORTS, file, NOW);
        assertThat(items).singleElement().satisfies(i -> {
            assertThat(i.display()).isEqualTo("port=18789 protocol=tcp command=node");
            assertThat(i.comment()).startsWith("OpenClaw gateway");
            assertThat(i.inUse()).isTrue();
        });
    }
}

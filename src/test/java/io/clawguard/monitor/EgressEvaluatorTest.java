package io.clawguard.monitor;

import static io.clawguard.monitor.Sockets.connect;
import static io.clawguard.monitor.Sockets.listen;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EgressEvaluatorTest {
    private static final HostResolver DNS = Sockets.resolver(
            Map.of("api.openai.com", List.of("104.18.33.45", "2606:4700::6812:212d"), "repo.example.org", List.of("198.51.100.7")),
            Map.of("140.82.112.3", "lb-140-82-112-3-iad.github.com"));

    private static final List<EgressRule> RULES = List.of(
            new EgressRule(0, Protocol.TCP, "api.openai.com", null, null, 443, null, "model API"),
            new EgressRule(1, Protocol.TCP, null, Pattern.compile("\\.github\\.com$", Pattern.CASE_INSENSITIVE), null, 443,
                    null, null),
            new EgressRule(2, Protocol.UDP, null, null, Cidr.parse("10.0.0.0/8"), 53, null, "DNS"),
            new EgressRule(3, Protocol.TCP, null, null, Cidr.parse("2001:db8::/32"), null, "curl", null),
            new EgressRule(4, Protocol.TCP, "repo.example.org", null, null, 443, "apt", null));

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("host rule via its resolved IPv4", connect(Protocol.TCP, "10.0.0.5", 50000, "104.18.33.45", 443, "node"), null),
                Arguments.of("host rule via its resolved IPv6", connect(Protocol.TCP, "2001:db8:1::5", 50000, "2606:4700::6812:212d", 443, "node"), null),
                Arguments.of("IPv4-mapped IPv6 peer", connect(Protocol.TCP, "::ffff:10.0.0.5", 50000, "::ffff:104.18.33.45", 443, "node"), null),
                Arguments.of("host rule, wrong port", connect(Protocol.TCP, "10.0.0.5", 50001, "104.18.33.45", 8443, "node"),
                        "rule [0] (tcp host api.openai.com port 443) allows this destination but port 443, not 8443"),
                Arguments.of("host_regex over the reverse name", connect(Protocol.TCP, "10.0.0.5", 50002, "140.82.112.3", 443, "git"), null),
                Arguments.of("UDP CIDR rule", connect(Protocol.UDP, "10.0.0.5", 50003, "10.9.9.9", 53, "systemd-resolve"), null),
                Arguments.of("CIDR rule is UDP only", connect(Protocol.TCP, "10.0.0.5", 50004, "10.9.9.9", 53, "dig"), "matches no rule"),
                Arguments.of("IPv6 CIDR with command", connect(Protocol.TCP, "2001:db8:1::5", 50005, "2001:db8:ff::1", 8080, "curl"), null),
                Arguments.of("IPv6 CIDR, other command", connect(Protocol.TCP, "2001:db8:1::5", 50006, "2001:db8:ff::1", 8080, "wget"),
                        "allows this destination but program curl, not wget"),
                Arguments.of("unknown destination", connect(Protocol.TCP, "10.0.0.5", 50007, "203.0.113.9", 443, "python3"),
                        "python3 (pid 54007) → tcp 203.0.113.9:443: matches no rule"),
                Arguments.of("command-limited host rule", connect(Protocol.TCP, "10.0.0.5", 50008, "198.51.100.7", 443, "apt"), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesTheAllowlist(String name, Connection c, String finding) {
        EgressReport r = EgressEvaluator.evaluate(Sockets.snapshot(List.of(), List.of(c)), Optional.of(RULES), DNS);
        assertThat(r.outbound()).containsExactly(c);
        if (finding == null) {
            assertThat(r.findings()).isEmpty();
        } else {
            assertThat(r.findings()).singleElement().satisfies(f -> {
                assertThat(f.kind()).isEqualTo(Finding.Kind.UNAPPROVED_EGRESS);
                assertThat(f.summary()).contains(finding);
            });
        }
    }

    @Test
    void inboundConnectionsToOwnListenersAndLoopbackAreNotEgress() {
        // Accepted by sshd's listener: the same user holds both sockets.
        Connection ssh = new Connection(Protocol.TCP, Sockets.ip("10.0.0.5"), 22, Sockets.ip("198.51.100.200"), 61000,
                4022, "sshd", "svc", true);
        Connection local = connect(Protocol.TCP, "127.0.0.1", 50100, "127.0.0.1", 18789, "node");
        Connection out = connect(Protocol.TCP, "10.0.0.5", 50101, "203.0.113.9", 443, "curl");
        EgressReport r = EgressEvaluator.evaluate(Sockets.snapshot(List.of(listen(Protocol.TCP, "0.0.0.0", 22, "sshd")),
                List.of(ssh, local, out)), Optional.of(RULES), DNS);
        assertThat(r.inbound()).containsExactly(ssh);
        assertThat(r.outbound()).containsExactly(out);
        assertThat(r.findings()).hasSize(1);
    }

    @Test
    void withoutAnAllowlistEveryOutboundConnectionIsAFinding() {
        EgressReport r = EgressEvaluator.evaluate(Sockets.snapshot(List.of(),
                List.of(connect(Protocol.TCP, "10.0.0.5", 50000, "104.18.33.45", 443, "node"))), Optional.empty(), DNS);
        assertThat(r.findings()).singleElement().satisfies(f -> assertThat(f.summary()).contains("no egress allow-list"));
    }

    @Test
    void theSeedTemplatesHostRegexMatchesNamesAndAddresses() throws Exception {
        HostResolver dns = Sockets.resolver(Map.of(), Map.of("149.154.167.220", "api.telegram.org"));
        List<EgressRule> seed = List.of(new EgressRule(0, Protocol.TCP, null,
                Pattern.compile("^(api\\.openai\\.com|api\\.telegram\\.org)$", Pattern.CASE_INSENSITIVE), null, 443, null, null));
        EgressReport r = EgressEvaluator.evaluate(Sockets.snapshot(List.of(),
                List.of(connect(Protocol.TCP, "10.0.0.5", 50000, "149.154.167.220", 443, "node"))), Optional.of(seed), dns);
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void aDatagramSocketConnectedToLoopbackButBoundBeyondItIsEgressAndATcpOneIsNot() {
        Connection udp = new Connection(Protocol.UDP, Sockets.ip("10.0.0.5"), 41000, Sockets.ip("127.0.0.1"), 9, 4242,
                "python3", "agent", false);
        Connection wildcard = new Connection(Protocol.UDP, Sockets.ip("0.0.0.0"), 41001, Sockets.ip("127.0.0.1"), 9,
                4242, "python3", "agent", false);
        Connection tcp = new Connection(Protocol.TCP, Sockets.ip("10.0.0.5"), 41002, Sockets.ip("127.0.0.1"), 9, 4242,
                "python3", "agent", false);
        Connection lo = new Connection(Protocol.UDP, Sockets.ip("127.0.0.1"), 41003, Sockets.ip("127.0.0.1"), 9, 4242,
                "python3", "agent", false);
        EgressReport r = EgressEvaluator.evaluate(Sockets.snapshot(List.of(), List.of(udp, wildcard, tcp, lo)),
                Optional.of(RULES), DNS);
        assertThat(r.outbound()).as("sendto() reaches anywhere from these").containsExactly(udp, wildcard);
        assertThat(r.findings()).hasSize(2);
    }

    @Test
    void aConnectionOnTheAgentsOwnListenersPortIsStillEgress() {
        ListeningSocket agents = new ListeningSocket(Protocol.TCP, Sockets.ip("0.0.0.0"), 7000, 4242, "python3", "agent",
                false);
        Connection out = new Connection(Protocol.TCP, Sockets.ip("10.0.0.5"), 7000, Sockets.ip("203.0.113.9"), 443, 4243,
                "python3", "agent", false);
        EgressReport r = EgressEvaluator.evaluate(Sockets.snapshot(List.of(agents), List.of(out)), Optional.of(RULES),
                DNS);
        assertThat(r.outbound()).as("SO_REUSEPORT beside its own listener").containsExactly(out);
    }
}

package io.clawguard.monitor;

import static io.clawguard.monitor.Sockets.listen;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PortEvaluatorTest {
    private static final List<PortRule> BASELINE = List.of(
            new PortRule(22, Protocol.TCP, "sshd", null, "admin access over SSH"),
            new PortRule(18789, Protocol.TCP, "node", "127.0.0.1", "gateway"),
            new PortRule(53, Protocol.UDP, null, null, null),
            new PortRule(8080, Protocol.TCP, null, "::1", "dev server"),
            new PortRule(80, Protocol.TCP, "nginx", null, "redirects to https"));

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("approved, justified wildcard", listen(Protocol.TCP, "0.0.0.0", 22, "sshd"), List.of()),
                Arguments.of("approved loopback with host", listen(Protocol.TCP, "127.0.0.1", 18789, "node"), List.of()),
                Arguments.of("host must match", listen(Protocol.TCP, "0.0.0.0", 18789, "node"),
                        List.of("unapproved-port", "public-bind")),
                Arguments.of("command must match", listen(Protocol.TCP, "127.0.0.1", 18789, "python3"),
                        List.of("unapproved-port")),
                Arguments.of("protocol must match", listen(Protocol.UDP, "127.0.0.1", 22, "sshd"),
                        List.of("unapproved-port")),
                Arguments.of("UDP rule without a justification", listen(Protocol.UDP, "0.0.0.0", 53, "dnsmasq"),
                        List.of("public-bind")),
                Arguments.of("IPv6 loopback", listen(Protocol.TCP, "::1", 8080, "java"), List.of()),
                Arguments.of("IPv6 wildcard", listen(Protocol.TCP, "::", 9000, "java"),
                        List.of("unapproved-port", "public-bind")),
                Arguments.of("non-loopback address", listen(Protocol.TCP, "10.1.2.3", 9001, "java"),
                        List.of("unapproved-port", "public-bind")),
                Arguments.of("insecure even when approved", listen(Protocol.TCP, "0.0.0.0", 80, "nginx"),
                        List.of("insecure-port")),
                Arguments.of("telnet", listen(Protocol.TCP, "127.0.0.1", 23, "telnetd"),
                        List.of("unapproved-port", "insecure-port")),
                Arguments.of("syslog over UDP", listen(Protocol.UDP, "127.0.0.1", 514, "rsyslogd"),
                        List.of("unapproved-port", "insecure-port")),
                Arguments.of("rsh is TCP 514", listen(Protocol.TCP, "127.0.0.1", 514, "rshd"),
                        List.of("unapproved-port", "insecure-port")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void findings(String name, ListeningSocket socket, List<String> kinds) {
        List<Finding> found = PortEvaluator.evaluate(List.of(socket), Optional.of(BASELINE));
        assertThat(found).extracting(f -> f.kind().id()).containsExactlyElementsOf(kinds);
    }

    @org.junit.jupiter.api.Test
    void findingsSayWhatToDo() {
        List<Finding> found = PortEvaluator.evaluate(List.of(listen(Protocol.TCP, "0.0.0.0", 23, "telnetd")),
                Optional.empty());
        assertThat(found).extracting(Finding::summary).anyMatch(s -> s.contains("there is no baseline yet"))
                .anyMatch(s -> s.contains("bound to every interface (0.0.0.0)")).anyMatch(s -> s.contains("Telnet"));
        assertThat(found).extracting(Finding::recommendation).anyMatch(s -> s.contains("Move to SSH; close 23/tcp"))
                .anyMatch(s -> s.contains("Generate a baseline"));
    }
}

package io.clawguard.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clawguard.json.InvalidJsonFileException;
import io.clawguard.testing.TestHomes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleFilesTest {
    @TempDir
    Path dir;

    @Test
    void seedFilesLoad() throws Exception {
        Path ports = dir.resolve("approved_ports.json");
        TestHomes.write(ports, TestHomes.resource("seed-format/approved_ports.template.json"));
        assertThat(RuleFiles.ports(ports).orElseThrow()).containsExactly(new PortRule(18789, Protocol.TCP, "node", null,
                "OpenClaw gateway (example). Remove if not applicable."));
        Path egress = dir.resolve("egress_allowlist.json");
        TestHomes.write(egress, TestHomes.resource("seed-format/egress-allowlist.template.json"));
        assertThat(RuleFiles.egress(egress).orElseThrow()).singleElement().satisfies(r -> {
            assertThat(r.port()).isEqualTo(443);
            assertThat(r.hostRegex().pattern()).contains("api\\.openai\\.com");
        });
        assertThat(RuleFiles.ports(dir.resolve("none.json"))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "ports not an array  | approved_ports.json   | {\"port\": 22}                            | must be a JSON array",
        "port out of range   | approved_ports.json   | [{\"port\": 22}, {\"port\": 70000, \"protocol\": \"tcp\"}] | \"[1].port\" must be between 1 and 65535",
        "port missing        | approved_ports.json   | [{\"protocol\": \"tcp\"}]                  | \"[0].port\" is required",
        "bad protocol        | approved_ports.json   | [{\"port\": 22, \"protocol\": \"sctp\"}]    | \"[0].protocol\" must be \"tcp\" or \"udp\"",
        "egress no target    | egress_allowlist.json | [{\"protocol\": \"tcp\", \"port\": 443}]     | \"[0].host\" is missing",
        "egress bad regex    | egress_allowlist.json | [{\"host_regex\": \"(\"}]                  | \"[0].host_regex\" is not a valid regex",
        "egress bad cidr     | egress_allowlist.json | [{\"cidr\": \"10.0.0.0/33\"}]               | the prefix must be 0 to 32",
        "egress cidr name    | egress_allowlist.json | [{\"cidr\": \"example.com/24\"}]            | is not a network"})
    void malformedFilesNameTheFileAndTheRule(String name, String file, String text, String error) {
        Path path = dir.resolve(file);
        TestHomes.write(path, text);
        assertThatThrownBy(() -> {
            if (file.startsWith("approved")) {
                RuleFiles.ports(path);
            } else {
                RuleFiles.egress(path);
            }
        }).isInstanceOf(InvalidJsonFileException.class).hasMessageStartingWith(path.toString()).hasMessageContaining(error);
    }

    @Test
    void cidrContainsOnlyItsNetwork() {
        Cidr v4 = Cidr.parse("192.168.4.0/22");
        assertThat(v4.contains(Sockets.ip("192.168.7.255"))).isTrue();
        assertThat(v4.contains(Sockets.ip("192.168.8.0"))).isFalse();
        assertThat(v4.contains(Sockets.ip("::ffff:192.168.5.1"))).isTrue();
        Cidr v6 = Cidr.parse("2001:db8::/33");
        assertThat(v6.contains(Sockets.ip("2001:db8:7fff::1"))).isTrue();
        assertThat(v6.contains(Sockets.ip("2001:db8:8000::1"))).isFalse();
        assertThat(v6.contains(Sockets.ip("10.0.0.1"))).isFalse();
        assertThat(Cidr.parse("10.1.2.3").contains(Sockets.ip("10.1.2.3"))).isTrue();
    }

    @Test
    void theResolverAnswersFromItsCacheAndRefreshesInTheBackground() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        io.clawguard.testing.MutableClock clock = new io.clawguard.testing.MutableClock(Sockets.T0);
        CachingResolver r = new CachingResolver(clock, Duration.ofMinutes(5), host -> {
            lookups.incrementAndGet();
            return List.of(Sockets.ip("192.0.2." + lookups.get()));
        }, a -> Optional.empty());
        assertThat(r.addresses("api.example")).as("first call does not wait for DNS").isEmpty();
        r.await(Duration.ofSeconds(5));
        assertThat(r.addresses("api.example")).containsExactly(Sockets.ip("192.0.2.1"));
        clock.advance(Duration.ofMinutes(6));
        assertThat(r.addresses("api.example")).as("stale answer served while refreshing").containsExactly(Sockets.ip("192.0.2.1"));
        r.await(Duration.ofSeconds(5));
        assertThat(r.addresses("api.example")).containsExactly(Sockets.ip("192.0.2.2"));
        assertThat(lookups.get()).isEqualTo(2);
        r.close();
    }
}

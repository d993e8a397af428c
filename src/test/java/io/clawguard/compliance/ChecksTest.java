package io.clawguard.compliance;

import static io.clawguard.compliance.CheckCases.c;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each check against prepared homes: compliant, partial, violation and not_assessed where they apply. */
class ChecksTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                c("elevation_timeout_30m", Status.COMPLIANT, "the default, in force", h -> h.broker = true),
                c("elevation_timeout_30m", Status.COMPLIANT, "after 20 idle minutes",
                        h -> h.file(h.home.config(), "{\"idle_timeout_minutes\": 20}")),
                c("elevation_timeout_30m", Status.NOT_APPLICABLE, "no broker runs", h -> { }),
                c("elevation_timeout_30m", Status.ERROR, "cannot be parsed", h -> h.file(h.home.config(), "{\"idle_")),
                c("elevation_timeout_30m", Status.PARTIAL, "after 45", h -> h.file(h.home.config(), "{\"idle_timeout_minutes\": 45}")),
                c("elevation_timeout_30m", Status.VIOLATION, "after 240", h -> h.file(h.home.config(), "{\"idle_timeout_minutes\": 240}")),
                c("prompt_injection_controls", Status.COMPLIANT, "explicit confirmation",
                        h -> h.file(h.home.promptPolicy(), "{\"require_confirmation_for_untrusted\": true}")),
                c("prompt_injection_controls", Status.PARTIAL, "no prompt policy file", h -> { }),
                c("prompt_injection_controls", Status.VIOLATION, "need no confirmation",
                        h -> h.file(h.home.promptPolicy(), "{\"require_confirmation_for_untrusted\": false}")),
                c("command_policy_enforced", Status.COMPLIANT, "filtered by policy",
                        h -> h.file(h.home.commandPolicy(), "{\"deny\": [\"\\\\bshutdown\\\\b\"]}")),
                c("command_policy_enforced", Status.PARTIAL, "without deny rules",
                        h -> h.file(h.home.commandPolicy(), "{\"allow\": [\"^/usr/bin/id\"]}")),
                c("command_policy_enforced", Status.VIOLATION, "no command policy", h -> { }),
                c("command_policy_enforced", Status.VIOLATION, "cannot be read",
                        h -> h.file(h.home.commandPolicy(), "{\"deny\": [\"(\"]}")),
                c("audit_logging_privileged_actions", Status.COMPLIANT, "chain verifies", h -> h.file(h.home.auditLog(),
                        "{\"action\":\"exec_start\",\"hash\":\"" + io.clawguard.audit.AuditChain.hashOf(java.util.Map.of(
                                "action", "exec_start", "prev", io.clawguard.audit.AuditChain.genesisPrev(new byte[0]),
                                "seq", 1L)) + "\",\"prev\":\"" + io.clawguard.audit.AuditChain.genesisPrev(new byte[0])
                                + "\",\"seq\":1}\n")),
                c("audit_logging_privileged_actions", Status.PARTIAL, "no privileged action recorded yet", h -> { }),
                c("audit_logging_privileged_actions", Status.VIOLATION, "chain is broken",
                        h -> h.file(h.home.auditLog(), "{\"action\":\"x\",\"seq\":1,\"prev\":\"a\",\"hash\":\"b\"}\n")),
                c("open_ports_approved", Status.COMPLIANT, "matches an approved rule", h -> {
                    h.file(h.home.approvedPorts(), "[{\"port\": 22, \"protocol\": \"tcp\", \"comment\": \"ssh\"}]");
                    h.listening.add(PreparedHome.listener("0.0.0.0", 22, "sshd"));
                }),
                c("open_ports_approved", Status.VIOLATION, "no approved baseline",
                        h -> h.listening.add(PreparedHome.listener("127.0.0.1", 8080, "java"))),
                c("open_ports_approved", Status.VIOLATION, "unapproved-port", h -> {
                    h.file(h.home.approvedPorts(), "[]");
                    h.listening.add(PreparedHome.listener("127.0.0.1", 8080, "java"));
                }),
                c("open_ports_approved", Status.NOT_ASSESSED, "no network scan", h -> h.scanned = false),
                c("public_binds_justified", Status.COMPLIANT, "justified", h -> {
                    h.file(h.home.approvedPorts(), "[{\"port\": 22, \"protocol\": \"tcp\", \"comment\": \"ssh\"}]");
                    h.listening.add(PreparedHome.listener("0.0.0.0", 22, "sshd"));
                }),
                c("public_binds_justified", Status.VIOLATION, "public-bind", h -> {
                    h.file(h.home.approvedPorts(), "[{\"port\": 9000, \"protocol\": \"tcp\"}]");
                    h.listening.add(PreparedHome.listener("0.0.0.0", 9000, "java"));
                }),
                c("public_binds_justified", Status.NOT_APPLICABLE, "see open_ports_approved",
                        h -> h.listening.add(PreparedHome.listener("0.0.0.0", 9000, "java"))),
                c("egress_allowlist_configured", Status.COMPLIANT, "allow-listed",
                        h -> h.file(h.home.egressAllowlist(), "[{\"protocol\": \"tcp\", \"cidr\": \"10.0.0.0/8\"}]")),
                c("egress_allowlist_configured", Status.PARTIAL, "empty", h -> h.file(h.home.egressAllowlist(), "[]")),
                c("egress_allowlist_configured", Status.VIOLATION, "no egress allow-list", h -> { }),
                c("egress_allowlist_configured", Status.ERROR, "cannot be parsed",
                        h -> h.file(h.home.egressAllowlist(), "[{\"cidr\": \"nope\"}]")),
                c("egress_connections_approved", Status.COMPLIANT, "allowed", h -> {
                    h.file(h.home.egressAllowlist(), "[{\"protocol\": \"tcp\", \"cidr\": \"203.0.113.0/24\"}]");
                    h.connections.add(PreparedHome.outbound("203.0.113.9", 443, "node"));
                }),
                c("egress_connections_approved", Status.VIOLATION, "unapproved-egress", h -> {
                    h.file(h.home.egressAllowlist(), "[{\"protocol\": \"tcp\", \"cidr\": \"203.0.113.0/24\"}]");
                    h.connections.add(PreparedHome.outbound("198.51.100.1", 443, "curl"));
                }),
                c("egress_connections_approved", Status.NOT_APPLICABLE, "see egress_allowlist_configured",
                        h -> h.connections.add(PreparedHome.outbound("198.51.100.1", 443, "curl"))),
                c("egress_connections_approved", Status.NOT_APPLICABLE, "no outbound connection",
                        h -> h.file(h.home.egressAllowlist(), "[{\"protocol\": \"tcp\", \"cidr\": \"203.0.113.0/24\"}]")),
                c("egress_connections_approved", Status.NOT_ASSESSED, "no network scan", h -> h.scanned = false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void checkAgainstPreparedHome(String name, String checkId, Status expected, String observed,
                                  Consumer<PreparedHome> setup, @TempDir Path root) throws Exception {
        CheckCases.verify(checkId, expected, observed, setup, root);
    }

}

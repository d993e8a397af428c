package io.clawguard.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CommandPolicyTest {
    private static final CommandPolicy SEED_LIKE = new CommandPolicy(
            List.of(Pattern.compile("^systemctl\\b"), Pattern.compile("^/usr/bin/apt\\b")),
            List.of(Pattern.compile("\\brm\\s+-rf\\b"), Pattern.compile("\\bshutdown\\b")),
            List.of(),
            List.of(List.of("/usr/bin/systemctl", "stop", "sshd")),
            List.of(Pattern.compile("^/usr/bin/systemctl\\s+(stop|disable)\\b"), Pattern.compile("\\biptables\\b")),
            List.of(new RunAsRule(Pattern.compile("^pg_dump\\b"), "postgres")), 8, 64,
            List.of(Pattern.compile("\\bcurl\\b")), List.of());
    private static final CommandPolicy EXACT = new CommandPolicy(SEED_LIKE.allow(), SEED_LIKE.deny(),
            List.of(List.of("/usr/bin/id")), SEED_LIKE.denyExact(), List.of(), List.of(), 256, 65536, List.of(), List.of());

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("deny regex", List.of("/usr/bin/rm", "-rf", "/tmp/x"), null, "deny_match"),
                Arguments.of("deny regex wins over allow", List.of("/usr/bin/systemctl", "shutdown"), null, "deny_match"),
                Arguments.of("deny_exact wins over allow regex", List.of("/usr/bin/systemctl", "stop", "sshd"), null,
                        "deny_exact_match"),
                Arguments.of("allow regex by program name", List.of("/usr/bin/systemctl", "restart", "nginx"), null,
                        null),
                Arguments.of("allow regex by path", List.of("/usr/bin/apt", "update"), null, null),
                Arguments.of("nothing allows it", List.of("/usr/bin/cat", "/etc/shadow"), null, "not_in_allowlist"),
                Arguments.of("quoted argument still matched", List.of("/usr/bin/find", "/", "-exec", "rm -rf", "{}"),
                        null, "deny_match"),
                Arguments.of("deny_exact on the resolved path", List.of("/bin/systemctl", "stop", "sshd"),
                        "/usr/bin/systemctl", "deny_exact_match"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void evaluates(String name, List<String> argv, String resolved, String blockedReason) {
        PolicyVerdict v = SEED_LIKE.evaluate(argv, resolved);
        if (blockedReason == null) {
            assertThat(v.allowed()).as(v.describe()).isTrue();
        } else {
            assertThat(v.allowed()).isFalse();
            assertThat(v.reason()).isEqualTo(blockedReason);
        }
    }

    static Stream<Arguments> exactCases() {
        return Stream.of(
                Arguments.of("allow_exact", List.of("/usr/bin/id"), null, null),
                Arguments.of("allow_exact is exact", List.of("/usr/bin/id", "-u"), null, "not_in_allow_exact"),
                Arguments.of("allow_exact takes over from allow regexes", List.of("/usr/bin/apt", "update"), null,
                        "not_in_allow_exact"),
                Arguments.of("deny still wins", List.of("/usr/bin/rm", "-rf", "/"), null, "deny_match"),
                Arguments.of("allow_exact on the resolved path", List.of("/bin/id"), "/usr/bin/id", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exactCases")
    void allowExactRequiresAnExactArgv(String name, List<String> argv, String resolved, String blockedReason) {
        PolicyVerdict v = EXACT.evaluate(argv, resolved);
        assertThat(v.allowed()).isEqualTo(blockedReason == null);
        assertThat(v.reason()).isEqualTo(blockedReason);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void withoutAllowRulesOnlyDenyRulesBlock(String name, List<String> argv, String resolved, String blockedReason) {
        CommandPolicy denyOnly = new CommandPolicy(List.of(), SEED_LIKE.deny(), List.of(), SEED_LIKE.denyExact(), List.of(),
                List.of(), 256, 65536, List.of(), List.of());
        boolean denied = blockedReason != null && blockedReason.startsWith("deny");
        assertThat(denyOnly.evaluate(argv, resolved).allowed()).isEqualTo(!denied);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("twoPersonCases")
    void twoPersonRulesAreSearchedLikeDenyRules(String name, List<String> argv, String resolved, boolean needsTwo) {
        assertThat(SEED_LIKE.needsTwoPersons(argv, resolved)).isEqualTo(needsTwo);
    }

    static Stream<Arguments> twoPersonCases() {
        return Stream.of(
                Arguments.of("matching command line", List.of("/usr/bin/systemctl", "stop", "nginx"), null, true),
                Arguments.of("other verb", List.of("/usr/bin/systemctl", "status", "nginx"), null, false),
                Arguments.of("by bare program name", List.of("/usr/sbin/iptables", "-F"), null, true),
                Arguments.of("through a symlink to it", List.of("/opt/tools/stop-it", "stop", "x"),
                        "/usr/bin/systemctl", true),
                Arguments.of("no rule", List.of("/usr/bin/id"), null, false));
    }

    @Test
    void runAsNamesTheUserOfTheFirstMatchingRuleElseRoot() {
        assertThat(SEED_LIKE.runAsFor(List.of("/usr/bin/pg_dump", "db"), null)).contains("postgres");
        assertThat(SEED_LIKE.runAsFor(List.of("/usr/bin/id"), null)).isEmpty();
    }

    @Test
    void aCommandNoOneCanReadInFullIsRefusedBeforeAnyRule() {
        List<String> long8 = new java.util.ArrayList<>(List.of("/usr/bin/systemctl", "restart"));
        for (int i = 0; i < 7; i++) {
            long8.add("unit" + i);
        }
        PolicyVerdict many = SEED_LIKE.evaluate(long8);
        assertThat(many.allowed()).isFalse();
        assertThat(many.describe()).isEqualTo("has 9 arguments; max_args is 8");
        PolicyVerdict wide = SEED_LIKE.evaluate(List.of("/usr/bin/systemctl", "x".repeat(65)));
        assertThat(wide.describe()).isEqualTo("has argument 1 of 65 bytes; max_arg_bytes is 64");
    }
}

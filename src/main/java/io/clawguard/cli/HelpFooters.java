package io.clawguard.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;

/**
 * What every {@code --help} ends with: examples to copy, and for the report commands the
 * exit-code contract. Kept in one place so each command's help is made the same way, and a
 * test can hold every command to having examples.
 */
final class HelpFooters {
    static final Set<String> REPORT_COMMANDS = Set.of("clawguard ports", "clawguard egress", "clawguard assess",
            "clawguard audit verify", "clawguard audit tail", "clawguard status", "clawguard preflight");

    private static final Map<String, List<String>> EXAMPLES = Map.ofEntries(
            Map.entry("clawguard", List.of("clawguard console", "clawguard assess --html report.html",
                    "clawguard completion bash > /etc/bash_completion.d/clawguard")),
            Map.entry("clawguard console", List.of("clawguard console", "clawguard console --theme light",
                    "clawguard console --host web1=ssh://admin@web1 --host web2=ssh://admin@web2:2222/var/lib/clawguard")),
            Map.entry("clawguard broker", List.of("clawguard broker --system",
                    "clawguard broker --home /tmp/cg --no-network --approval-timeout 90s")),
            Map.entry("clawguard service", List.of("sudo clawguard service install --agent-user openclaw",
                    "sudo clawguard service uninstall")),
            Map.entry("clawguard service install", List.of("sudo clawguard service install --agent-user openclaw")),
            Map.entry("clawguard service uninstall", List.of("sudo clawguard service uninstall")),
            Map.entry("clawguard audit", List.of("clawguard audit verify", "clawguard audit tail -f")),
            Map.entry("clawguard audit verify", List.of("clawguard audit verify",
                    "clawguard audit verify --allow-empty --json   # a new install, before its first record")),
            Map.entry("clawguard audit tail", List.of("clawguard audit tail -n 50",
                    "clawguard audit tail -f --json | jq -c 'select(.action == \"exec_start\")'")),
            Map.entry("clawguard audit archive", List.of("clawguard audit archive --through 12",
                    "clawguard audit archive --through 12 --to /srv/audit-archive/web1")),
            Map.entry("clawguard status", List.of("clawguard status", "clawguard status --json | jq .mode")),
            Map.entry("clawguard preflight", List.of("clawguard preflight",
                    "clawguard preflight --json | jq '.checks[] | select(.status == \"fail\")'")),
            Map.entry("clawguard totp", List.of("clawguard totp enrol")),
            Map.entry("clawguard totp enrol", List.of("clawguard totp enrol --home /var/lib/clawguard")),
            Map.entry("clawguard ports", List.of("clawguard ports", "clawguard ports --json > ports.json || echo \"exit $?\"")),
            Map.entry("clawguard egress", List.of("clawguard egress", "clawguard egress --json | jq '.outbound | length'")),
            Map.entry("clawguard baseline", List.of("clawguard baseline generate", "clawguard baseline review")),
            Map.entry("clawguard baseline generate", List.of("clawguard baseline generate",
                    "clawguard baseline generate --egress")),
            Map.entry("clawguard baseline review", List.of("clawguard baseline review")),
            Map.entry("clawguard assess", List.of("clawguard assess --html report.html --md report.md",
                    "clawguard assess --json - | jq .score",
                    "clawguard assess --host web1=ssh://admin@web1 --host web2=ssh://admin@web2 --json fleet.json")),
            Map.entry("clawguard hook", List.of("clawguard hook install", "clawguard hook uninstall")),
            Map.entry("clawguard hook install", List.of("clawguard hook install",
                    "clawguard hook install --launcher /opt/clawguard/clawguard")),
            Map.entry("clawguard hook uninstall", List.of("clawguard hook uninstall")),
            Map.entry("clawguard attach", List.of("ssh -T admin@web1 clawguard attach --stdio")),
            Map.entry("clawguard completion", List.of("source <(clawguard completion bash)",
                    "clawguard completion zsh > \"${fpath[1]}/_clawguard\"")),
            Map.entry("clawguard help", List.of("clawguard help assess")),
            Map.entry("clawguard replay", List.of("clawguard replay 1a2b-3c4d5e-7", "clawguard replay 1a2b-3c4d5e-7 --speed 4",
                    "asciinema play /var/log/clawguard/recordings/1a2b-3c4d5e-7.cast")));

    private HelpFooters() {
    }

    /** Puts the footers on {@code cl} and every command under it. */
    static void apply(CommandLine cl) {
        String name = cl.getCommandSpec().qualifiedName();
        List<String> footer = new ArrayList<>();
        List<String> examples = EXAMPLES.get(name);
        if (examples != null) {
            footer.add("");
            footer.add("Examples:");
            examples.forEach(e -> footer.add("  " + e));
        }
        if (REPORT_COMMANDS.contains(name)) {
            footer.add("");
            footer.addAll(List.of(ExitCode.TABLE));
        }
        if (!footer.isEmpty()) {
            cl.getCommandSpec().usageMessage().footer(footer.stream().map(HelpFooters::literal).toArray(String[]::new));
        }
        cl.getSubcommands().values().forEach(HelpFooters::apply);
    }

    /** Footer lines are format strings to picocli: a literal % would be taken for a conversion. */
    private static String literal(String line) {
        return line.replace("%", "%%");
    }

    /** Whether the command has examples (every one but exec, which has a help of its own). */
    static boolean hasExamples(String qualifiedName) {
        return EXAMPLES.containsKey(qualifiedName);
    }
}

package io.clawguard.compliance;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a process is an OpenClaw gateway or agent, by the shape of what runs, as OpenClaw's
 * own gateway-process check reads it: a JavaScript runtime running an OpenClaw entry script with
 * a subcommand ({@code node …/openclaw.mjs gateway}), the {@code openclaw} launcher or binary with
 * one ({@code openclaw gateway --port 18789}), or the title OpenClaw gives itself
 * ({@code process.title = "openclaw-gateway"} overwrites the whole command line). A word
 * "openclaw" anywhere else ({@code vim openclaw.md}, {@code python3 … .openclaw/openclaw.json})
 * is not OpenClaw, and neither is ClawGuard (a JVM).
 */
final class OpenClawShape {
    /** node, nodejs, node22, bun: what runs OpenClaw's scripts. */
    private static final Pattern RUNTIME = Pattern.compile("(node|nodejs|bun)[0-9.]*");
    private static final Set<String> ENTRY_NAMES = Set.of("openclaw", "openclaw.mjs", "openclaw.js", "openclaw.cjs");
    /** The package's own entry files, as OpenClaw lists them, inside an openclaw folder. */
    private static final List<String> PACKAGE_ENTRIES = List.of("/openclaw/dist/index.js", "/openclaw/dist/index.mjs",
            "/openclaw/dist/entry.js", "/openclaw/dist/entry.mjs");
    private static final Set<String> TITLES = Set.of("openclaw", "openclaw-gateway");
    private static final Set<String> SUBCOMMANDS = Set.of("gateway", "agent", "node");
    /** Runtime options whose value is the next word ({@code node -r dotenv/config openclaw.mjs gateway}). */
    private static final Set<String> VALUED_OPTIONS = Set.of("-r", "--require", "--import", "--loader",
            "--experimental-loader", "--env-file", "--title", "--conditions", "-C");
    /** A subcommand comes within the first words (after options such as --profile NAME). */
    private static final int SUBCOMMAND_WINDOW = 12;

    private OpenClawShape() {
    }

    /**
     * {@code exe}: where /proc's exe link points (empty when this user may not read it: then the
     * command line alone decides); {@code argv}: the command line's words, empty words dropped.
     */
    static boolean matches(Optional<String> exe, List<String> argv) {
        if (argv.isEmpty()) {
            return false;
        }
        Optional<String> program = exe.map(OpenClawShape::baseName);
        boolean runtime = program.map(p -> RUNTIME.matcher(p).matches()).orElse(true);
        boolean binary = program.map("openclaw"::equals).orElse(true);
        if (!runtime && !binary) {
            return false;
        }
        if (argv.size() == 1 && TITLES.contains(argv.get(0))) {
            return true;
        }
        if (binary && baseName(argv.get(0)).equals("openclaw")) {
            return subcommandAfter(argv, 1);
        }
        if (runtime && RUNTIME.matcher(baseName(argv.get(0))).matches()) {
            int script = firstNonOption(argv);
            return script > 0 && entry(argv.get(script)) && subcommandAfter(argv, script + 1);
        }
        return false;
    }

    private static boolean entry(String script) {
        String s = script.replace('\\', '/').toLowerCase(Locale.ROOT);
        return ENTRY_NAMES.contains(baseName(s)) || PACKAGE_ENTRIES.stream().anyMatch(s::endsWith);
    }

    /** The runtime's script: the first word after it that is not an option; -1 when none. */
    private static int firstNonOption(List<String> argv) {
        for (int i = 1; i < Math.min(argv.size(), SUBCOMMAND_WINDOW); i++) {
            if (VALUED_OPTIONS.contains(argv.get(i))) {
                i++;
            } else if (!argv.get(i).startsWith("-")) {
                return i;
            }
        }
        return -1;
    }

    private static boolean subcommandAfter(List<String> argv, int from) {
        return argv.subList(Math.min(from, argv.size()), Math.min(argv.size(), from + SUBCOMMAND_WINDOW)).stream()
                .anyMatch(SUBCOMMANDS::contains);
    }

    /** The last part of a path; a deleted binary's " (deleted)" dropped, as the kernel appends it. */
    private static String baseName(String path) {
        String p = path.endsWith(" (deleted)") ? path.substring(0, path.length() - 10) : path;
        return p.substring(p.lastIndexOf('/') + 1);
    }
}

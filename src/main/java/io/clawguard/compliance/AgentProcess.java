package io.clawguard.compliance;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * One running OpenClaw process, as the host's {@code /proc} shows it: its uids (real, effective,
 * saved, filesystem), supplementary groups, a printable command line, and of its environment only
 * PATH and the state folder and config file it names (OPENCLAW_STATE_DIR, OPENCLAW_CONFIG_PATH, or
 * the CLAWDBOT_ names OpenClaw still honours) ({@code path == null} with the reason when environ
 * cannot be read: never this process's own PATH).
 */
record AgentProcess(int pid, int uid, boolean anyRootId, Set<Integer> groups, String commandLine, String path,
                    String stateDir, String configPath, String environProblem) {
    /** No host lists more; a made-up /proc with more entries costs a bounded scan. */
    private static final int MAX_PROCESSES = 1 << 17;
    private static final int MAX_WORDS = 64;
    private static final int MAX_VARIABLES = 4096;

    String where() {
        return "/proc/" + pid;
    }

    /** The OpenClaw processes under the host's /proc, by pid. */
    static List<AgentProcess> scan(HostFacts host) throws IOException {
        List<AgentProcess> found = new ArrayList<>();
        int seen = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(host.path("/proc"), "[0-9]*")) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (++seen > MAX_PROCESSES) {
                    break;
                }
                if (name.length() <= 9 && name.chars().allMatch(Character::isDigit)) {
                    read(host, Integer.parseInt(name)).ifPresent(found::add);
                }
            }
        } catch (DirectoryIteratorException e) {
            throw e.getCause();
        }
        found.sort((a, b) -> Integer.compare(a.pid(), b.pid()));
        return found;
    }

    /** The process if it is OpenClaw; empty when it is not, or ended while being read. */
    private static Optional<AgentProcess> read(HostFacts host, int pid) {
        String dir = "/proc/" + pid;
        try {
            List<String> argv = words(host.read(dir + "/cmdline").orElse(""), MAX_WORDS);
            if (!OpenClawShape.matches(exe(host, dir), argv)) {
                return Optional.empty();
            }
            String status = host.read(dir + "/status").orElse("");
            int[] uids = numbers(field(status, "Uid:"));
            if (uids.length == 0) {
                return Optional.empty();
            }
            Set<Integer> groups = new TreeSet<>();
            Arrays.stream(numbers(field(status, "Gid:"))).limit(1).forEach(groups::add);
            Arrays.stream(numbers(field(status, "Groups:"))).forEach(groups::add);
            String shown = Evidence.text(String.join(" ", argv));
            boolean root = Arrays.stream(uids).anyMatch(u -> u == 0);
            try {
                List<String> env = words(host.read(dir + "/environ").orElse(""), MAX_VARIABLES);
                String path = variable(env, "PATH");
                return Optional.of(new AgentProcess(pid, uids[0], root, groups, shown, path,
                        override(env, "OPENCLAW_STATE_DIR", "CLAWDBOT_STATE_DIR"),
                        override(env, "OPENCLAW_CONFIG_PATH", "CLAWDBOT_CONFIG_PATH"),
                        path == null ? dir + "/environ has no PATH" : ""));
            } catch (AccessDeniedException e) {
                return Optional.of(new AgentProcess(pid, uids[0], root, groups, shown, null, null, null,
                        dir + "/environ cannot be read by this user"));
            }
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Where the exe link points; empty when this user may not read another user's link. */
    private static Optional<String> exe(HostFacts host, String dir) {
        try {
            return Optional.of(Files.readSymbolicLink(host.path(dir + "/exe")).toString());
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    /** NUL-separated words, empty ones dropped (a retitled process pads with NULs), at most {@code most}. */
    private static List<String> words(String raw, int most) {
        return Arrays.stream(raw.split("\0")).filter(w -> !w.isEmpty()).limit(most).toList();
    }

    private static String variable(List<String> env, String name) {
        return env.stream().filter(e -> e.startsWith(name + "=")).map(e -> e.substring(name.length() + 1))
                .reduce((first, later) -> first).orElse(null);
    }

    /** OpenClaw's reading of a path override: the first of the names set to more than blanks, trimmed. */
    private static String override(List<String> env, String name, String legacy) {
        return Stream.of(variable(env, name), variable(env, legacy)).filter(v -> v != null && !v.isBlank())
                .map(String::strip).findFirst().orElse(null);
    }

    private static String field(String status, String key) {
        return status.lines().filter(l -> l.startsWith(key)).map(l -> l.substring(key.length())).findFirst().orElse("");
    }

    /** The decimal numbers of a status field; what is not one is skipped. */
    private static int[] numbers(String text) {
        return Arrays.stream(text.strip().split("\\s+")).filter(w -> w.matches("\\d{1,9}")).mapToInt(Integer::parseInt)
                .limit(MAX_WORDS).toArray();
    }
}

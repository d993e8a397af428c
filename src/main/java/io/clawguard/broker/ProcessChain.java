package io.clawguard.broker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Who asked, as the kernel reports it: the requesting process and its parents, each with its
 * name and pid, up to its session leader (the agent's service or login), so the admin reads
 * "clawguard exec ← bash ← node", not "java". Names are what the processes call themselves:
 * a hint for the admin, never a proof; the uid beside them is the kernel's.
 */
final class ProcessChain {
    private static final int MOST = 6;

    private ProcessChain() {
    }

    /** One process as {@code /proc/PID/stat} has it: pid, name, parent and session. */
    record Stat(long pid, String comm, long ppid, long session) {
    }

    /** Parses a {@code stat} line; the name sits in parentheses and may itself hold spaces and ')'. */
    static Stat parse(String line) {
        int open = line.indexOf('(');
        int close = line.lastIndexOf(')');
        if (open < 0 || close < open) {
            throw new IllegalArgumentException("not a /proc stat line");
        }
        String[] rest = line.substring(close + 2).split(" ");
        return new Stat(Long.parseLong(line.substring(0, open).strip()), line.substring(open + 1, close),
                Long.parseLong(rest[1]), Long.parseLong(rest[3]));
    }

    static String describe(long pid) {
        List<String> names = new ArrayList<>();
        long at = pid;
        for (int i = 0; i < MOST && at > 1; i++) {
            Stat s;
            try {
                s = parse(Files.readString(Path.of("/proc", Long.toString(at), "stat"), StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException e) {
                break;
            }
            names.add(name(s) + " (pid " + s.pid() + ")");
            if (s.pid() == s.session()) {
                break;
            }
            at = s.ppid();
        }
        return names.isEmpty() ? "pid " + pid + " (gone)" : String.join(" ← ", names);
    }

    /** Our own exec client is named for what it is rather than "java". */
    private static String name(Stat s) {
        try {
            byte[] cmdline = Files.readAllBytes(Path.of("/proc", Long.toString(s.pid()), "cmdline"));
            String args = new String(cmdline, StandardCharsets.UTF_8);
            if (args.contains("io.clawguard.cli.ExecMain\0") || args.contains("io.clawguard.cli.ClawGuard\0exec\0")) {
                return "clawguard exec";
            }
        } catch (IOException e) {
            return s.comm();
        }
        return s.comm();
    }
}

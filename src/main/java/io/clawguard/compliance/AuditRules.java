package io.clawguard.compliance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The kernel audit rules the privileged-actions control needs, found in {@code auditctl -l}'s
 * listing or in rule files (both use auditctl's syntax): a write watch on the sudoers file and
 * folder, and a rule recording privileged command execution. A rule is read as text and matched
 * field by field; {@code never} rules count for nothing.
 */
record AuditRules(Optional<String> sudoers, Optional<String> sudoersD, Optional<String> privilegedExec) {
    private static final Set<String> ESCALATORS = Set.of("/usr/bin/sudo", "/bin/sudo", "/usr/bin/su", "/bin/su");

    /** The first rule of {@code lines} meeting each need. */
    static AuditRules of(List<String> lines) {
        Optional<String> sudoers = Optional.empty();
        Optional<String> sudoersD = Optional.empty();
        Optional<String> exec = Optional.empty();
        for (String line : lines) {
            Rule r = Rule.parse(line.strip());
            if (r == null) {
                continue;
            }
            sudoers = sudoers.or(() -> r.writes("/etc/sudoers") ? Optional.of(line.strip()) : Optional.empty());
            sudoersD = sudoersD.or(() -> r.writes("/etc/sudoers.d") ? Optional.of(line.strip()) : Optional.empty());
            exec = exec.or(() -> r.privilegedExec() ? Optional.of(line.strip()) : Optional.empty());
        }
        return new AuditRules(sudoers, sudoersD, exec);
    }

    /** The needs no rule meets, in words. */
    List<String> missing() {
        List<String> out = new ArrayList<>();
        sudoers.ifPresentOrElse(r -> { }, () -> out.add("no write watch on /etc/sudoers"));
        sudoersD.ifPresentOrElse(r -> { }, () -> out.add("no write watch on /etc/sudoers.d"));
        privilegedExec.ifPresentOrElse(r -> { }, () -> out.add("no rule recording privileged command execution"));
        return out;
    }

    /** One rule: a watch ({@code -w PATH -p PERMS}) or a syscall rule ({@code -a always,exit -S … -F …}). */
    private record Rule(String watch, String perms, boolean always, List<String> syscalls, Map<String, String> fields) {
        static Rule parse(String line) {
            if (line.startsWith("#")) {
                return null;
            }
            String[] t = line.split("\\s+");
            String watch = null;
            String perms = "";
            boolean always = false;
            List<String> syscalls = new ArrayList<>();
            Map<String, String> fields = new HashMap<>();
            for (int i = 0; i + 1 < t.length; i++) {
                String v = t[i + 1];
                switch (t[i]) {
                    case "-w" -> watch = v.replaceAll("(.)/+$", "$1");
                    case "-p" -> perms = v;
                    case "-a", "-A" -> always = Arrays.asList(v.split(",")).contains("always");
                    case "-S" -> syscalls.addAll(Arrays.asList(v.split(",")));
                    case "-F" -> {
                        int eq = v.indexOf('=');
                        // Only equality: euid!=0 or auid>=1000 are other conditions.
                        if (eq > 0 && "!<>".indexOf(v.charAt(eq - 1)) < 0) {
                            fields.put(v.substring(0, eq), v.substring(eq + 1).replaceAll("(.)/+$", "$1"));
                        }
                    }
                    default -> {
                        continue;
                    }
                }
                i++;
            }
            return watch != null || always ? new Rule(watch, perms, always, syscalls, fields) : null;
        }

        /** Records writes or attribute changes of {@code path}. */
        boolean writes(String path) {
            String p = watch != null ? perms : fields.getOrDefault("perm", "");
            boolean onPath = path.equals(watch) || always && (path.equals(fields.get("path"))
                    || path.equals(fields.get("dir")));
            return onPath && (p.contains("w") || p.contains("a"));
        }

        /** Records execve as root, or the execution of sudo or su. */
        boolean privilegedExec() {
            boolean asRoot = always && syscalls.contains("execve")
                    && ("0".equals(fields.get("euid")) || "root".equals(fields.get("euid")));
            boolean escalator = escalator(watch) && perms.contains("x")
                    || always && escalator(fields.get("path")) && fields.getOrDefault("perm", "").contains("x");
            return asRoot || escalator;
        }

        private static boolean escalator(String path) {
            return path != null && ESCALATORS.contains(path);
        }
    }
}

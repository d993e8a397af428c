package io.clawguard.monitor;

import java.util.Optional;

/**
 * What {@code /proc/<pid>/status} says of a process: its name (comm, as the kernel writes it
 * there, newline and backslash escaped, anything else raw) and its real uid, the two fields
 * OSHI read for the same purpose.
 */
record ProcessStatus(String name, long uid) {
    static Optional<ProcessStatus> parse(String status) {
        String name = field(status, "Name:\t");
        String uids = field(status, "Uid:\t");
        if (name == null || uids == null) {
            return Optional.empty();
        }
        int tab = uids.indexOf('\t');
        String real = tab < 0 ? uids : uids.substring(0, tab);
        return real.matches("\\d{1,10}") ? Optional.of(new ProcessStatus(name, Long.parseLong(real))) : Optional.empty();
    }

    private static String field(String status, String label) {
        int at = status.startsWith(label) ? 0 : status.indexOf("\n" + label);
        if (at < 0) {
            return null;
        }
        int from = at + (at == 0 ? 0 : 1) + label.length();
        int to = status.indexOf('\n', from);
        return status.substring(from, to < 0 ? status.length() : to);
    }
}

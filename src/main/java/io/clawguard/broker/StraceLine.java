package io.clawguard.broker;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of {@code strace -f -e trace=execve,execveat,clone,clone3,fork,vfork} output, read
 * back: a program a process started (a successful execve, with its path and argv), or a new
 * process and its parent. strace writes strings C-escaped, so the argv is decoded as the
 * kernel had it.
 */
sealed interface StraceLine {
    /** {@code pid} started {@code path} with {@code argv}. */
    record Exec(long pid, String path, List<String> argv) implements StraceLine {
    }

    /** {@code parent} made {@code child}. */
    record Spawn(long parent, long child) implements StraceLine {
    }

    /** The start of an execve whose result comes on a later line ({@code <unfinished ...>}). */
    record Pending(long pid, String path, List<String> argv) implements StraceLine {
    }

    /** The result of an unfinished execve: {@code ok} when it succeeded. */
    record Resumed(long pid, boolean ok) implements StraceLine {
    }

    Pattern HEAD = Pattern.compile("^(\\d+) +(.*)$");
    Pattern SPAWN = Pattern.compile("^(?:clone3?|v?fork)\\(.*\\) += (\\d+)$");
    Pattern SPAWN_RESUMED = Pattern.compile("^<\\.\\.\\. (?:clone3?|v?fork) resumed>.*\\) += (\\d+)$");
    Pattern RESUMED = Pattern.compile("^<\\.\\.\\. execve(?:at)? resumed>.*\\) += (-?\\d+).*$");

    static Optional<StraceLine> parse(String line) {
        Matcher h = HEAD.matcher(line);
        if (!h.matches()) {
            return Optional.empty();
        }
        long pid = Long.parseLong(h.group(1));
        String rest = h.group(2);
        Matcher spawn = SPAWN.matcher(rest);
        if (!spawn.matches()) {
            spawn = SPAWN_RESUMED.matcher(rest);
        }
        if (spawn.matches()) {
            return Optional.of(new Spawn(pid, Long.parseLong(spawn.group(1))));
        }
        Matcher resumed = RESUMED.matcher(rest);
        if (resumed.matches()) {
            return Optional.of(new Resumed(pid, resumed.group(1).equals("0")));
        }
        Reader r;
        if (rest.startsWith("execve(")) {
            r = new Reader(rest, "execve(".length());
        } else if (rest.startsWith("execveat(")) {
            // execveat(dirfd, path, argv, …): fexecve and exec by descriptor; the path may be "" (the file is the fd).
            int comma = rest.indexOf(", ");
            if (comma < 0) {
                return Optional.empty();
            }
            r = new Reader(rest, comma + 2);
        } else {
            return Optional.empty();
        }
        String path = r.string();
        if (path == null || !r.skip(", [")) {
            return Optional.empty();
        }
        List<String> argv = new ArrayList<>();
        while (!r.at(']')) {
            String arg = r.string();
            if (arg == null) {
                return Optional.empty();
            }
            argv.add(arg);
            r.skip(", ");
        }
        if (rest.endsWith("<unfinished ...>")) {
            return Optional.of(new Pending(pid, path, argv));
        }
        return rest.matches(".*\\) += 0$") ? Optional.of(new Exec(pid, path, argv)) : Optional.empty();
    }

    /** Reads C-escaped quoted strings out of a line. */
    final class Reader {
        private final String s;
        private int at;

        Reader(String s, int at) {
            this.s = s;
            this.at = at;
        }

        boolean at(char c) {
            return at < s.length() && s.charAt(at) == c;
        }

        boolean skip(String text) {
            if (s.startsWith(text, at)) {
                at += text.length();
                return true;
            }
            return false;
        }

        /** A quoted string (strace marks one it cut short with {@code ...} after it: kept as read). */
        String string() {
            if (!at('"')) {
                return null;
            }
            at++;
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            while (at < s.length() && s.charAt(at) != '"') {
                char c = s.charAt(at++);
                if (c != '\\' || at >= s.length()) {
                    bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                    continue;
                }
                char e = s.charAt(at++);
                switch (e) {
                    case 'n' -> bytes.write('\n');
                    case 't' -> bytes.write('\t');
                    case 'r' -> bytes.write('\r');
                    case 'v' -> bytes.write(0x0b);
                    case 'f' -> bytes.write('\f');
                    case 'a' -> bytes.write(0x07);
                    case 'b' -> bytes.write('\b');
                    case 'x' -> {
                        int end = Math.min(s.length(), at + 2);
                        bytes.write(Integer.parseInt(s.substring(at, end), 16));
                        at = end;
                    }
                    default -> {
                        if (e >= '0' && e <= '7') {
                            int start = at - 1;
                            while (at < s.length() && at - start < 3 && s.charAt(at) >= '0' && s.charAt(at) <= '7') {
                                at++;
                            }
                            bytes.write(Integer.parseInt(s.substring(start, at), 8));
                        } else {
                            bytes.write(e);
                        }
                    }
                }
            }
            at++;
            skip("...");
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}

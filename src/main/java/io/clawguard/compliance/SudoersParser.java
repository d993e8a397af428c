package io.clawguard.compliance;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code /etc/sudoers} and what it includes as sudo does, for {@link Sudoers}: {@code @include}
 * and {@code #include} files (relative to the including file's folder), {@code @includedir} and
 * {@code #includedir} folders (their files in name order, skipping names that end in {@code ~} or
 * hold a {@code .}, as sudo does), backslash line continuations, comments, User_Alias (Runas_,
 * Host_ and Cmnd_Alias are recognised; a right is a right whoever it runs as, on whatever
 * command), Defaults [!]authenticate with its binding, and user specifications with their
 * NOPASSWD and PASSWD tags. A file that includes itself again is skipped, as are files past
 * the caps; a line this subset cannot read is a problem, as it is a parse error to sudo.
 */
final class SudoersParser {
    static final String MAIN = "/etc/sudoers";
    private static final int MAX_DEPTH = 16;
    private static final int MAX_FILES = 128;
    private static final int MAX_LINES = 20_000;
    private static final int MAX_PROBLEMS = 20;
    private static final Pattern INCLUDE = Pattern.compile("[@#]include(dir)?\\s+(.+)");
    private static final Pattern DEFAULTS = Pattern.compile("Defaults(?:([:@>!])(\\S+))?(?:\\s+(.*))?");
    private static final Pattern ALIAS = Pattern.compile("(User|Runas|Host|Cmnd|Cmd)_Alias\\s+(.*)");
    private static final Pattern ALIAS_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern RUNAS = Pattern.compile("^\\(([^)]*)\\)\\s*");
    private static final Pattern TAG = Pattern.compile("^([A-Z_]+)\\s*:\\s*");
    private static final Set<String> TAGS = Set.of("NOPASSWD", "PASSWD", "NOEXEC", "EXEC", "SETENV", "NOSETENV",
            "LOG_INPUT", "NOLOG_INPUT", "LOG_OUTPUT", "NOLOG_OUTPUT", "MAIL", "NOMAIL", "FOLLOW", "NOFOLLOW",
            "INTERCEPT", "NOINTERCEPT");

    private final HostFacts host;
    private final List<Sudoers.Rule> rules = new ArrayList<>();
    private final List<Sudoers.AuthDefault> defaults = new ArrayList<>();
    private final Map<String, List<String>> userAliases = new LinkedHashMap<>();
    private final List<String> files = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private int lines;

    private SudoersParser(HostFacts host) {
        this.host = host;
    }

    /**
     * The host's sudoers; empty when there is no {@code /etc/sudoers}. An
     * {@link java.nio.file.AccessDeniedException} names a file or folder this user may not read.
     */
    static Optional<Sudoers> parse(HostFacts host) throws IOException {
        SudoersParser p = new SudoersParser(host);
        if (!p.file(MAIN, new ArrayDeque<>())) {
            return Optional.empty();
        }
        return Optional.of(new Sudoers(List.copyOf(p.rules), List.copyOf(p.defaults), Map.copyOf(p.userAliases),
                List.copyOf(p.files), List.copyOf(p.notes), List.copyOf(p.problems)));
    }

    /** Reads one file; false when it does not exist. */
    private boolean file(String path, Deque<String> including) throws IOException {
        if (including.contains(path)) {
            notes.add(Evidence.text(including.peek()) + " includes " + Evidence.text(path) + " again (an include loop): skipped");
            return true;
        }
        if (including.size() >= MAX_DEPTH || files.size() >= MAX_FILES) {
            notes.add(Evidence.text(path) + " skipped: more than " + MAX_DEPTH + " nested includes or " + MAX_FILES + " files");
            // Its rules are unknown: a problem too, so no check calls sudoers clean without them.
            problem(Evidence.text(path), "not read, so its rules are unknown");
            return true;
        }
        Optional<String> text = HostFile.read(host, path);
        if (text.isEmpty()) {
            return false;
        }
        files.add(Evidence.text(path));
        including.push(path);
        String[] raw = text.get().split("\n", -1);
        StringBuilder joined = new StringBuilder();
        int first = 0;
        for (int i = 0; i < raw.length && lines < MAX_LINES; i++, lines++) {
            if (joined.isEmpty()) {
                first = i + 1;
            }
            String l = raw[i];
            // A backslash at the end joins the next line, as sudo reads it.
            if (l.endsWith("\\") && i + 1 < raw.length) {
                joined.append(l, 0, l.length() - 1).append(' ');
                continue;
            }
            joined.append(l);
            line(path, first, joined.toString(), including);
            joined.setLength(0);
        }
        if (lines >= MAX_LINES) {
            problem(Evidence.text(path), "reading stopped: more than " + MAX_LINES + " lines in all");
        }
        including.pop();
        return true;
    }

    private void line(String file, int number, String raw, Deque<String> including) throws IOException {
        String source = Evidence.text(file) + ":" + number;
        String t = raw.strip();
        Matcher inc = INCLUDE.matcher(t);
        if (inc.matches()) {
            String target = resolve(file, unquote(inc.group(2).strip()));
            if (inc.group(1) == null) {
                if (!file(target, including)) {
                    notes.add(source + " includes " + Evidence.text(target) + ", which does not exist");
                }
            } else {
                folder(target, including);
            }
            return;
        }
        t = withoutComment(t);
        if (t.isEmpty()) {
            return;
        }
        // One form for lists and blanks: "a, b" and "! a" read as "a,b" and "!a", runs of blanks as one.
        t = t.replaceAll("\\s+", " ").replaceAll(" ?, ?", ",").replaceAll("! ", "!");
        Matcher d = DEFAULTS.matcher(t);
        Matcher a = ALIAS.matcher(t);
        if (d.matches()) {
            defaults(source, t, d);
        } else if (a.matches()) {
            alias(source, a.group(1), a.group(2));
        } else {
            rule(source, t);
        }
    }

    /** The files of an includedir folder in name order; names ending in ~ or holding a '.' are skipped, as sudo does. */
    private void folder(String dir, Deque<String> including) throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(host.path(dir))) {
            for (Path e : entries) {
                String name = e.getFileName().toString();
                if (!name.endsWith("~") && !name.contains(".") && Files.isRegularFile(e)) {
                    if (names.size() >= MAX_FILES) {
                        problem(Evidence.text(dir), "not read in full: more than " + MAX_FILES + " files");
                        break;
                    }
                    names.add(name);
                }
            }
        } catch (NoSuchFileException e) {
            return;
        } catch (DirectoryIteratorException e) {
            throw e.getCause();
        }
        names.sort(null);
        for (String name : names) {
            file(dir + "/" + name, including);
        }
    }

    private void defaults(String source, String line, Matcher d) {
        Boolean auth = null;
        for (String setting : (d.group(3) == null ? "" : d.group(3)).split(",")) {
            String s = setting.strip();
            if (s.equals("authenticate") || s.equals("!authenticate")) {
                auth = s.equals("authenticate");
            }
        }
        if (auth == null) {
            return;
        }
        String binding = d.group(1) == null ? "@" : d.group(1);
        Sudoers.Scope scope = switch (binding) {
            case ":" -> Sudoers.Scope.USERS;
            case "@" -> Sudoers.Scope.GLOBAL;
            default -> Sudoers.Scope.LATER;
        };
        List<String> users = scope == Sudoers.Scope.USERS ? list(d.group(2)) : List.of("ALL");
        defaults.add(new Sudoers.AuthDefault(source, Evidence.text(line), scope, users, auth));
    }

    /**
     * {@code NAME = a,b : NAME2 = c}. Only User_Alias lists are kept and split at ':' (a command
     * or its digest may hold one); of the others only the first name is checked.
     */
    private void alias(String source, String kind, String body) {
        for (String part : kind.equals("User") ? body.split(":") : new String[] {body}) {
            int eq = part.indexOf('=');
            String name = eq < 0 ? "" : part.substring(0, eq).strip();
            if (!ALIAS_NAME.matcher(name).matches()) {
                problem(source, "an alias that is not NAME = LIST");
                return;
            }
            if (kind.equals("User")) {
                userAliases.put(name, list(part.substring(eq + 1)));
            }
        }
    }

    /** {@code USERS HOSTS = (RUNAS) TAGS: COMMAND, …}. */
    private void rule(String source, String line) {
        int eq = line.indexOf('=');
        String[] who = eq < 0 ? new String[0] : line.substring(0, eq).strip().split("\\s+");
        if (who.length != 2 || eq == line.length() - 1) {
            problem(source, "not a Defaults, alias, include or USERS HOSTS = COMMANDS line");
            return;
        }
        List<String> users = list(who[0]);
        if (users.stream().anyMatch(u -> u.replace("!", "").startsWith("+"))) {
            notes.add(source + ": a netgroup is not resolved here");
        }
        rules.add(new Sudoers.Rule(source, Evidence.text(line), users, nopasswd(line.substring(eq + 1))));
    }

    /** True when a command of the list is run under a NOPASSWD tag (tags carry on until PASSWD). */
    private static boolean nopasswd(String commands) {
        boolean tagged = false;
        for (String item : commands.split("(?<!\\\\),")) {
            String rest = RUNAS.matcher(item.strip()).replaceFirst("");
            Matcher tag = TAG.matcher(rest);
            while (tag.find() && TAGS.contains(tag.group(1))) {
                if (tag.group(1).equals("NOPASSWD") || tag.group(1).equals("PASSWD")) {
                    tagged = tag.group(1).equals("NOPASSWD");
                }
                rest = rest.substring(tag.end());
                tag = TAG.matcher(rest);
            }
            if (tagged && !rest.isBlank()) {
                return true;
            }
        }
        return false;
    }

    private void problem(String source, String what) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(source + ": " + what);
        }
    }

    /** A '#' starts a comment unless it names a uid or gid ({@code #1000}, {@code %#1000}). */
    private static String withoutComment(String t) {
        for (int i = 0; i < t.length(); i++) {
            boolean startsWord = i == 0 || Character.isWhitespace(t.charAt(i - 1));
            boolean id = i + 1 < t.length() && Character.isDigit(t.charAt(i + 1));
            if (t.charAt(i) == '#' && startsWord && !id) {
                return t.substring(0, i).strip();
            }
        }
        return t;
    }

    private static List<String> list(String s) {
        return Arrays.stream(s.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList();
    }

    private static String resolve(String including, String target) {
        if (target.startsWith("/")) {
            return Path.of(target).normalize().toString();
        }
        return Path.of(including).resolveSibling(target).normalize().toString();
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}

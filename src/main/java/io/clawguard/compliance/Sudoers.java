package io.clawguard.compliance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The part of sudoers the checks judge ({@link SudoersParser} reads it): who may run commands,
 * and whether without a password (a NOPASSWD tag, or {@code Defaults !authenticate} for them).
 * Host lists are taken to match this host, and runas and command-bound Defaults to apply to
 * every rule: both err towards finding a right, never towards missing one.
 */
record Sudoers(List<Rule> rules, List<AuthDefault> defaults, Map<String, List<String>> userAliases,
               List<String> files, List<String> notes, List<String> problems) {
    /** User_Alias inside User_Alias nests at most this deep (a loop ends here too). */
    private static final int MAX_ALIAS_DEPTH = 8;

    /** One user specification line: its users and whether any of its commands is tagged NOPASSWD. */
    record Rule(String source, String text, List<String> users, boolean nopasswd) {
    }

    /** Where a Defaults line binds: everyone (also host-bound), listed users, or runas/command-bound. */
    enum Scope { GLOBAL, USERS, LATER }

    /** A Defaults line that sets authenticate (true) or !authenticate (false). */
    record AuthDefault(String source, String text, Scope scope, List<String> users, boolean authenticate) {
    }

    /** A user as sudo matches one: name, uid, group names and ids. */
    record Person(String name, int uid, Set<String> groups, Set<Integer> gids) {
    }

    /**
     * A passwordless entry and the text to name it by: a NOPASSWD rule ({@code grants}: it gives
     * its users commands) or a !authenticate Defaults (it makes its users' rules passwordless).
     */
    record OpenEntry(String named, List<String> users, boolean everyone, boolean grants) {
    }

    List<Rule> rulesOf(Person p) {
        return rules.stream().filter(r -> matches(r.users(), p)).toList();
    }

    /**
     * Whether sudo asks {@code p} for a password by default. sudo applies global Defaults first,
     * then user-bound ones, then runas- and command-bound ones, whatever their order in the files.
     */
    boolean authenticates(Person p) {
        boolean auth = true;
        for (Scope scope : Scope.values()) {
            for (AuthDefault d : defaults) {
                if (d.scope() == scope && (scope != Scope.USERS || matches(d.users(), p))) {
                    auth = scope == Scope.LATER ? auth && d.authenticate() : d.authenticate();
                }
            }
        }
        return auth;
    }

    /** The rules of {@code p} that run without a password. */
    List<Rule> passwordlessRulesOf(Person p) {
        boolean auth = authenticates(p);
        return rulesOf(p).stream().filter(r -> r.nopasswd() || !auth).toList();
    }

    /** Every NOPASSWD rule and every !authenticate Defaults, for whoever they are. */
    List<OpenEntry> openEntries() {
        List<OpenEntry> open = new ArrayList<>();
        rules.stream().filter(Rule::nopasswd).forEach(r -> open.add(new OpenEntry(r.source() + ": " + r.text(),
                r.users(), false, true)));
        defaults.stream().filter(d -> !d.authenticate()).forEach(d -> open.add(new OpenEntry(d.source() + ": "
                + d.text(), d.users(), d.scope() != Scope.USERS, false)));
        return open;
    }

    /** Whether an entry's users include {@code p}. */
    boolean covers(OpenEntry e, Person p) {
        return e.everyone() || matches(e.users(), p);
    }

    /** sudo's rule for a list: the last item that matches decides, and a {@code !} item denies. */
    boolean matches(List<String> list, Person p) {
        return matches(list, p, 0);
    }

    private boolean matches(List<String> list, Person p, int depth) {
        Boolean result = null;
        for (String raw : list) {
            boolean negated = raw.startsWith("!");
            String item = negated ? raw.substring(1).strip() : raw;
            if (item.equals("ALL") || matchesOne(item, p, depth)) {
                result = !negated;
            }
        }
        return Boolean.TRUE.equals(result);
    }

    private boolean matchesOne(String item, Person p, int depth) {
        if (item.startsWith("%#")) {
            return p.gids().contains(number(item.substring(2)));
        }
        if (item.startsWith("%")) {
            return p.groups().contains(item.substring(1));
        }
        if (item.startsWith("#")) {
            return number(item.substring(1)) == p.uid();
        }
        List<String> alias = userAliases.get(item);
        if (alias != null) {
            return depth < MAX_ALIAS_DEPTH && matches(alias, p, depth + 1);
        }
        // A netgroup (+name) is not resolved: it matches no one here, and the parser notes it.
        return item.equals(p.name());
    }

    /** A uid or gid as sudoers writes it; -1 (no one's id) when it is not a number. */
    static int number(String s) {
        return s.matches("\\d{1,9}") ? Integer.parseInt(s) : -1;
    }
}

package io.clawguard.files;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Lookups in the lines of {@code /etc/passwd} and {@code /etc/group}: name to id, id to name, members. */
public final class UserDatabase {
    private UserDatabase() {
    }

    /** The id of {@code name} (or {@code name} itself when it is a number); an unknown name is an error. */
    public static int id(String name, List<String> lines, String field, String file) throws IOException {
        if (name.matches("\\d{1,9}")) {
            return Integer.parseInt(name);
        }
        for (String line : lines) {
            String[] f = line.split(":", -1);
            if (f.length > 2 && f[0].equals(name) && f[2].matches("\\d{1,9}")) {
                return Integer.parseInt(f[2]);
            }
        }
        throw new IOException("clawguard.json: " + field + " names \"" + name + "\", which is not in " + file);
    }

    /** The name of user {@code uid}, or null when the passwd lines have none. */
    public static String nameOf(int uid, List<String> passwd) {
        String[] f = entryOf(uid, passwd);
        return f == null ? null : f[0];
    }

    /** The home folder of user {@code uid}, or null when the passwd lines have none. */
    public static String homeOf(int uid, List<String> passwd) {
        String[] f = entryOf(uid, passwd);
        return f == null ? null : f[5];
    }

    private static String[] entryOf(int uid, List<String> passwd) {
        String id = Integer.toString(uid);
        for (String line : passwd) {
            String[] f = line.split(":", -1);
            if (f.length > 5 && f[2].equals(id)) {
                return f;
            }
        }
        return null;
    }

    /** A user as the passwd file has it. */
    public record Account(String name, int uid, int gid, String home) {
    }

    /** The account named {@code user} (a name, or a uid), or null when the passwd lines have none. */
    public static Account account(String user, List<String> passwd) {
        for (String line : passwd) {
            String[] f = line.split(":", -1);
            if (f.length > 5 && (f[0].equals(user) || f[2].equals(user)) && f[2].matches("\\d{1,9}")
                    && f[3].matches("\\d{1,9}")) {
                return new Account(f[0], Integer.parseInt(f[2]), Integer.parseInt(f[3]), f[5]);
            }
        }
        return null;
    }

    /** The users the group file lists as members of group {@code gid}. */
    public static List<String> membersOf(int gid, List<String> group) {
        String id = Integer.toString(gid);
        List<String> out = new ArrayList<>();
        for (String line : group) {
            String[] f = line.split(":", -1);
            if (f.length > 3 && f[2].equals(id) && !f[3].isEmpty()) {
                out.addAll(List.of(f[3].split(",")));
            }
        }
        return out;
    }

    /** The groups user {@code uid} is in by the files: its primary group and those listing it as a member. */
    public static Set<Integer> groupsOf(int uid, List<String> passwd, List<String> group) {
        Set<Integer> gids = new HashSet<>();
        String[] user = entryOf(uid, passwd);
        if (user == null) {
            return gids;
        }
        if (user[3].matches("\\d{1,9}")) {
            gids.add(Integer.parseInt(user[3]));
        }
        for (String line : group) {
            String[] f = line.split(":", -1);
            if (f.length > 3 && f[2].matches("\\d{1,9}") && List.of(f[3].split(",")).contains(user[0])) {
                gids.add(Integer.parseInt(f[2]));
            }
        }
        return gids;
    }
}

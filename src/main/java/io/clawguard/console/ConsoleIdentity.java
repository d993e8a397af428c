package io.clawguard.console;

/**
 * Where the console runs, for its title bar: host, admin user, and how the agent is kept
 * apart (a same-user install stops accidents and injected escalation, not a hostile agent).
 */
public record ConsoleIdentity(String host, String user, boolean sameUser) {
    /** Said in the title bar; the long form where the terminal is wide enough. */
    String installNote(boolean wide) {
        if (!sameUser) {
            return "separated install";
        }
        return wide ? "same-user install: stops mistakes, not a hostile agent" : "same-user install";
    }
}

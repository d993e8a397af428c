package io.clawguard.policy;

import java.util.List;

/**
 * What an argv hands to an interpreter: inline code (each piece whole, as the program gets it,
 * and the argv positions that hold it: code, not paths),
 * script files (as named in the argv), and what else makes it run code nobody reviewed here
 * (code read from standard input, an installed module run by name). Empty for a plain command.
 */
public record InterpreterUse(List<String> inlineCode, List<Integer> inlineArgs, List<Script> scripts,
                             List<String> notes) {
    public static final InterpreterUse NONE = new InterpreterUse(List.of(), List.of(), List.of(), List.of());

    /**
     * A script argument: its place in the argv, the path as written there, and what comes before
     * the path in the same word ({@code -f} of {@code -fprog.awk}; empty when the word is the path).
     */
    public record Script(int argvIndex, String path, String prefix) {
    }

    public InterpreterUse {
        inlineCode = List.copyOf(inlineCode);
        inlineArgs = List.copyOf(inlineArgs);
        scripts = List.copyOf(scripts);
        notes = List.copyOf(notes);
    }

    /** Runs code that is not a fixed program: flagged X, never kept for a session. */
    public boolean any() {
        return !inlineCode.isEmpty() || !scripts.isEmpty() || !notes.isEmpty();
    }

    /** Runs code given on the command line or read at run time: asked every time under strict_inline_eval. */
    public boolean inline() {
        return !inlineCode.isEmpty() || !notes.isEmpty();
    }
}

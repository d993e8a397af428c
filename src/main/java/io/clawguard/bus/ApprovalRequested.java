package io.clawguard.bus;

import java.time.Instant;
import java.util.List;

/**
 * A privileged request now waits for a human. Every text field is as the requester sent
 * it; the console makes it visible before showing it. {@code argvResolved} holds, per argv
 * element, where the path it names leads, symlinks followed (or "": not a path, or an absolute
 * one that leads where it says); {@code argvChangeable} the indexes of those the requester can
 * change before the command runs, and {@code folderChangeable} whether it can add files to the
 * working folder;
 * {@code runsAs} says who the command runs as; {@code approvalsNeeded} is 2 under the two-person rule;
 * {@code code} is what the argv hands an interpreter (empty for a plain command).
 */
public record ApprovalRequested(String requestId, List<String> argv, List<String> argvResolved,
                                List<Integer> argvChangeable, boolean folderChangeable, String resolvedPath,
                                String cwd, String sessionId, String reason, boolean untrusted,
                                boolean confirmationRequired, boolean keepRequested, boolean useSudo, int requesterUid,
                                long requesterPid, String requesterProcess, String runsAs, int approvalsNeeded,
                                Code code, Instant deadline, Instant at) implements Event {
    public ApprovalRequested {
        argv = List.copyOf(argv);
        argvResolved = List.copyOf(argvResolved);
        argvChangeable = argvChangeable == null ? List.of() : List.copyOf(argvChangeable);
    }

    /**
     * Code an interpreter is handed: inline code as given, each bound script as
     * {@code path  sha256 …  N bytes}, and notes on code nobody can see here (standard input, a module).
     */
    public record Code(List<String> inline, List<String> scripts, List<String> scriptText, List<String> notes) {
        public static final Code NONE = new Code(List.of(), List.of(), List.of(), List.of());

        /** {@code scriptText}: each bound script's bytes as text, in the order of {@code scripts}. */
        public Code {
            inline = List.copyOf(inline);
            scripts = List.copyOf(scripts);
            scriptText = List.copyOf(scriptText);
            notes = List.copyOf(notes);
            if (scriptText.size() != scripts.size()) {
                throw new IllegalArgumentException("a bound script without its text");
            }
        }

        /** An interpreter runs code that is not a fixed program: flagged X, never kept. */
        public boolean any() {
            return !inline.isEmpty() || !scripts.isEmpty() || !notes.isEmpty();
        }
    }
}

package io.clawguard.compliance;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The sudo rights of one agent account: sudo's own answer ({@code sudo -n -l -U USER}: -n so it
 * never waits at a terminal for a password) where sudo is installed and answers, else sudoers
 * read as sudo reads it ({@link SudoersParser}). Every right runs without ClawGuard.
 * {@code problems}: the lines of sudoers this cannot read (the rights in force are then unknown).
 */
record AgentSudoRights(List<String> rights, boolean passwordless, String evidence, List<String> problems) {

    /** An {@link java.nio.file.AccessDeniedException} names the sudoers file this user may not read. */
    static AgentSudoRights of(Signals signals, AgentIdentity.AgentUser u) throws IOException {
        HostFacts host = signals.host();
        String user = u.name().matches("\\d+") ? "#" + u.uid() : u.name();
        List<String> argv = List.of("sudo", "-n", "-l", "-U", user);
        Optional<HostFacts.ToolOutput> out = host.run(argv);
        Optional<SudoListing> listing = out.flatMap(o -> SudoListing.parse(o.stdout() + "\n" + o.stderr()));
        if (listing.isPresent()) {
            return new AgentSudoRights(listing.get().rights(), listing.get().passwordless(), String.join(" ", argv),
                    List.of());
        }
        String tried = out.map(o -> String.join(" ", argv) + " did not say (exit " + o.exitCode() + "); ")
                .orElse("sudo is not installed in the system folders; ");
        Optional<Sudoers> sudoers = signals.sudoers();
        if (sudoers.isEmpty()) {
            return new AgentSudoRights(List.of(), false, tried + SudoersParser.MAIN + " does not exist", List.of());
        }
        Sudoers s = sudoers.get();
        Sudoers.Person p = u.person();
        List<String> rights = new ArrayList<>();
        s.rulesOf(p).forEach(r -> rights.add(r.source() + ": " + r.text()));
        if (!s.authenticates(p)) {
            rights.add("(Defaults !authenticate applies to " + u.name() + ")");
        }
        String read = tried + "read " + String.join(", ", s.files()) + (s.notes().isEmpty() ? ""
                : " (" + String.join("; ", s.notes()) + ")");
        return new AgentSudoRights(s.rulesOf(p).isEmpty() ? List.of() : List.copyOf(rights),
                !s.passwordlessRulesOf(p).isEmpty(), read, s.problems());
    }
}

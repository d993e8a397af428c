package io.clawguard.compliance;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code sudo -n -l -U USER} printed (in the C locale), read: the lines under "User NAME may
 * run the following commands", none when it says the user "is not allowed to run sudo", and
 * empty when it says neither (sudo refused to list, or answered in a way this does not know).
 */
record SudoListing(List<String> rights, boolean passwordless) {
    private static final int MAX_RIGHTS = 50;

    static Optional<SudoListing> parse(String output) {
        if (output.contains(" is not allowed to run sudo")) {
            return Optional.of(new SudoListing(List.of(), false));
        }
        int head = output.indexOf(" may run the following commands");
        if (head < 0) {
            return Optional.empty();
        }
        List<String> rights = new ArrayList<>();
        for (String line : output.substring(head).lines().skip(1).toList()) {
            if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
                break;
            }
            if (!line.isBlank() && rights.size() < MAX_RIGHTS) {
                rights.add(Evidence.text(line.strip()));
            }
        }
        // The Defaults sudo matched for the user come before the list: !authenticate makes every right passwordless.
        boolean noAuth = output.substring(0, head).contains("!authenticate");
        return Optional.of(new SudoListing(List.copyOf(rights), noAuth || rights.stream()
                .anyMatch(r -> r.contains("NOPASSWD"))));
    }
}

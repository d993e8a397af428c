package io.clawguard.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

/**
 * The host's users, read from {@code /etc/passwd} as the broker reads them: a name the install
 * writes into {@code clawguard.json} must be one the broker will find there when it starts.
 */
public final class Accounts {
    public static final Path PASSWD = Path.of("/etc/passwd");

    private final List<String> passwdLines;

    private Accounts(List<String> passwdLines) {
        this.passwdLines = List.copyOf(passwdLines);
    }

    public static Accounts read(Path passwd) throws ServiceException {
        try {
            return new Accounts(Files.readAllLines(passwd));
        } catch (IOException e) {
            throw new ServiceException("cannot read " + passwd + " to check the users (" + e.getMessage() + ")");
        }
    }

    static Accounts of(List<String> passwdLines) {
        return new Accounts(passwdLines);
    }

    /** The uid of the user named {@code name} (or numbered, as clawguard.json allows); empty when there is none. */
    OptionalInt uid(String name) {
        for (String line : passwdLines) {
            String[] f = line.split(":", -1);
            if (f.length > 2 && f[2].matches("\\d{1,9}") && (f[0].equals(name) || f[2].equals(name))) {
                return OptionalInt.of(Integer.parseInt(f[2]));
            }
        }
        return OptionalInt.empty();
    }
}

package io.clawguard.broker;

import io.clawguard.files.UserDatabase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A uid as an admin reads it: the passwd name, or "uid N" for a user without one. */
final class UserNames {
    private UserNames() {
    }

    static String of(int uid) {
        try {
            String name = UserDatabase.nameOf(uid, Files.readAllLines(Path.of("/etc/passwd")));
            return name == null ? "uid " + uid : name;
        } catch (IOException e) {
            return "uid " + uid;
        }
    }
}

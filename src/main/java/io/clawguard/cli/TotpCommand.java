package io.clawguard.cli;

import io.clawguard.approval.TotpFactor;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code clawguard totp enrol}: a TOTP secret for the console's second factor. */
@Command(name = "totp", mixinStandardHelpOptions = true, description = "Second factor for approvals (RFC 6238).",
        subcommands = TotpCommand.Enrol.class)
final class TotpCommand {

    @Command(name = "enrol", mixinStandardHelpOptions = true,
            description = "Create totp-secret (0600) in the state folder and print it for an authenticator app.")
    static final class Enrol implements Callable<Integer> {
        @Mixin
        HomeOption home;

        @Override
        public Integer call() throws IOException {
            Path file = home.stateHome().configDir().resolve("totp-secret");
            String secret;
            try {
                secret = TotpFactor.enrol(file, new SecureRandom());
            } catch (FileAlreadyExistsException e) {
                System.err.println("clawguard totp enrol: " + file + " exists; remove it first to enrol a new device");
                return 1;
            }
            String host = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
            System.out.println("Wrote " + file + " (mode 0600).");
            System.out.println("Add it to an authenticator app: secret " + secret);
            System.out.println("  otpauth://totp/ClawGuard:" + host + "?secret=" + secret + "&issuer=ClawGuard&period=30&digits=6");
            System.out.println("Then turn it on in " + home.stateHome().config() + ":  \"totp_secret_file\": \"totp-secret\"");
            return 0;
        }
    }
}

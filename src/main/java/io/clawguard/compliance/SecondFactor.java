package io.clawguard.compliance;

import static io.clawguard.compliance.CheckResult.compliant;
import static io.clawguard.compliance.CheckResult.error;
import static io.clawguard.compliance.CheckResult.notAssessed;
import static io.clawguard.compliance.CheckResult.unreadable;
import static io.clawguard.compliance.CheckResult.violation;

import io.clawguard.json.InvalidJsonFileException;
import io.clawguard.policy.GuardConfig;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * multi_factor_approval: approving takes a TOTP code or an approval token, kept where the agent
 * cannot read it (whoever reads the token, or the TOTP secret, can approve its own requests).
 * A TOTP secret counts even when no agent is known to test its reach; a token does not, as a
 * token is a plain password stored beside the broker.
 */
final class SecondFactor {
    private SecondFactor() {
    }

    static CheckResult.Draft evaluate(Signals s) {
        GuardConfig c;
        try {
            c = s.config();
        } catch (InvalidJsonFileException e) {
            return error(s.home().config().toString(), e.getMessage(), "Fix " + s.home().config() + ".");
        }
        if (c.totpSecretFile() != null) {
            return outOfReach(s, c.totpSecretFile(), "totp_secret_file", "TOTP secret", false);
        }
        if (c.approvalTokenFile() == null) {
            return violation("approvals take one keypress", s.home().config()
                    + ": neither totp_secret_file nor approval_token_file", "a stolen admin session can approve",
                    "Run clawguard totp enrol and add \"totp_secret_file\": \"totp-secret\" to " + s.home().config() + ".");
        }
        return outOfReach(s, c.approvalTokenFile(), "approval_token_file", "token", true);
    }

    /** {@code needsAgent}: without an agent account to test, the secret is not judged. */
    private static CheckResult.Draft outOfReach(Signals s, Path secret, String field, String what, boolean needsAgent) {
        String setting = s.home().config() + ": " + field + " = " + secret;
        AgentIdentity id = s.agents();
        if (!id.found() && needsAgent) {
            return AgentChecks.noAgent(s);
        }
        if (!Files.isRegularFile(secret)) {
            return violation("the " + what + " is missing", setting + ", which does not exist",
                    "no " + what + " can be checked", "Run clawguard totp enrol, or point " + field + " in "
                            + s.home().config() + " at the file.");
        }
        List<String> readable = new ArrayList<>();
        List<String> closed = new ArrayList<>();
        for (AgentIdentity.AgentUser u : id.users()) {
            try {
                FileAccess a = FileAccess.of(secret, u.uid(), u.gids());
                (a.readable() ? readable : closed).add(u.label() + ": " + a.why());
            } catch (AccessDeniedException e) {
                return unreadable(e.getFile(), "who can read the " + what + " is judged from it");
            } catch (IOException e) {
                return notAssessed("the " + what + "'s permissions cannot be read", secret + ": " + e);
            }
        }
        if (!readable.isEmpty()) {
            return violation("the agent can read the " + what, String.join("; ", readable),
                    "the agent can approve its own requests with it",
                    "chmod 600 " + secret + " and chown it to the admin (not the agent), in a folder the agent cannot"
                            + " enter (chmod 700 " + secret.getParent() + ").");
        }
        return compliant("approvals take a " + what + " the agent cannot read", setting + (closed.isEmpty()
                ? "; no agent account found to test its reach" : "; " + String.join("; ", closed)));
    }
}

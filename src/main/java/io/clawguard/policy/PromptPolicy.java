package io.clawguard.policy;

import io.clawguard.json.InvalidJsonFileException;
import io.clawguard.json.JsonFiles;
import io.clawguard.json.JsonObject;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether a request from an untrusted content source needs the approver's second, explicit
 * confirmation ({@code prompt-policy.json}). Without the file the answer is yes: only the
 * admin's file can waive it.
 */
public record PromptPolicy(boolean requireConfirmationForUntrusted) {
    public static final PromptPolicy DEFAULT = new PromptPolicy(true);

    /** Empty when the file does not exist. */
    public static Optional<PromptPolicy> load(Path file) throws InvalidJsonFileException {
        Optional<Object> doc = JsonFiles.read(file);
        if (doc.isEmpty()) {
            return Optional.empty();
        }
        JsonObject o = JsonObject.of(file.toString(), doc.get());
        return Optional.of(new PromptPolicy(o.bool("require_confirmation_for_untrusted", true)));
    }
}

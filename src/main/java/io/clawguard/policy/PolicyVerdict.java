package io.clawguard.policy;

/**
 * What the command policy says of one argv; a block carries the seed's reason word
 * ({@code deny_match}, {@code deny_exact_match}, {@code not_in_allow_exact},
 * {@code not_in_allowlist}) and the rule that decided.
 */
public record PolicyVerdict(boolean allowed, String reason, String rule) {
    public static final PolicyVerdict ALLOWED = new PolicyVerdict(true, null, null);

    static PolicyVerdict blocked(String reason, String rule) {
        return new PolicyVerdict(false, reason, rule);
    }

    public String describe() {
        if (allowed) {
            return "allowed";
        }
        return switch (reason) {
            case "deny_match" -> "matches deny rule " + rule;
            case "deny_exact_match" -> "is listed in deny_exact";
            case "not_in_allow_exact" -> "is not listed in allow_exact";
            case "too_many_args", "arg_too_long" -> "has " + rule;
            default -> "matches no allow rule";
        };
    }
}

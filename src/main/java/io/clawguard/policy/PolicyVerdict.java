package io.clawguard.policy;

/**
 * What the command policy says of one argv; a block carries the seed's reason word
 * ({@code deny_match}, {@code deny_exact}, {@code allow_miss}) and the rule that decided.
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
            case "deny_exact" -> "is listed in deny_exact";
            default -> "matches no allow rule";
        };
    }
}

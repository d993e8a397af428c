package io.clawguard.policy;

import java.util.regex.Pattern;

/**
 * A rule of {@code command-policy.json}'s {@code run_as}: commands whose command line matches
 * {@code match} (searched like {@code deny}) run as {@code user} instead of root. The admin
 * names the user; nothing the requester sends can.
 */
public record RunAsRule(Pattern match, String user) {
}

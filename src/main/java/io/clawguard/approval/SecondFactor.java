package io.clawguard.approval;

import java.time.Instant;
import java.util.List;

/**
 * What an approver types besides the approval itself: a static token, a TOTP code, or
 * nothing when none is configured. With several configured, any one of them is accepted.
 */
public interface SecondFactor {
    SecondFactor NONE = new SecondFactor() {
        @Override
        public boolean required() {
            return false;
        }

        @Override
        public boolean verify(String input, Instant now) {
            return true;
        }
    };

    boolean required();

    /** Compares in constant time. */
    boolean verify(String input, Instant now);

    static SecondFactor token(ApprovalToken token) {
        return new SecondFactor() {
            @Override
            public boolean required() {
                return true;
            }

            @Override
            public boolean verify(String input, Instant now) {
                return token.matches(input);
            }
        };
    }

    static SecondFactor anyOf(List<SecondFactor> factors) {
        List<SecondFactor> required = factors.stream().filter(SecondFactor::required).toList();
        if (required.isEmpty()) {
            return NONE;
        }
        return new SecondFactor() {
            @Override
            public boolean required() {
                return true;
            }

            @Override
            public boolean verify(String input, Instant now) {
                boolean ok = false;
                for (SecondFactor f : required) {
                    ok |= f.verify(input, now);
                }
                return ok;
            }
        };
    }
}

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
        public boolean verify(String input, Instant now, int approverUid) {
            return true;
        }
    };

    boolean required();

    /** Compares in constant time; {@code approverUid} is the kernel's word on who typed it. */
    boolean verify(String input, Instant now, int approverUid);

    /** How a required factor checks what was typed. */
    @FunctionalInterface
    interface Check {
        boolean test(String input, Instant now, int approverUid);
    }

    /** A required factor that {@code check} verifies. */
    static SecondFactor requiring(Check check) {
        return new SecondFactor() {
            @Override
            public boolean required() {
                return true;
            }

            @Override
            public boolean verify(String input, Instant now, int approverUid) {
                return check.test(input, now, approverUid);
            }
        };
    }

    static SecondFactor token(ApprovalToken token) {
        return requiring((input, now, uid) -> token.matches(input));
    }

    /** Accepts any one of the configured factors; every one is checked, so timing says nothing. */
    static SecondFactor anyOf(List<SecondFactor> factors) {
        List<SecondFactor> required = factors.stream().filter(SecondFactor::required).toList();
        if (required.isEmpty()) {
            return NONE;
        }
        return requiring((input, now, uid) -> {
            boolean ok = false;
            for (SecondFactor f : required) {
                ok |= f.verify(input, now, uid);
            }
            return ok;
        });
    }
}

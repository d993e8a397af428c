package io.clawguard.broker;

import io.clawguard.approval.ApprovalToken;
import io.clawguard.approval.SecondFactor;
import io.clawguard.approval.TotpFactor;
import io.clawguard.policy.GuardConfig;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The second factor approvals need, as the broker that checks it configures it. */
final class SecondFactors {
    private SecondFactors() {
    }

    /**
     * The broker's own {@code OPENCLAW_APPROVAL_TOKEN}, and the token and TOTP secret files of
     * {@code clawguard.json}. A configured file that cannot be used stops the broker rather than
     * letting it run without the factor.
     */
    static SecondFactor configured(GuardConfig config, int uid) throws IOException {
        List<SecondFactor> factors = new ArrayList<>();
        String envToken = System.getenv("OPENCLAW_APPROVAL_TOKEN");
        if (envToken != null && !envToken.isBlank()) {
            factors.add(SecondFactor.token(ApprovalToken.of(envToken)));
        }
        if (config.approvalTokenFile() != null) {
            factors.add(SecondFactor.token(ApprovalToken.fromFile(config.approvalTokenFile(), uid)));
        }
        if (config.totpSecretFile() != null) {
            factors.add(TotpFactor.fromFile(config.totpSecretFile(), uid));
        }
        return SecondFactor.anyOf(factors);
    }
}

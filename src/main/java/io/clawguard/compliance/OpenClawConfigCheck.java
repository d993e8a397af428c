package io.clawguard.compliance;

import java.util.function.BiFunction;

/**
 * A check that judges OpenClaw's {@code openclaw.json}. The file's own state is decided here, once
 * for all of them: missing is not assessed, unreadable says root would read it, unparsable (or a
 * setting OpenClaw would reject) is an error scored 0, since the setting in force is unknown.
 */
final class OpenClawConfigCheck {
    private OpenClawConfigCheck() {
    }

    static Check of(String id, BiFunction<Signals, OpenClawSettings, CheckResult.Draft> body) {
        return Check.of(id, s -> {
            OpenClawSettings oc = s.openclaw();
            return oc.unusable().orElseGet(() -> {
                try {
                    return body.apply(s, oc);
                } catch (OpenClawSettings.BadSetting e) {
                    return CheckResult.error(oc.file().toString(), e.getMessage(), "Set " + e.field() + " in " + oc.file() + " to a value OpenClaw accepts"
                            + " (openclaw doctor validates it), then assess again.");
                }
            });
        });
    }
}

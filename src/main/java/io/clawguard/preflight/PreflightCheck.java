package io.clawguard.preflight;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** One line of {@code clawguard preflight}: what was checked, how it stands, and what to do. */
public record PreflightCheck(String name, Status status, String detail) {
    /** Fail blocks privileged execution or breaks a control; warn weakens one. */
    public enum Status { OK, WARN, FAIL }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("check", name);
        m.put("status", status.name().toLowerCase(Locale.ROOT));
        m.put("detail", detail);
        return m;
    }
}

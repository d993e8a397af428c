package io.clawguard.compliance;

import io.clawguard.json.JsonValues;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The titles of the ISO/IEC 27001:2022 Annex A, NIST CSF 2.0 and NIST SP 800-53 r5 controls
 * the map cites ({@code references/control-catalog.json}), so reports show what each id means.
 */
public record ControlCatalog(Map<String, String> iso27001, Map<String, String> nistCsf, Map<String, String> nistSp80053) {

    @SuppressWarnings("unchecked")
    public static ControlCatalog builtIn() {
        try (InputStream in = ControlCatalog.class.getResourceAsStream("/control-catalog.json")) {
            if (in == null) {
                throw new IllegalStateException("the jar has no control-catalog.json");
            }
            Map<String, Object> m = (Map<String, Object>) JsonValues.parse(new String(in.readAllBytes(),
                    StandardCharsets.UTF_8));
            return new ControlCatalog((Map<String, String>) m.get("iso27001_2022_annex_a"),
                    (Map<String, String>) m.get("nist_csf_2_0"), (Map<String, String>) m.get("nist_sp800_53_r5"));
        } catch (IOException e) {
            throw new IllegalStateException("the control catalog is broken", e);
        }
    }
}

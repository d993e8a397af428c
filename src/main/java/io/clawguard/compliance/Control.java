package io.clawguard.compliance;

import java.util.List;

/** One entry of the controls map: the check and the ISO 27001 / NIST controls it evidences. */
public record Control(String checkId, String title, String expectedState, String defaultRisk, List<String> iso27001,
                      List<String> nistCsf, List<String> nistSp80053) {
    public Control {
        iso27001 = List.copyOf(iso27001);
        nistCsf = List.copyOf(nistCsf);
        nistSp80053 = List.copyOf(nistSp80053);
    }
}

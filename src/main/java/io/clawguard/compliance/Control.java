package io.clawguard.compliance;

import java.util.List;
import java.util.Map;

/** One entry of the controls map: the check and the ISO 27001 / NIST controls it evidences. */
public record Control(String checkId, String title, String expectedState, String defaultRisk, List<String> iso27001,
                      List<String> nistCsf, List<String> nistSp80053) {
    public Control {
        iso27001 = List.copyOf(iso27001);
        nistCsf = List.copyOf(nistCsf);
        nistSp80053 = List.copyOf(nistSp80053);
    }

    /** The same entry with some cited ids replaced by others. */
    Control swapping(Map<String, String> swaps) {
        if (swaps.isEmpty()) {
            return this;
        }
        return new Control(checkId, title, expectedState, defaultRisk, swap(iso27001, swaps), swap(nistCsf, swaps),
                swap(nistSp80053, swaps));
    }

    private static List<String> swap(List<String> ids, Map<String, String> swaps) {
        return ids.stream().map(id -> swaps.getOrDefault(id, id)).distinct().toList();
    }
}

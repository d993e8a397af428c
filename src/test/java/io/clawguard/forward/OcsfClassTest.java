package io.clawguard.forward;

import static org.assertj.core.api.Assertions.assertThat;

import io.clawguard.audit.AuditAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** references/ocsf-mapping.md and the code say the same of every action. */
class OcsfClassTest {
    @Test
    void everyActionHasTheClassAndActivityTheReferenceGivesIt() throws Exception {
        Map<String, String> documented = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("references/ocsf-mapping.md"), StandardCharsets.UTF_8)) {
            String[] cells = line.split("\\|");
            if (cells.length >= 7 && cells[2].strip().matches("\\d+") && cells[4].strip().matches("\\d+")) {
                documented.put(cells[1].strip(), String.join("/", cells[2].strip(), cells[3].strip(), cells[4].strip(),
                        cells[5].strip()));
            }
        }
        Map<String, String> coded = new LinkedHashMap<>();
        for (AuditAction a : AuditAction.values()) {
            OcsfClass c = OcsfClass.of(a);
            coded.put(a.logName(), c.classUid() + "/" + c.className() + "/" + c.activityId() + "/" + c.activityName());
        }
        assertThat(documented).containsExactlyInAnyOrderEntriesOf(coded);
    }

    @Test
    void theClassesTheIssueNamesAreTheOnesUsed() {
        assertThat(OcsfClass.of(AuditAction.EXEC_START).classUid()).isEqualTo(1007);
        assertThat(OcsfClass.of(AuditAction.EXEC_FINISH).classUid()).isEqualTo(1007);
        assertThat(OcsfClass.of(AuditAction.APPROVAL_DECISION).classUid()).isEqualTo(3003);
        assertThat(OcsfClass.of(AuditAction.PORT_OPENED).classUid()).isEqualTo(4001);
        assertThat(OcsfClass.of(AuditAction.EGRESS_NEW).classUid()).isEqualTo(4001);
        assertThat(OcsfClass.of(AuditAction.FINDING_RAISED).classUid()).isEqualTo(2004);
        assertThat(Arrays.stream(AuditAction.values()).map(OcsfClass::of)).doesNotContainNull();
    }
}

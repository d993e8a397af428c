package io.clawguard.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The map says what references/controls-mapping-notes.md says it does, and cites nothing it may not. */
class ControlsMappingTest {
    private static final Path NOTES = Path.of("references/controls-mapping-notes.md");
    private final Map<String, Control> map = ControlsMap.builtIn().stream()
            .collect(Collectors.toMap(Control::checkId, Function.identity()));

    /** The rows of the Markdown table under {@code heading}, split into trimmed cells. */
    private static List<List<String>> table(String heading) throws Exception {
        String text = Files.readString(NOTES);
        String section = text.substring(text.indexOf(heading));
        int next = section.indexOf("\n## ", 1);
        return section.substring(0, next < 0 ? section.length() : next).lines()
                .filter(l -> l.startsWith("| ") && !l.startsWith("| check ") && !l.startsWith("|---"))
                .map(l -> Arrays.stream(l.substring(1, l.length() - 1).split("\\|", -1)).map(String::strip).toList())
                .toList();
    }

    private static List<String> ids(String cell) {
        return cell.isBlank() ? List.of() : Arrays.stream(cell.split(",")).map(String::strip).toList();
    }

    private List<String> cited(String checkId, String field) {
        Control c = map.get(checkId);
        assertThat(c).as(checkId + " is in the map").isNotNull();
        return switch (field) {
            case "iso27001" -> c.iso27001();
            case "nist_csf" -> c.nistCsf();
            case "nist_sp800_53" -> c.nistSp80053();
            default -> throw new AssertionError("unknown field " + field);
        };
    }

    @Test
    void everyCorrectionOfTheReviewIsInTheMap() throws Exception {
        List<List<String>> rows = table("## Corrections");
        assertThat(rows).hasSizeGreaterThanOrEqualTo(11);
        for (List<String> row : rows) {
            List<String> cites = cited(row.get(0), row.get(1));
            assertThat(cites).as(row.get(0) + " " + row.get(1)).containsAll(ids(row.get(2)));
            ids(row.get(3)).forEach(id -> assertThat(cites).as(row.get(0) + " " + row.get(1)).doesNotContain(id));
            assertThat(row.get(4)).as("each row says why").isNotBlank();
        }
    }

    @Test
    void everyAddedCheckCitesExactlyWhatItsRowSays() throws Exception {
        for (List<String> row : table("## Checks added")) {
            assertThat(cited(row.get(0), "iso27001")).as(row.get(0)).containsExactlyInAnyOrderElementsOf(ids(row.get(1)));
            assertThat(cited(row.get(0), "nist_csf")).as(row.get(0)).containsExactlyInAnyOrderElementsOf(ids(row.get(2)));
            assertThat(cited(row.get(0), "nist_sp800_53")).as(row.get(0))
                    .containsExactlyInAnyOrderElementsOf(ids(row.get(3)));
            assertThat(row.get(4)).isNotBlank();
        }
    }

    @Test
    void noCheckCitesEncryptionAtRestOrSessionTerminationForFileModesOrTaskScoping() {
        for (Control c : map.values()) {
            assertThat(c.nistSp80053()).as(c.checkId() + ": nothing here encrypts data at rest").doesNotContain("SC-28");
        }
        assertThat(map.values().stream().filter(c -> c.nistSp80053().contains("AC-12")).map(Control::checkId))
                .as("AC-12 (session termination) only where an elevated session is ended")
                .containsExactly("elevation_timeout_30m");
        assertThat(map.get("secrets_permissions_hardened").nistSp80053()).doesNotContain("SC-28", "AC-12");
        assertThat(map.get("session_boundary_enforced").nistSp80053()).doesNotContain("SC-28", "AC-12");
    }

    @Test
    void everyIdOfEveryCheckIsInTheCatalog() {
        ControlCatalog catalog = ControlCatalog.builtIn();
        for (Control c : map.values()) {
            assertThat(catalog.iso27001()).as(c.checkId()).containsKeys(c.iso27001().toArray(String[]::new));
            assertThat(catalog.nistCsf()).as(c.checkId()).containsKeys(c.nistCsf().toArray(String[]::new));
            assertThat(catalog.nistSp80053()).as(c.checkId()).containsKeys(c.nistSp80053().toArray(String[]::new));
            assertThat(c.iso27001()).as(c.checkId() + " cites ISO 27001").isNotEmpty();
            assertThat(c.nistSp80053()).as(c.checkId() + " cites SP 800-53").isNotEmpty();
        }
    }

    @Test
    void everyCheckOfTheMapHasCode(@TempDir Path root) throws Exception {
        Assessment a = Assessor.builtIn().assess(new PreparedHome(root).signals(), Instant.EPOCH, "h");
        assertThat(a.checks()).extracting(s -> s.result().observed())
                .noneMatch(o -> o.startsWith("ClawGuard has no check"));
    }

    private static Control commandPolicyCited(Path root, String policy) throws Exception {
        PreparedHome h = new PreparedHome(root);
        h.file(h.home.commandPolicy(), policy);
        return Assessor.builtIn().assess(h.signals(), Instant.EPOCH, "h").checks().stream()
                .filter(s -> s.control().checkId().equals("command_policy_enforced")).findFirst().orElseThrow().control();
    }

    @Test
    void aDenyOnlyPolicyIsDenyByExceptionAndAnAllowListAllowByException(@TempDir Path root) throws Exception {
        assertThat(commandPolicyCited(root.resolve("deny"), "{\"deny\": [\"^/bin/sh\"]}").nistSp80053())
                .contains("CM-7(4)").doesNotContain("CM-7(5)");
        assertThat(commandPolicyCited(root.resolve("allow"), "{\"deny\": [\"^/bin/sh\"], \"allow_exact\": [[\"/usr/bin/id\"]]}")
                .nistSp80053()).contains("CM-7(5)").doesNotContain("CM-7(4)");
    }
}

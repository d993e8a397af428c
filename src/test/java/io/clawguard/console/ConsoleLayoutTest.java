package io.clawguard.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalSize;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The console from 80×24 up: panes never overlap, all fit, and the render matches its golden file. */
class ConsoleLayoutTest {
    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"80,24", "200,60", "120,40", "100,20"})
    void panesDoNotOverlapAndFitTheScreen(int cols, int rows) {
        ConsoleLayout l = ConsoleLayout.of(new TerminalSize(cols, rows));
        List<ConsoleLayout.Region> regions = new ArrayList<>(List.of(l.pending(), l.activity()));
        regions.addAll(l.monitors());
        for (ConsoleLayout.Region r : regions) {
            assertThat(r.top()).isGreaterThan(l.titleRow());
            assertThat(r.bottom()).isLessThanOrEqualTo(l.statusRow());
            assertThat(r.right()).isLessThanOrEqualTo(cols);
            for (ConsoleLayout.Region o : regions) {
                if (o != r) {
                    assertThat(r.overlaps(o)).as(r + " overlaps " + o).isFalse();
                }
            }
        }
        assertThat(l.pending().size().getRows()).isGreaterThanOrEqualTo(5);
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"80,24", "200,60"})
    void rendersLikeItsGoldenFile(int cols, int rows) throws Exception {
        ConsoleRig rig = new ConsoleRig(cols, rows);
        rig.request("4242-abc-1", List.of("/usr/bin/systemctl", "restart", "nginx"), "restart the web server");
        rig.request("4243-abd-2", List.of("/usr/bin/apt-get", "install", "-y", "jq"), "needs jq for the report");
        String screen = rig.screen();
        assertThat(screen.lines()).hasSize(rows);
        assertThat(screen).contains("Pending approvals (2)", "Decisions and audit log", "Listening ports",
                "Outbound (0 inbound", "Compliance scorecard", "a approve");
        Golden.check("console-" + cols + "x" + rows, screen);
    }
}

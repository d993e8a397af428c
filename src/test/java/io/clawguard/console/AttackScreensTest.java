package io.clawguard.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyType;
import io.clawguard.bus.ApprovalDecided;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Golden screens of what a hostile requester can send, at the smallest and a large terminal. */
class AttackScreensTest {
    static Stream<Arguments> attacks() {
        List<String> huge = new ArrayList<>(List.of("/usr/bin/cp"));
        for (int i = 0; i < 5000; i++) {
            huge.add("f" + i);
        }
        huge.add("/etc/cron.hourly/\u202eevil");
        List<Arguments> out = new ArrayList<>();
        for (int[] size : new int[][] {{80, 24}, {200, 60}}) {
            for (Object[] a : new Object[][] {
                    {"nul", List.of("/usr/bin/echo", "a\u0000b")},
                    {"esc", List.of("/usr/bin/echo", "\u001b[2J")},
                    {"csi", List.of("/usr/bin/echo", "\u009b31mred")},
                    {"osc", List.of("/usr/bin/echo", "\u001b]0;owned\u0007")},
                    {"dcs", List.of("/usr/bin/echo", "\u001bPq#0\u001b\\")},
                    {"bidi", List.of("/usr/bin/cat", "report\u202etxt.sh")},
                    {"cgj", List.of("/usr/bin/rm", "/tmp/vic\u034ftim")},
                    {"vs16", List.of("/usr/bin/rm", "/tmp/victim\ufe0f")},
                    {"cyrillic", List.of("/usr/bin/c\u0430t", "/etc/shadow")},
                    {"5000-args", huge}}) {
                out.add(Arguments.of(a[0], a[1], size[0], size[1]));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} at {2}x{3}")
    @MethodSource("attacks")
    @SuppressWarnings("unchecked")
    void aHostileRequestAndItsDetailRenderLikeTheirGoldenFiles(String name, Object argv, int cols, int rows)
            throws Exception {
        ConsoleRig rig = new ConsoleRig(cols, rows);
        rig.request("4242-abc-1", (List<String>) argv, "reason with \u001b[31m and \u202e in it");
        Golden.check("attack-" + name + "-" + cols + "x" + rows, rig.screen());
        rig.press(KeyType.Enter);
        Golden.check("attack-" + name + "-detail-" + cols + "x" + rows, rig.screen());
    }

    @ParameterizedTest(name = "{0}x{1}")
    @org.junit.jupiter.params.provider.CsvSource({"80,24", "200,60"})
    void afterTheSelectedRequestWasWithdrawnNothingIsSelected(int cols, int rows) throws Exception {
        ConsoleRig rig = new ConsoleRig(cols, rows);
        rig.request("4242-abc-1", List.of("/usr/bin/systemctl", "restart", "nginx"), "restart the web server");
        rig.request("4243-abd-2", List.of("/usr/bin/cp", "/tmp/x", "/etc/cron.hourly/x"), "never read");
        rig.bus.publish(new ApprovalDecided("4242-abc-1", "denied", false, "the requester went away", ConsoleRig.T0));
        rig.settle();
        String screen = rig.screen();
        assertThat(screen).doesNotContain(">----");
        Golden.check("withdrawn-" + cols + "x" + rows, screen);
    }

    @ParameterizedTest(name = "{0}x{1}")
    @org.junit.jupiter.params.provider.CsvSource({"80,24", "200,60"})
    void theHelpOverlayFits(int cols, int rows) throws Exception {
        ConsoleRig rig = new ConsoleRig(cols, rows);
        rig.type("?");
        Golden.check("help-" + cols + "x" + rows, rig.screen());
    }
}

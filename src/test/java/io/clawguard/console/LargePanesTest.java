package io.clawguard.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyType;
import io.clawguard.bus.AuditRecorded;
import io.clawguard.bus.NetworkChanged;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The panes at the scale of issue 10 (20,000 connections, 40,000 socket rows): each holds a
 * bounded number of rows and says how many more there are; alerts are kept first; {@code /}
 * narrows a network pane.
 */
class LargePanesTest {
    private static final int ROWS = 40_000;
    /** Rows of program {@code ncat}, all flagged, placed last by port and by program. */
    private static final int NCAT = 12;

    /**
     * 40,000 listeners and 40,000 destinations; programs app-0 … app-39 take turns, so each
     * matches 1,000 rows (app-7 is not a prefix of another), and the last twelve are ncat.
     */
    static NetworkChanged picture() {
        List<NetworkChanged.Listener> listening = new ArrayList<>();
        List<NetworkChanged.Destination> outbound = new ArrayList<>();
        List<NetworkChanged.FindingView> findings = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            boolean ncat = i >= ROWS - NCAT;
            String program = ncat ? "ncat" : "app-" + i % 40;
            String bind = "10.0." + i / 250 + "." + i % 250;
            int port = 10_000 + i;
            String key = "tcp " + bind + ":" + port;
            listening.add(new NetworkChanged.Listener(key, "tcp", bind, port, 1000 + i, program, "svc"));
            String remote = "198.51." + i / 250 + "." + i % 250;
            String destination = "tcp " + remote + ":443 " + program;
            outbound.add(new NetworkChanged.Destination(destination, "tcp", remote, 443, 1000 + i, program, "svc"));
            if (ncat) {
                findings.add(new NetworkChanged.FindingView("unapproved-port", "medium", key, key + " is in no rule",
                        "Stop the service."));
                findings.add(new NetworkChanged.FindingView("unapproved-egress", "medium", destination,
                        destination + ": matches no rule", "Add a rule or stop ncat."));
            }
        }
        return new NetworkChanged(listening, outbound, 0, findings, true, true, List.of(), ConsoleRig.T0);
    }

    private static ConsoleRig rigWithPicture() {
        ConsoleRig rig = new ConsoleRig(200, 60);
        rig.bus.publish(picture());
        rig.settle();
        return rig;
    }

    @Test
    void fortyThousandRowsAreHeldToTheCapAndTheRestCounted() {
        ConsoleRig rig = rigWithPicture();
        NetworkView net = rig.model.networkView();
        assertThat(net.ports().rows().size()).isEqualTo(NetworkView.ROWS_KEPT);
        assertThat(net.egress().rows().size()).isEqualTo(NetworkView.ROWS_KEPT);
        // 200x60: a monitor pane has 15 rows inside; 14 rows and the line that counts the rest.
        assertThat(rig.screen()).contains("… and 39,986 more");
    }

    @Test
    void flaggedRowsAreKeptUnderTheCapInEveryOrder() {
        ConsoleRig rig = rigWithPicture();
        rig.press(KeyType.Tab);
        for (String order : List.of("flagged first", "by port", "by program")) {
            assertThat(rig.screen()).contains(order);
            assertThat(rig.model.networkView().ports().rows()).filteredOn(NetworkRow::flagged).hasSize(NCAT);
            assertThat(rig.model.networkView().egress().rows()).filteredOn(NetworkRow::flagged).hasSize(NCAT);
            rig.type("o");
        }
    }

    @Test
    void slashNarrowsTheFocusedPaneAsTheAdminTypesAndCounts() {
        ConsoleRig rig = rigWithPicture();
        rig.press(KeyType.Tab);
        assertThat(rig.row(59)).contains("/ filter");
        rig.type("/NCA");
        String typing = rig.screen();
        assertThat(typing).contains("Listening ports · 12 of 40,000 /NCA", "│/NCA▏  12 of 40,000", "tcp 10.0.159.238:49988  ncat");
        assertThat(rig.model.networkView().ports().rows()).hasSize(NCAT).allMatch(r -> r.process().equals("ncat"));
        assertThat(rig.row(59)).contains("⏎ keep", "Esc clear");
        rig.press(KeyType.Backspace);
        rig.press(KeyType.Backspace);
        rig.type("pp-7");
        assertThat(rig.screen()).contains("0 of 40,000 /Npp-7");
        for (int i = 0; i < 5; i++) {
            rig.press(KeyType.Backspace);
        }
        rig.type("app-7");
        rig.press(KeyType.Enter);
        String kept = rig.screen();
        assertThat(kept).contains("Listening ports · 1,000 of 40,000 /app-7", "│/app-7  1,000 of 40,000 ", "… and 987 more")
                .doesNotContain("/app-7▏");
        assertThat(rig.model.networkView().ports().rows()).hasSize(NetworkView.ROWS_KEPT)
                .allMatch(r -> r.process().equals("app-7"));
        assertThat(rig.row(59)).contains("Esc clear filter");
        assertThat(rig.model.networkView().egress().rows()).hasSize(NetworkView.ROWS_KEPT);
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"80,24", "200,60"})
    void aKeptFilterOnFortyThousandRows(int cols, int rows) throws IOException {
        ConsoleRig rig = new ConsoleRig(cols, rows);
        rig.bus.publish(picture());
        rig.settle();
        rig.press(KeyType.Tab);
        rig.type("/app-7");
        rig.press(KeyType.Enter);
        Golden.check("filter-" + cols + "x" + rows, rig.screen());
    }

    @Test
    void escClearsTheFilterWhileTypingAndAfterEnter() {
        ConsoleRig rig = rigWithPicture();
        rig.press(KeyType.Tab);
        rig.press(KeyType.Tab);
        rig.type("/curl");
        assertThat(rig.screen()).contains("Outbound · 0 of 40,000 /curl");
        rig.press(KeyType.Escape);
        assertThat(rig.screen()).doesNotContain("/curl").contains("… and 39,986 more");
        rig.type("/ncat");
        rig.press(KeyType.Enter);
        assertThat(rig.screen()).contains("Outbound · 12 of 40,000 /ncat");
        rig.press(KeyType.Escape);
        assertThat(rig.screen()).doesNotContain("/ncat").contains("Outbound (0 inbound apart)");
    }

    @Test
    void escapeCharactersInTheFilterAreShownWrittenOut() {
        ConsoleRig rig = rigWithPicture();
        rig.press(KeyType.Tab);
        rig.type("/\u001b[2J\u009b31m");
        assertThat(rig.screen()).contains("0 of 40,000 /\\x1b[2J\\x9b31m").doesNotContain("\u001b", "\u009b")
                .doesNotContain("could not draw");
    }

    @Test
    void aHostileProgramNameStaysEscapedAndCanBeFoundAsShown() {
        ConsoleRig rig = new ConsoleRig(200, 60);
        rig.bus.publish(new NetworkChanged(List.of(new NetworkChanged.Listener("tcp 0.0.0.0:8080", "tcp", "0.0.0.0",
                8080, 7, "web\u001b]0;pwned\u0007", "agent")), List.of(), 0, List.of(), true, true, List.of(),
                ConsoleRig.T0));
        rig.settle();
        rig.press(KeyType.Tab);
        rig.type("/\\x1b]0;PWNED");
        assertThat(rig.screen()).contains("1 of 1", "web\\x1b]0;pwned\\x07").doesNotContain("\u001b", "\u0007");
    }

    @Test
    void thePendingPaneCountsTheRequestsBelowWhatFits() {
        ConsoleRig rig = new ConsoleRig(80, 24);
        for (int i = 1; i <= 40; i++) {
            rig.request("1-x-" + i, List.of("/usr/bin/id", i % 10 == 0 ? "\u001b[2J" : "-u"), "r" + i, false, false);
        }
        // 80x24: the pending pane has 6 rows inside: the header, four requests, the count.
        assertThat(rig.screen()).contains("Pending approvals (40)", "… and 36 more, 4 of them flagged");
    }

    @Test
    void theActivityPaneKeepsAlertsOverAFloodAndCountsWhatWent() {
        ConsoleRig rig = new ConsoleRig(200, 60);
        rig.bus.publish(new AuditRecorded(Map.of("ts_utc", "2026-11-24T12:00:01Z", "action", "policy_block",
                "argv", List.of("/usr/bin/rm", "-rf", "/"), "reason", "deny rule"), ConsoleRig.T0));
        for (int i = 0; i < ActivityTail.KEPT + 100; i++) {
            rig.bus.publish(new AuditRecorded(Map.of("ts_utc", "2026-11-24T12:00:02Z", "action", "port_opened",
                    "subject", "tcp 10.0.0.1:" + (10_000 + i)), ConsoleRig.T0));
        }
        rig.settle();
        List<ActivityLine> kept = rig.model.activity();
        assertThat(kept).hasSize(ActivityTail.KEPT);
        assertThat(kept.get(0).action()).isEqualTo("policy_block");
        // 601 lines, 17 shown (200x60): the title counts the 584 above them, held or not.
        assertThat(rig.screen()).contains("Decisions and audit log … and 584 earlier");
    }
}

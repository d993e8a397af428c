package io.clawguard.cli;

import io.clawguard.compliance.Assessment;
import io.clawguard.compliance.AssessmentJson;
import io.clawguard.compliance.Assessor;
import io.clawguard.compliance.ControlCatalog;
import io.clawguard.compliance.HtmlReport;
import io.clawguard.compliance.MarkdownReport;
import io.clawguard.compliance.Notifier;
import io.clawguard.compliance.ScoredCheck;
import io.clawguard.compliance.Signals;
import io.clawguard.compliance.ThisHost;
import io.clawguard.files.AtomicFile;
import io.clawguard.files.StateHome;
import io.clawguard.json.InvalidJsonFileException;
import io.clawguard.json.JsonValues;
import io.clawguard.monitor.OwnerLookup;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code clawguard assess}: the compliance scorecard, on the terminal and as JSON, HTML and Markdown reports. */
@Command(name = "assess", mixinStandardHelpOptions = true,
        description = "Assess the controls (ISO/IEC 27001:2022, NIST CSF 2.0, NIST SP 800-53 r5) with evidence and"
                + " mitigations; exit 1 when any check is violated.")
final class AssessCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the assessment as JSON (schema clawguard-assessment/1).")
    Path json;

    @Option(names = "--html", paramLabel = "FILE", description = "Write a self-contained HTML report.")
    Path html;

    @Option(names = "--md", paramLabel = "FILE", description = "Write a Markdown report.")
    Path md;

    @Override
    public Integer call() throws IOException {
        StateHome h = home.stateHome();
        Signals signals = new Signals(h, new ThisHost(), Optional.of(OneShotScan.run(h, EnumSet.allOf(OwnerLookup.class))));
        Assessment a = Assessor.builtIn().assess(signals, Clock.systemUTC().instant(),
                Files.readString(Path.of("/proc/sys/kernel/hostname")).strip());
        ControlCatalog catalog = ControlCatalog.builtIn();
        write(json, JsonValues.pretty(AssessmentJson.of(a, catalog)) + "\n");
        write(html, HtmlReport.of(a, catalog));
        write(md, MarkdownReport.of(a, catalog));
        System.out.println("score " + a.score() + "/100 (" + a.band() + ")  " + a.byStatus());
        try {
            new Notifier(h.complianceState(), h.notifyConfig()).process(a)
                    .ifPresent(message -> System.err.println("notified: " + message.lines().findFirst().orElse("")));
        } catch (IOException | InvalidJsonFileException e) {
            System.err.println("clawguard assess: notification failed: " + e.getMessage());
        }
        for (ScoredCheck s : a.checks()) {
            System.out.printf("%-12s %-6s %-38s %s%n", s.result().status().wire(), s.result().risk(),
                    s.control().checkId(), s.result().observed());
        }
        return a.byStatus().getOrDefault("violation", 0L) > 0 ? 1 : 0;
    }

    private static void write(Path file, String text) throws IOException {
        if (file != null) {
            AtomicFile.write(file.toAbsolutePath(), text.getBytes(StandardCharsets.UTF_8),
                    PosixFilePermissions.fromString("rw-r--r--"));
            System.err.println("wrote " + file);
        }
    }
}

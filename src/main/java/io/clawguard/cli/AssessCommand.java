package io.clawguard.cli;

import io.clawguard.compliance.Assessment;
import io.clawguard.compliance.AssessmentSettings;
import io.clawguard.compliance.AssessmentJson;
import io.clawguard.compliance.Assessor;
import io.clawguard.compliance.ControlCatalog;
import io.clawguard.compliance.HtmlReport;
import io.clawguard.compliance.MarkdownReport;
import io.clawguard.compliance.Notifier;
import io.clawguard.compliance.OpenClawHome;
import io.clawguard.compliance.ScoredCheck;
import io.clawguard.compliance.Signals;
import io.clawguard.compliance.Status;
import io.clawguard.compliance.ThisHost;
import io.clawguard.compliance.XccdfReport;
import io.clawguard.files.ProcessIdentity;
import io.clawguard.files.AtomicFile;
import io.clawguard.files.StateHome;
import io.clawguard.fleet.FleetAssessment;
import io.clawguard.fleet.HostAddress;
import io.clawguard.fleet.SshSettings;
import io.clawguard.json.InvalidJsonFileException;
import io.clawguard.json.JsonValues;
import io.clawguard.monitor.OwnerLookup;
import io.clawguard.policy.GuardConfig;
import io.clawguard.text.VisibleText;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code clawguard assess}: the compliance scorecard, on the terminal and as JSON, HTML and
 * Markdown reports; with {@code --host}, the scorecards of several hosts, one row each.
 */
@Command(name = "assess", mixinStandardHelpOptions = true,
        description = {"Assess the controls (ISO/IEC 27001:2022, NIST CSF 2.0, NIST SP 800-53 r5) with evidence and"
                + " mitigations; exit 1 when any check is violated or in error, 3 when none is but the coverage"
                + " (assessed weight over total) is below the floor (assessment.min_coverage_percent, default 70)."
                + " Reads the host and writes nothing but the reports asked for.",
                "With --host, runs clawguard assess on each host through ssh and reports a row per host (exit 1 when"
                        + " any host has a violation or an error, 3 when a host could not be assessed or covers too"
                        + " little to be graded)."})
final class AssessCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the assessment as JSON (schema"
            + " clawguard-assessment/2; with --host, clawguard-fleet-assessment/1); - for standard output.")
    String json;

    @Option(names = "--host", paramLabel = "[NAME=]ssh://[USER@]HOST[:PORT][/STATE]",
            description = "Assess this host through ssh instead of this one (repeatable).")
    List<String> hostUrls = new ArrayList<>();

    @Option(names = "--ssh-config", paramLabel = "FILE", description = "ssh_config file for the hosts (ssh -F).")
    Path sshConfig;

    @Option(names = "--remote-clawguard", paramLabel = "PATH", defaultValue = "clawguard",
            description = "The clawguard command on the hosts (default: clawguard).")
    String remoteClawguard;

    @Option(names = "--html", paramLabel = "FILE", description = "Write a self-contained HTML report.")
    Path html;

    @Option(names = "--md", paramLabel = "FILE", description = "Write a Markdown report.")
    Path md;

    @Option(names = "--xccdf", paramLabel = "FILE", description = "Write an XCCDF 1.2 benchmark with its TestResult"
            + " (for OpenSCAP tooling and SCAP viewers).")
    Path xccdf;

    @Option(names = "--openclaw-dir", paramLabel = "DIR", description = "OpenClaw's state folder (default:"
            + " $OPENCLAW_STATE_DIR, else ~/.openclaw of the first agent_users entry, else your own).")
    Path openclawDir;

    @Option(names = "--notify", description = "Compare with the last notified assessment (compliance-state.json),"
            + " run notify.json's command when something got worse, and remember this one.")
    boolean notify;

    @Override
    public Integer call() throws IOException {
        if (!hostUrls.isEmpty()) {
            return fleet();
        }
        StateHome h = home.stateHome();
        LogFiles.toFileIfFolderExists(h.logFile());
        List<String> agentUsers;
        try {
            AssessmentSettings.load(h.config());
            agentUsers = GuardConfig.load(h.config(), ProcessIdentity.uid()).agentUsers();
        } catch (InvalidJsonFileException e) {
            throw CommandFailure.brokenConfig(e);
        }
        Instant now = Clock.systemUTC().instant();
        Signals signals = new Signals(h, OpenClawHome.onThisHost(openclawDir, agentUsers), new ThisHost(),
                Optional.of(OneShotScan.run(h, EnumSet.allOf(OwnerLookup.class))), now);
        Assessment a = Assessor.builtIn().assess(signals, now,
                Files.readString(Path.of("/proc/sys/kernel/hostname")).strip());
        ControlCatalog catalog = ControlCatalog.builtIn();
        boolean jsonOut = "-".equals(json);
        // With the JSON on standard output, the lines for people go to standard error.
        PrintStream human = jsonOut ? System.err : System.out;
        if (jsonOut) {
            System.out.println(JsonValues.pretty(AssessmentJson.of(a, catalog)));
        } else {
            write(json == null ? null : Path.of(json), JsonValues.pretty(AssessmentJson.of(a, catalog)) + "\n");
        }
        write(html, HtmlReport.of(a, catalog));
        write(md, MarkdownReport.of(a, catalog));
        write(xccdf, XccdfReport.of(a, catalog));
        human.println("score " + a.score() + "/100, " + a.coverage().describe() + ": " + a.band() + "  "
                + a.byStatus());
        if (notify) {
            notify(h, a);
        }
        for (ScoredCheck s : a.checks()) {
            // What a check observed quotes the host: shown, never obeyed, on a terminal.
            human.printf("%-14s %-6s %-38s %s%n", s.result().status().wire(), s.result().risk(),
                    s.control().checkId(), VisibleText.of(s.result().observed()).text());
        }
        if (a.count(Status.VIOLATION) + a.count(Status.ERROR) > 0) {
            return ExitCode.FINDINGS;
        }
        // No violation found is not a clean host while too little of it could be looked at.
        return a.insufficientEvidence() ? ExitCode.INSUFFICIENT_EVIDENCE : ExitCode.CLEAN;
    }

    private static void notify(StateHome h, Assessment a) {
        try {
            new Notifier(h.complianceState(), h.notifyConfig()).process(a)
                    .ifPresent(message -> System.err.println("notified: " + message.lines().findFirst().orElse("")));
        } catch (IOException | InvalidJsonFileException e) {
            System.err.println("clawguard assess: notification failed: " + e.getMessage());
        }
    }

    /** A row per host; the hosts' own words are escaped, since they come from other machines. */
    private int fleet() throws IOException {
        if (html != null || md != null) {
            System.err.println("clawguard assess: --html and --md report on this host; with --host use --json");
            return ExitCode.USAGE;
        }
        List<HostAddress> hosts;
        SshSettings ssh;
        try {
            hosts = HostAddress.parseAll(hostUrls);
            ssh = new SshSettings("ssh", sshConfig == null ? null : sshConfig.toString(), remoteClawguard);
        } catch (IllegalArgumentException e) {
            System.err.println("clawguard assess: " + e.getMessage());
            return ExitCode.USAGE;
        }
        List<FleetAssessment.HostReport> reports = FleetAssessment.gather(hosts, ssh);
        boolean jsonOut = "-".equals(json);
        PrintStream human = jsonOut ? System.err : System.out;
        human.printf("%-16s %5s %8s  %-21s %9s %5s %7s %9s %12s  %s%n", "host", "score", "coverage", "band",
                "violation", "error", "partial", "compliant", "not_assessed", "worst");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (FleetAssessment.HostReport r : reports) {
            rows.add(FleetRows.json(r));
            human.println(FleetRows.line(r));
        }
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("schema", "clawguard-fleet-assessment/1");
        all.put("hosts", rows);
        if (jsonOut) {
            System.out.println(JsonValues.pretty(all));
        } else {
            write(json == null ? null : Path.of(json), JsonValues.pretty(all) + "\n");
        }
        if (reports.stream().anyMatch(FleetRows::violated)) {
            return ExitCode.FINDINGS;
        }
        return reports.stream().anyMatch(FleetRows::insufficient) ? ExitCode.INSUFFICIENT_EVIDENCE : ExitCode.CLEAN;
    }

    private static void write(Path file, String text) throws IOException {
        if (file != null) {
            AtomicFile.write(file.toAbsolutePath(), text.getBytes(StandardCharsets.UTF_8),
                    PosixFilePermissions.fromString("rw-r--r--"));
            System.err.println("wrote " + file);
        }
    }
}

package io.clawguard.forward;

import static org.assertj.core.api.Assertions.assertThat;

import io.clawguard.approval.ApprovalDecision;
import io.clawguard.audit.AuditChain;
import io.clawguard.bus.ForwardingChanged;
import io.clawguard.exec.ExecClient;
import io.clawguard.exec.ExecRequestJson;
import io.clawguard.files.StateHome;
import io.clawguard.json.JsonValues;
import io.clawguard.testing.Rsyslog;
import io.clawguard.testing.RunningBroker;
import io.clawguard.testing.TestCa;
import io.clawguard.testing.TestHomes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real rsyslogd (Debian's) receives what a real broker forwards during a scripted session:
 * every chained record, in order, once, as RFC 5424 with an OCSF body, over TCP and over TLS;
 * and across an outage of the collector, with requests going on meanwhile.
 */
class SyslogForwardingIntegrationTest {
    private static final Pattern SEQ = Pattern.compile("seq=\"(\\d+)\"");
    private static final Pattern HASH = Pattern.compile("hash=\"([0-9a-f]{64})\"");

    @TempDir
    Path root;

    @Test
    void everyRecordOfASessionArrivesOverTcpInOrderWithItsOcsfFields() throws Exception {
        try (Rsyslog rsyslog = Rsyslog.start(root.resolve("rsyslog"), null)) {
            StateHome home = homeForwardingTo("tcp", rsyslog.port(), null);
            try (RunningBroker broker = new RunningBroker(home, Clock.systemUTC(), Duration.ofMinutes(5))) {
                session(broker, 5);
                assertEveryRecordArrivedOnce(home, rsyslog);
            }
        }
    }

    @Test
    void overTlsTheCollectorsCertificateIsCheckedAndEveryRecordArrives() throws Exception {
        TestCa ca = TestCa.create(root.resolve("ca"));
        try (Rsyslog rsyslog = Rsyslog.start(root.resolve("rsyslog"), ca)) {
            StateHome home = homeForwardingTo("tls", rsyslog.port(), ca.caCert());
            try (RunningBroker broker = new RunningBroker(home, Clock.systemUTC(), Duration.ofMinutes(5))) {
                session(broker, 5);
                assertEveryRecordArrivedOnce(home, rsyslog);
            }
        }
    }

    @Test
    void aHostileArgumentSentAsCefOverUdpStaysInsideItsOwnRecord() throws Exception {
        String hostile = "x\u001b]0;pwned\u0007\u009b2J\n<34>1 2026-01-01T00:00:00Z evil clawguard 1 exec_finish [x] forged=1|";
        try (Rsyslog rsyslog = Rsyslog.startUdp(root.resolve("rsyslog"))) {
            StateHome home = TestHomes.under(root);
            TestHomes.write(home.config(), "{\"syslog\": {\"transport\": \"udp\", \"host\": \"127.0.0.1\", \"port\": "
                    + rsyslog.port() + ", \"format\": \"cef\"}}");
            try (RunningBroker broker = new RunningBroker(home, Clock.systemUTC(), Duration.ofMinutes(5))) {
                CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> execArgv(home,
                        List.of("/usr/bin/printf", "%s", hostile), hostile));
                broker.decide(broker.awaitPending(1), ApprovalDecision.approved(false));
                assertThat(run.get()).isZero();
                long newest = ((Number) chained(home).get(chained(home).size() - 1).get(AuditChain.SEQ)).longValue();
                List<String> lines = awaitThrough(rsyslog, newest);
                assertThat(lines).hasSize(chained(home).size()).allMatch(l -> l.startsWith("clawguard|"))
                        .noneMatch(l -> l.contains("\u001b") || l.contains("\u009b") || l.contains("\u0007"));
                String requested = lines.stream().filter(l -> l.startsWith("clawguard|approval_requested|")).findFirst()
                        .orElseThrow();
                assertThat(requested).contains("CEF:0|ClawGuard|clawguard|", "msg=x\\u001b]0;pwned\\u0007\\u009b2J\\n<34>1",
                        "forged\\=1|");
            }
        }
    }

    @Test
    void aRestartedBrokerSendsOnFromWhereTheCollectorConfirmedWithoutRepeating() throws Exception {
        try (Rsyslog rsyslog = Rsyslog.start(root.resolve("rsyslog"), null)) {
            StateHome home = homeForwardingTo("tcp", rsyslog.port(), null);
            try (RunningBroker broker = new RunningBroker(home, Clock.systemUTC(), Duration.ofMinutes(5))) {
                session(broker, 3);
                assertEveryRecordArrivedOnce(home, rsyslog);
            }
            assertThat(SyslogForwarder.confirmedThrough(home.auditLog())).isPositive();
            // The stop record was written after forwarding stopped: the next broker sends it first.
            try (RunningBroker again = new RunningBroker(home, Clock.systemUTC(), Duration.ofMinutes(5))) {
                runs(home, 3);
                assertEveryRecordArrivedOnce(home, rsyslog);
            }
        }
    }

    @Test
    void aCollectorSignedByAnotherCaGetsNothing() throws Exception {
        TestCa collectors = TestCa.create(root.resolve("ca"));
        TestCa other = TestCa.create(root.resolve("other-ca"));
        try (Rsyslog rsyslog = Rsyslog.start(root.resolve("rsyslog"), collectors)) {
            StateHome home = homeForwardingTo("tls", rsyslog.port(), other.caCert());
            List<ForwardingChanged> states = new CopyOnWriteArrayList<>();
            try (RunningBroker broker = new RunningBroker(home, Clock.systemUTC(), Duration.ofMinutes(5))) {
                broker.broker.bus().subscribe(ForwardingChanged.class, states::add);
                session(broker, 1);
                awaitState(states, ForwardingChanged.FAILING);
            }
            assertThat(rsyslog.received()).isEmpty();
            assertThat(states.stream().filter(s -> s.state().equals(ForwardingChanged.FAILING)).findFirst().orElseThrow()
                    .problem()).contains("TLS with 127.0.0.1:" + rsyslog.port() + " failed", "trust anchors");
        }
    }

    @Test
    void aCollectorStoppedMidStreamAndStartedAgainGetsEveryRecordOnceAndRequestsGoOnMeanwhile() throws Exception {
        try (Rsyslog rsyslog = Rsyslog.start(root.resolve("rsyslog"), null)) {
            StateHome home = homeForwardingTo("tcp", rsyslog.port(), null);
            List<ForwardingChanged> states = new CopyOnWriteArrayList<>();
            try (RunningBroker broker = new RunningBroker(home, Clock.systemUTC(), Duration.ofMinutes(5))) {
                broker.broker.bus().subscribe(ForwardingChanged.class, states::add);
                List<Long> normal = session(broker, 30);
                // Stopped while the session goes on: the requests keep coming through it.
                CompletableFuture<List<Long>> during = CompletableFuture.supplyAsync(() -> runs(broker.home, 60));
                rsyslog.stop();
                List<Long> outage = during.get();
                awaitState(states, ForwardingChanged.FAILING);
                long queued = states.get(states.size() - 1).queued();
                assertThat(queued).as("the records of the outage wait in the log").isPositive();
                rsyslog.start();
                assertEveryRecordArrivedOnce(home, rsyslog);
                awaitState(states, ForwardingChanged.OK);
                assertThat(states.get(states.size() - 1).queued()).isZero();
                LatencyReport.write(normal, outage);
            }
        }
    }

    private StateHome homeForwardingTo(String transport, int port, Path ca) {
        StateHome home = TestHomes.under(root);
        TestHomes.write(home.config(), "{\"syslog\": {\"transport\": \"" + transport + "\", \"host\": \"127.0.0.1\","
                + " \"port\": " + port + (ca == null ? "" : ", \"ca_file\": \"" + ca + "\"") + "}}");
        return home;
    }

    /** A request kept for the session by the admin, then {@code runs} more of it that need no one; their latencies in µs. */
    private static List<Long> session(RunningBroker broker, int runs) throws Exception {
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> exec(broker.home));
        broker.decide(broker.awaitPending(1), ApprovalDecision.approved(true));
        assertThat(first.get()).isZero();
        return runs(broker.home, runs);
    }

    private static List<Long> runs(StateHome home, int runs) {
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            assertThat(exec(home)).isZero();
            micros.add((System.nanoTime() - start) / 1_000);
        }
        return micros;
    }

    private static int exec(StateHome home) {
        return execArgv(home, List.of("/usr/bin/true"), "forwarding test");
    }

    private static int execArgv(StateHome home, List<String> argv, String reason) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new ExecClient(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(home.agentSocket(),
                ExecRequestJson.encode(argv, reason, false, true, null, Map.of()));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return code;
    }

    /** What the collector has once it holds record {@code seq} (or after 30 s). */
    private static List<String> awaitThrough(Rsyslog rsyslog, long seq) throws Exception {
        List<String> lines = List.of();
        for (int i = 0; i < 600; i++) {
            lines = rsyslog.received();
            if (!lines.isEmpty() && seqOf(lines.get(lines.size() - 1)) >= seq) {
                break;
            }
            Thread.sleep(50);
        }
        return lines;
    }

    private static void awaitState(List<ForwardingChanged> states, String state) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            if (!states.isEmpty() && states.get(states.size() - 1).state().equals(state)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("forwarding never became " + state + ": " + states);
    }

    /** The log's chained records, oldest first. */
    private static List<Map<?, ?>> chained(StateHome home) throws IOException {
        List<Map<?, ?>> records = new ArrayList<>();
        for (String line : Files.readAllLines(home.auditLog(), StandardCharsets.UTF_8)) {
            if (JsonValues.parse(line) instanceof Map<?, ?> m && m.get(AuditChain.SEQ) != null) {
                records.add(m);
            }
        }
        return records;
    }

    @SuppressWarnings("unchecked")
    private static void assertEveryRecordArrivedOnce(StateHome home, Rsyslog rsyslog) throws Exception {
        List<Map<?, ?>> sent = chained(home);
        long newest = ((Number) sent.get(sent.size() - 1).get(AuditChain.SEQ)).longValue();
        List<String> lines = awaitThrough(rsyslog, newest);
        sent = chained(home).stream().filter(r -> ((Number) r.get(AuditChain.SEQ)).longValue() <= newest).toList();
        List<Long> arrived = lines.stream().map(SyslogForwardingIntegrationTest::seqOf).toList();
        assertThat(arrived).as("every record once, in order")
                .containsExactlyElementsOf(sent.stream().map(r -> ((Number) r.get(AuditChain.SEQ)).longValue()).toList());
        for (int i = 0; i < lines.size(); i++) {
            String[] f = lines.get(i).split("\\|", 4);
            Map<?, ?> record = sent.get(i);
            assertThat(f[0]).isEqualTo("clawguard");
            assertThat(f[1]).as("MSGID").isEqualTo(record.get("action"));
            Matcher hash = HASH.matcher(f[2]);
            assertThat(hash.find()).as(f[2]).isTrue();
            assertThat(hash.group(1)).isEqualTo(record.get(AuditChain.HASH));
            Map<String, Object> body = (Map<String, Object>) JsonValues.parse(f[3]);
            assertThat(body).containsKeys("class_uid", "category_uid", "activity_id", "type_uid", "time", "severity_id",
                    "status_id", "metadata", "device");
            Map<String, Object> metadata = (Map<String, Object>) body.get("metadata");
            assertThat(metadata.get("sequence")).isEqualTo(record.get(AuditChain.SEQ));
            assertThat(((Map<?, ?>) metadata.get("product")).get("name")).isEqualTo("ClawGuard");
            Map<String, Object> carried = (Map<String, Object>) ((Map<?, ?>) body.get("unmapped")).get("clawguard_record");
            assertThat(AuditChain.hashOf(carried)).as("the far side can check the chain").isEqualTo(hash.group(1));
            int expectedClass = switch (String.valueOf(record.get("action"))) {
                case "exec_start", "exec_finish" -> 1007;
                case "approval_decision", "approval_granted", "approval_denied" -> 3003;
                default -> -1;
            };
            if (expectedClass > 0) {
                assertThat(((Number) body.get("class_uid")).intValue()).as(lines.get(i)).isEqualTo(expectedClass);
            }
            if (expectedClass == 1007) {
                assertThat(((Map<?, ?>) body.get("process")).get("cmd_line")).isEqualTo("/usr/bin/true");
            }
        }
        assertThat(lines).anyMatch(l -> l.startsWith("clawguard|exec_start|"))
                .anyMatch(l -> l.startsWith("clawguard|approval_granted|"));
    }

    private static long seqOf(String line) {
        Matcher m = SEQ.matcher(line);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }
}

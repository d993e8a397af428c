package io.clawguard.forward;

import static org.assertj.core.api.Assertions.assertThat;

import io.clawguard.audit.AuditAction;
import io.clawguard.audit.AuditFields;
import io.clawguard.audit.AuditLog;
import io.clawguard.bus.EventBus;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attacks on the syslog forwarder by a hostile agent, which controls the argv and reason of its
 * requests and so the size of the audit records they leave (a request is recorded in full even
 * when the policy blocks it: max_arg_bytes refuses it only after the record is written, and a
 * request line may be 32 MiB).
 */
class ForwarderAttackTest {
    private static final Pattern SEQ = Pattern.compile("seq=\"(\\d+)\"");

    @TempDir
    Path root;

    /** A collector that takes and confirms every batch, keeping each message. */
    private static final class Collector implements SyslogTransport.Opener {
        final List<String> received = Collections.synchronizedList(new ArrayList<>());
        volatile boolean down;

        @Override
        public SyslogTransport open() throws IOException {
            if (down) {
                throw new IOException("connection refused");
            }
            return new SyslogTransport() {
                @Override
                public void send(List<byte[]> messages) {
                    messages.forEach(m -> received.add(new String(m, StandardCharsets.UTF_8)));
                }

                @Override
                public void confirmAndClose(Duration wait) {
                }

                @Override
                public boolean confirms() {
                    return true;
                }

                @Override
                public void close() {
                }
            };
        }

        List<Long> seqs() {
            List<Long> seqs = new ArrayList<>();
            synchronized (received) {
                for (String m : received) {
                    Matcher s = SEQ.matcher(m);
                    seqs.add(s.find() ? Long.parseLong(s.group(1)) : -1);
                }
            }
            return seqs;
        }
    }

    private static SyslogForwarder forwarder(Path log, Collector collector) {
        SyslogSettings s = new SyslogSettings(SyslogSettings.Transport.TCP, "127.0.0.1", 6514, null,
                SyslogSettings.Format.OCSF, 10);
        return new SyslogForwarder(s, log, collector, new SyslogMessage(s, "web1", 4242, "test"), new EventBus(),
                Clock.systemUTC());
    }

    private static AuditFields request(List<String> argv, String reason) {
        return AuditFields.fields().argv(argv).reason(reason).requester(1001, 4242);
    }

    /**
     * ATTACK: the agent asks for a command with one argument of 1.5 MiB. The policy blocks it
     * (arg_too_long) and the broker records the block, argv and all: a 1.5 MiB line, well within
     * what the log and its verifier accept (16 MiB). The forwarder reads the log through
     * AuditTail.appended(), which reads 1 MiB at a time and, finding no newline in a whole read,
     * calls the line damage and steps over it (AuditTail.readFrom): the rest of the line then
     * fails to parse and is dropped too. The collector never gets that record, the forwarder
     * counts it as delivered, and the console says "syslog ok": the one record the agent most
     * wants the SIEM not to see (its refused attempt) is never sent.
     */
    @Test
    void aRecordOfAnOversizedRequestStillReachesTheCollector() throws Exception {
        Path file = root.resolve("privileged-audit.jsonl");
        AuditLog log = new AuditLog(file, Clock.systemUTC());
        log.append(AuditAction.BROKER_STARTED, AuditFields.fields());
        long blocked = ((Number) log.append(AuditAction.POLICY_BLOCK,
                request(List.of("/usr/bin/bash", "-c", "x".repeat(1536 * 1024)), "arg_too_long")).get("seq"))
                .longValue();
        long after = ((Number) log.append(AuditAction.EXEC_FINISH, request(List.of("/usr/bin/true"), "after"))
                .get("seq")).longValue();
        Collector collector = new Collector();
        SyslogForwarder f = forwarder(file, collector);
        f.resume();
        for (int i = 0; i < 10; i++) {
            f.step();
        }
        assertThat(collector.seqs()).as("every chained record, the blocked one included")
                .containsExactly(1L, blocked, after);
    }

    /**
     * ATTACK: while the collector is down, the agent floods requests with large argv (14
     * arguments of 64 KiB each pass the default policy's max_arg_bytes; a blocked one is
     * recorded all the same). The forwarder reads ahead up to MAX_UNSENT = 10,000 records and
     * keeps each one formatted in memory (SyslogForwarder.queue: the OCSF body carries the argv
     * twice, as cmd_line and inside unmapped.clawguard_record). The bound is a count of records,
     * not of bytes: 10,000 such records are about 18 GiB of heap in the broker, which the class
     * comment says an outage never costs ("nothing is copied"). Here 40 records already hold
     * about 70 MiB.
     */
    @Test
    void aFloodOfLargeRecordsDuringAnOutageDoesNotPileUpInTheForwardersMemory() throws Exception {
        Path file = root.resolve("privileged-audit.jsonl");
        AuditLog log = new AuditLog(file, Clock.systemUTC());
        List<String> argv = new ArrayList<>(List.of("/usr/bin/true"));
        for (int i = 0; i < 13; i++) {
            argv.add("A".repeat(64 * 1024 - 16));
        }
        for (int i = 0; i < 40; i++) {
            log.append(AuditAction.EXEC_FINISH, request(argv, "flood " + i));
        }
        Collector collector = new Collector();
        collector.down = true;
        SyslogForwarder f = forwarder(file, collector);
        f.resume();
        for (int i = 0; i < 5; i++) {
            f.step();
        }
        long held = heldBytes(f);
        assertThat(held).as("bytes of formatted messages the forwarder holds while the collector is down")
                .isLessThanOrEqualTo(16L << 20);
    }

    private static long heldBytes(SyslogForwarder f) throws Exception {
        Field unsent = SyslogForwarder.class.getDeclaredField("unsent");
        unsent.setAccessible(true);
        long held = 0;
        for (Object o : (Collection<?>) unsent.get(f)) {
            Field message = o.getClass().getDeclaredField("message");
            message.setAccessible(true);
            held += ((byte[]) message.get(o)).length;
        }
        return held;
    }
}

package io.clawguard.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.clawguard.files.StateHome;
import io.clawguard.testing.RunningBroker;
import io.clawguard.testing.TestHomes;
import io.clawguard.wire.Frame;
import io.clawguard.wire.FrameStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broker with {@code metrics.textfile_dir} keeps clawguard.prom current for node_exporter. */
class MetricsExportTest {
    private static final String REQUEST = "{\"v\":1,\"type\":\"request\",\"argv\":[\"/usr/bin/id\"],\"reason\":\"r\"}";

    @TempDir
    Path root;

    @Test
    void thePendingRequestShowsInTheFileWithinASecondAndTheFileIsReadableByNodeExporter() throws Exception {
        StateHome home = TestHomes.under(root);
        Path textfiles = Files.createDirectories(root.resolve("textfile_collector"));
        TestHomes.write(home.config(), "{\"metrics\": {\"textfile_dir\": \"" + textfiles + "\"}}");
        Path prom = textfiles.resolve("clawguard.prom");
        try (RunningBroker broker = new RunningBroker(home, Clock.systemUTC(), Duration.ofMinutes(5))) {
            String first = awaitLine(prom, "clawguard_pending_approvals 0");
            assertThat(first).contains("clawguard_audit_chain_intact 1", "clawguard_elevated 0");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(prom))).isEqualTo("rw-r--r--");
            try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                ch.connect(UnixDomainSocketAddress.of(home.agentSocket()));
                new FrameStream(Channels.newInputStream(ch), Channels.newOutputStream(ch))
                        .write(new Frame(Frame.REQUEST, REQUEST.getBytes(StandardCharsets.UTF_8)));
                broker.awaitPending(1);
                awaitLine(prom, "clawguard_pending_approvals 1");
            }
            awaitLine(prom, "clawguard_pending_approvals 0");
        }
        try (var leftovers = Files.list(textfiles)) {
            assertThat(leftovers.map(p -> p.getFileName().toString())).as("written whole: no temp file left")
                    .containsExactly("clawguard.prom");
        }
    }

    private static String awaitLine(Path prom, String line) throws Exception {
        String text = "";
        for (int i = 0; i < 100; i++) {
            text = Files.exists(prom) ? Files.readString(prom) : "";
            if (text.lines().anyMatch(line::equals)) {
                return text;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no \"" + line + "\" in " + prom + ":\n" + text);
    }
}

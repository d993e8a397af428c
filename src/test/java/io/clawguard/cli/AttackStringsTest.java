package io.clawguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyType;
import io.clawguard.exec.ExecRequestJson;
import io.clawguard.files.StateHome;
import io.clawguard.testing.RunningBroker;
import io.clawguard.testing.TestHomes;
import io.clawguard.wire.ChannelStreams;
import io.clawguard.wire.Frame;
import io.clawguard.wire.FrameStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every attack string a requester can send, through the real agent socket to a real broker,
 * read back off a real console's virtual terminal: no character of it may reach the screen as
 * a control, escape, bidirectional or invisible character.
 */
class AttackStringsTest {
    private static final List<String> ATTACKS = List.of(
            "nul\u0000byte", "esc\u001b[2Jclear", "csi\u009b31mred", "osc\u001b]0;title\u0007", "dcs\u001bPq#0\u001b\\",
            "bidi\u202etxt.sh", "isolate\u2066x\u2069", "cgj\u034fjoin", "vs16\ufe0f", "tag\udb40\udc41",
            "/usr/bin/c\u0430t", "line\nbreak", "tab\there", "del\u007f", "bell\u0007");

    @TempDir
    Path root;

    @Test
    void noRequesterCharacterReachesTheTerminalRaw() throws Exception {
        StateHome home = TestHomes.under(root);
        try (RunningBroker broker = new RunningBroker(home, Clock.systemUTC(), Duration.ofMinutes(5));
             VirtualConsole console = new VirtualConsole(home.adminSocket())) {
            List<SocketChannel> waiting = new ArrayList<>();
            for (String attack : ATTACKS) {
                // Pending requests (the argument and the reason), and one the broker refuses (an argv[0]
                // that is no path) so the attack also lands in the audit pane.
                waiting.add(ask(home, List.of("/usr/bin/echo", attack), "reason " + attack));
                ask(home, List.of(attack), attack).close();
            }
            List<String> huge = new ArrayList<>(List.of("/usr/bin/echo"));
            for (int i = 0; i < 5000; i++) {
                huge.add("x");
            }
            ask(home, huge, "five thousand").close();
            // A NUL in an argument is refused outright (command_invalid); every other one waits.
            int waitingCount = (int) ATTACKS.stream().filter(a -> a.indexOf('\0') < 0).count();
            broker.awaitPending(waitingCount);
            String screen = console.await(s -> s.contains("Pending approvals (" + waitingCount + ")"));
            assertClean(screen);
            for (int i = 0; i < waitingCount; i++) {
                console.press(KeyType.ArrowDown);
                console.press(KeyType.Enter);
                assertClean(console.await(s -> s.contains("SUSPICIOUS")));
                console.press(KeyType.Escape);
            }
            for (SocketChannel ch : waiting) {
                ch.close();
            }
        }
    }

    private static SocketChannel ask(StateHome home, List<String> argv, String reason) throws Exception {
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        ch.connect(UnixDomainSocketAddress.of(home.agentSocket()));
        new FrameStream(ChannelStreams.in(ch), ChannelStreams.out(ch)).write(new Frame(Frame.REQUEST,
                ExecRequestJson.encode(argv, reason, false, false, null, Map.of("TERM", "xterm\u001b[31m"))));
        return ch;
    }

    private static void assertClean(String screen) {
        screen.codePoints().forEach(cp -> assertThat(cp == '\n' || !hidden(cp))
                .as("U+%04X reached the terminal in:%n%s", cp, screen).isTrue());
    }

    private static boolean hidden(int cp) {
        return cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || (cp >= 0x200b && cp <= 0x200f) || (cp >= 0x202a && cp <= 0x202e)
                || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x034f || (cp >= 0xfe00 && cp <= 0xfe0f) || cp >= 0xe0000;
    }
}

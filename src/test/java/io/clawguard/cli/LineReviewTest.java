package io.clawguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.clawguard.monitor.BaselineItem;
import io.clawguard.monitor.BaselineKind;
import io.clawguard.monitor.BaselineReview;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;

/** The line-by-line review on a dumb JLine terminal fed a script, as a plain terminal or a session script would. */
class LineReviewTest {
    private static BaselineItem item(int port) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("port", (long) port);
        rule.put("protocol", "tcp");
        return new BaselineItem("port=" + port + " protocol=tcp", "svc on 0.0.0.0:" + port, rule, true, null, true);
    }

    private static boolean run(BaselineReview review, String script, ByteArrayOutputStream out) throws Exception {
        try (Terminal t = TerminalBuilder.builder().dumb(true).system(false).streams(
                new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)), out).build()) {
            return LineReview.run(t, review);
        }
    }

    @Test
    void keepDropCommentAndSave() throws Exception {
        BaselineReview review = new BaselineReview(BaselineKind.PORTS, List.of(item(22), item(23), item(443)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean saved = run(review, "k\nd\nc\nweb front end\nk\ny\n", out);
        assertThat(saved).isTrue();
        assertThat(review.items()).extracting(BaselineItem::keep).containsExactly(true, false, true);
        assertThat(review.items().get(2).comment()).isEqualTo("web front end");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("[2/3] port=23 protocol=tcp", "2 of 3 rules kept, 1 dropped",
                "Write 2 rules to approved_ports.json?");
    }

    @Test
    void quitGoesToTheSummaryAndNoAbandons() throws Exception {
        BaselineReview review = new BaselineReview(BaselineKind.PORTS, List.of(item(22), item(23)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(run(review, "d\nq\nn\n", out)).isFalse();
        assertThat(review.items()).extracting(BaselineItem::keep).containsExactly(false, true);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("1 of 2 rules kept", "Write 1 rules");
    }

    @Test
    void endOfInputAbandonsWithoutWriting() throws Exception {
        BaselineReview review = new BaselineReview(BaselineKind.PORTS, List.of(item(22)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(run(review, "x\n", out)).isFalse();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("answer k, d, c or q", "nothing written");
    }
}

package io.clawguard.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attack on the recording: CharsetDecoder.decode(in, out, false) leaves an incomplete sequence in
 * the input buffer, not in the decoder, and RunRecorder drops that buffer. A command that splits
 * each multi-byte character across two writes gets recorded as U+FFFD, not as what it printed.
 */
class RunRecorderSplitTest {
    @TempDir
    Path root;

    @Test
    void aCharacterSplitBetweenTwoWritesIsRecordedWhole() throws Exception {
        RunRecorder r = RunRecorder.start(root.resolve("recordings"), "split-1", "printf", 1 << 20, Instant.now());
        byte[] e = "é".getBytes(StandardCharsets.UTF_8);
        r.output(false, new byte[] {'a', e[0]}, 2);
        r.output(false, new byte[] {e[1], 'b'}, 2);
        r.finish();
        String cast = Files.readString(root.resolve("recordings").resolve("split-1.cast"));
        assertThat(cast).doesNotContain("\uFFFD").contains("é");
    }
}

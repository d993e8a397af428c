package io.clawguard.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WrapTest {
    @Test
    void foldsAtSpacesKeepsEveryCharacterAndIndentsContinuations() {
        List<String> out = Wrap.lines(List.of("  [3] rm -rf /srv/data /srv/more /srv/evenmore"), 20);
        assertThat(out).allMatch(l -> l.length() <= 20);
        assertThat(String.join(" ", out).replaceAll("\\s+", " ").strip()).isEqualTo("[3] rm -rf /srv/data /srv/more /srv/evenmore");
        assertThat(out.get(1)).startsWith("      ");
    }

    @Test
    void aWordLongerThanTheWidthBreaksHard() {
        String word = "x".repeat(45);
        List<String> out = Wrap.lines(List.of(word), 20);
        assertThat(out).allMatch(l -> l.length() <= 20);
        assertThat(String.join("", out).replace(" ", "")).isEqualTo(word);
    }

    @Test
    void shortLinesAreLeftAlone() {
        assertThat(Wrap.lines(List.of("a", "  b c"), 20)).containsExactly("a", "  b c");
    }
}

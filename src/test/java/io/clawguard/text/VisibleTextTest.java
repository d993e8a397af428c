package io.clawguard.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class VisibleTextTest {
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("plain", "/usr/bin/systemctl restart nginx", "/usr/bin/systemctl restart nginx", false),
                Arguments.of("ANSI clear screen", "a\u001b[2Jb", "a\\x1b[2Jb", true),
                Arguments.of("right-to-left override", "evil\u202etxt.sh", "evil\\u202etxt.sh", true),
                Arguments.of("zero-width space", "rm\u200b -rf", "rm\\u200b -rf", true),
                Arguments.of("newline", "a\nb", "a\\x0ab", true),
                Arguments.of("C1 control", "x\u009by", "x\\x9by", true),
                Arguments.of("no-break space", "a\u00a0b", "a\\xa0b", true),
                Arguments.of("byte order mark", "\ufeffid", "\\ufeffid", true),
                Arguments.of("Hangul filler", "a\u3164b", "a\\u3164b", true),
                Arguments.of("a literal backslash stays readable", "a\\x1bb", "a\\\\x1bb", false),
                Arguments.of("accented letters pass", "café", "café", false),
                Arguments.of("combining grapheme joiner", "vic\u034ftim", "vic\\u034ftim", true),
                Arguments.of("variation selector 16", "victim\ufe0f", "victim\\ufe0f", true),
                Arguments.of("supplementary variation selector", "a\udb40\udd00b", "a\\U000e0100b", true),
                Arguments.of("Khmer inherent vowel", "a\u17b4b", "a\\u17b4b", true),
                Arguments.of("Cyrillic a in a Latin path", "/usr/bin/c\u0430t", "/usr/bin/c\u0430t", true),
                Arguments.of("a non-ASCII dash posing as an option", "\u2010\u2010interactive",
                        "\u2010\u2010interactive", true),
                Arguments.of("minus sign", "\u2212rf", "\u2212rf", true),
                Arguments.of("a Russian reason passes", "перезапуск сервера", "перезапуск сервера", false),
                Arguments.of("a Japanese reason passes", "サーバーを再起動", "サーバーを再起動", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void makesTheInvisibleVisible(String name, String raw, String shown, boolean suspicious) {
        VisibleText v = VisibleText.of(raw);
        assertThat(v.text()).isEqualTo(shown);
        assertThat(v.suspicious()).isEqualTo(suspicious);
    }
}

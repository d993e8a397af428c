package io.clawguard.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonValuesTest {
    @Test
    void canonicalFormSortsKeysAtEveryLevelAndIsCompact() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("z", 1L);
        inner.put("a", List.of("x", true));
        Map<String, Object> outer = new LinkedHashMap<>();
        outer.put("b", inner);
        outer.put("a", null);
        assertThat(JsonValues.canonical(outer)).isEqualTo("{\"a\":null,\"b\":{\"a\":[\"x\",true],\"z\":1}}");
    }

    @Test
    void canonicalFormEscapesControlCharacters() throws IOException {
        String text = JsonValues.canonical(Map.of("argv", List.of("a\u001b[2Jb")));
        assertThat(text).contains("\\u001B");
        assertThat(JsonValues.parse(text)).isEqualTo(Map.of("argv", List.of("a\u001b[2Jb")));
    }

    @Test
    void strictParsingRejectsCommentsDuplicatesAndTrailingContent() {
        assertThatThrownBy(() -> JsonValues.parse("{\"a\":1} // x")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> JsonValues.parse("{\"a\":1,\"a\":2}")).hasMessageContaining("duplicate field \"a\"");
        assertThatThrownBy(() -> JsonValues.parse("{\"a\":1} {}")).hasMessageContaining("unexpected content");
    }

    @Test
    void lenientParsingAcceptsHandEditedConfig() throws IOException {
        Object v = JsonValues.parseLenient("{\n // admin's note\n \"idle_timeout_minutes\": 15,\n}");
        assertThat(v).isEqualTo(Map.of("idle_timeout_minutes", 15L));
    }

    @Test
    void lenientParsingReadsJson5Numbers() throws IOException {
        Object v = JsonValues.parseLenient("{a: +1, b: .5, c: 5., d: Infinity, e: -Infinity}");
        assertThat(v).isEqualTo(Map.of("a", 1L, "b", 0.5, "c", 5.0, "d", Double.POSITIVE_INFINITY,
                "e", Double.NEGATIVE_INFINITY));
        assertThatThrownBy(() -> JsonValues.parse("{\"a\": +1}")).as("strict JSON stays strict").isInstanceOf(IOException.class);
    }
}

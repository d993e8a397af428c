package io.clawguard.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden screens under {@code src/test/resources/screens/}: a render equals its file; on a
 * mismatch the new render is written beside it ({@code .actual}) so the diff is easy to read. A
 * missing file is written from the first render, to be read and committed.
 */
final class Golden {
    private Golden() {
    }

    static void check(String name, String screen) throws IOException {
        Path golden = Path.of("src/test/resources/screens/" + name + ".txt");
        if (!Files.exists(golden)) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, screen, StandardCharsets.UTF_8);
        }
        String expected = Files.readString(golden, StandardCharsets.UTF_8);
        if (!expected.equals(screen)) {
            Files.writeString(golden.resolveSibling(golden.getFileName() + ".actual"), screen, StandardCharsets.UTF_8);
        }
        assertThat(screen).as("render differs from %s; the new render is beside it (.actual)", golden).isEqualTo(expected);
    }
}

package io.clawguard.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TextColor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ThemesTest {
    static Stream<String> names() {
        return ConsoleTheme.NAMES.stream();
    }

    @ParameterizedTest
    @MethodSource("names")
    void everyShippedThemeLoadsWithAFullPalette(String name) {
        ConsoleTheme t = ConsoleTheme.load(name);
        Palette p = t.palette();
        assertThat(Stream.of(p.background(), p.text(), p.dim(), p.frame(), p.title(), p.titleBackground(), p.good(),
                p.warn(), p.bad(), p.elevated())).doesNotContainNull();
        assertThat(t.theme().getDefaultDefinition().getNormal().getForeground()).isNotNull();
    }

    @Test
    void theThemesFolderHoldsExactlyTheListedThemes() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("themes"))) {
            assertThat(files.map(f -> f.getFileName().toString().replace(".properties", "")))
                    .containsExactlyInAnyOrderElementsOf(ConsoleTheme.NAMES);
        }
    }

    @Test
    void themesDifferAndMonoHasNoColour() {
        assertThat(ConsoleTheme.load("dark").palette().background()).isNotEqualTo(ConsoleTheme.load("light").palette().background());
        Palette mono = ConsoleTheme.load("mono").palette();
        assertThat(Stream.of(mono.text(), mono.bad(), mono.good(), mono.titleBackground()))
                .allMatch(c -> c == TextColor.ANSI.DEFAULT);
    }

    @Test
    void noColorOrADumbTerminalChoosesMono() {
        assertThat(ConsoleTheme.defaultName(Map.of("TERM", "xterm-256color"))).isEqualTo("dark");
        assertThat(ConsoleTheme.defaultName(Map.of("TERM", "xterm-256color", "NO_COLOR", ""))).isEqualTo("mono");
        assertThat(ConsoleTheme.defaultName(Map.of("TERM", "dumb"))).isEqualTo("mono");
    }

    @Test
    void tCyclesThemesLive() {
        ConsoleRig rig = new ConsoleRig(100, 30);
        TextColor before = rig.terminal.getCharacter(0, 0).getBackgroundColor();
        rig.type("t");
        assertThat(rig.row(29)).contains("theme: light");
        rig.type("tt");
        assertThat(rig.row(29)).contains("theme: mono");
        assertThat(rig.terminal.getCharacter(5, 10).getForegroundColor()).isEqualTo(TextColor.ANSI.DEFAULT);
        assertThat(before).isNotEqualTo(TextColor.ANSI.DEFAULT);
    }
}

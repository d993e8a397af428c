package io.clawguard.console;

import com.googlecode.lanterna.graphics.PropertyTheme;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** A theme from {@code themes/NAME.properties}: Lanterna's theme for dialogs and the console's palette. */
public record ConsoleTheme(String name, PropertyTheme theme, Palette palette) {
    public static final List<String> NAMES = List.of("dark", "light", "high-contrast", "mono");

    public static ConsoleTheme load(String name) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("no theme \"" + name + "\"; themes: " + String.join(", ", NAMES));
        }
        try (InputStream in = ConsoleTheme.class.getResourceAsStream("/themes/" + name + ".properties")) {
            if (in == null) {
                throw new IllegalStateException("the jar has no themes/" + name + ".properties");
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            PropertyTheme theme = new PropertyTheme(p, true);
            return new ConsoleTheme(name, theme, Palette.from(theme));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** mono where colour is unwanted (NO_COLOR, see no-color.org) or unsupported (TERM=dumb); dark otherwise. */
    public static String defaultName(Map<String, String> env) {
        String term = env.getOrDefault("TERM", "");
        return env.containsKey("NO_COLOR") || term.equals("dumb") || term.isEmpty() ? "mono" : "dark";
    }

    public ConsoleTheme next() {
        return load(NAMES.get((NAMES.indexOf(name) + 1) % NAMES.size()));
    }
}

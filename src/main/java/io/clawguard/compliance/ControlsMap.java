package io.clawguard.compliance;

import io.clawguard.json.InvalidJsonFileException;
import io.clawguard.json.JsonFiles;
import io.clawguard.json.JsonObject;
import io.clawguard.json.JsonValues;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a controls map: ClawGuard's own ({@code nist_csf}, {@code nist_sp800_53}) or the
 * seed's ({@code nist}, read as CSF identifiers), so an admin's old map still loads.
 */
public final class ControlsMap {
    private ControlsMap() {
    }

    public static List<Control> load(Path file) throws InvalidJsonFileException {
        return parse(file.toString(), JsonFiles.read(file).orElseThrow(
                () -> new InvalidJsonFileException(file.toString(), "the controls map is missing")));
    }

    /** The map shipped inside the jar (a copy of references/compliance-controls-map.json). */
    public static List<Control> builtIn() {
        try (InputStream in = ControlsMap.class.getResourceAsStream("/compliance-controls-map.json")) {
            if (in == null) {
                throw new IllegalStateException("the jar has no compliance-controls-map.json");
            }
            return parse("compliance-controls-map.json",
                    JsonValues.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException | InvalidJsonFileException e) {
            throw new IllegalStateException("the built-in controls map is broken: " + e.getMessage(), e);
        }
    }

    static List<Control> parse(String source, Object doc) throws InvalidJsonFileException {
        List<Control> out = new ArrayList<>();
        for (JsonObject o : JsonObject.listOf(source, doc)) {
            List<String> csf = o.has("nist_csf") ? o.strings("nist_csf") : o.strings("nist");
            out.add(new Control(o.string("check_id"), o.string("title"), o.optString("expected_state").orElse(""),
                    o.optString("default_risk").orElse("medium"), o.strings("iso27001"), csf, o.strings("nist_sp800_53")));
        }
        return List.copyOf(out);
    }
}

package io.clawguard.policy;

import io.clawguard.json.InvalidJsonFileException;
import io.clawguard.json.JsonObject;
import io.clawguard.json.JsonValues;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code references/interpreters.json} (shipped in the jar), and the reading of an argv through
 * it: which program an argv runs, and what code that program is handed. A runner ({@code env},
 * {@code xargs}, {@code find -exec}, {@code timeout}, {@code busybox}, …) is looked through to
 * the command it runs, as deep as it goes.
 */
public final class InterpreterTable {
    private static final String RESOURCE = "/interpreters.json";
    /** Runners inside runners past this are not looked through further: the request is flagged instead. */
    private static final int MAX_DEPTH = 8;

    private final List<Interpreter> entries;

    InterpreterTable(List<Interpreter> entries) {
        this.entries = List.copyOf(entries);
    }

    public static InterpreterTable builtIn() {
        try (InputStream in = InterpreterTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the jar holds no " + RESOURCE + "; rebuild it");
            }
            JsonObject root = JsonObject.of(RESOURCE, JsonValues.parse(new String(in.readAllBytes(),
                    StandardCharsets.UTF_8)));
            List<Interpreter> entries = new ArrayList<>();
            for (JsonObject o : root.objects("interpreters")) {
                entries.add(Interpreter.parse(o));
            }
            return new InterpreterTable(entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InvalidJsonFileException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** What {@code argv} hands to interpreters; {@code resolvedPath} is the program argv[0] leads to. */
    public InterpreterUse read(List<String> argv, String resolvedPath) {
        InterpreterReading reading = new InterpreterReading(this);
        reading.read(argv, 0, resolvedPath, 0);
        return reading.result();
    }

    Optional<Interpreter> find(String program, String resolvedPath) {
        String name = program.substring(program.lastIndexOf('/') + 1);
        String real = resolvedPath == null ? name : resolvedPath.substring(resolvedPath.lastIndexOf('/') + 1);
        return entries.stream().filter(e -> e.named(name) || e.named(real)).findFirst();
    }

    static int maxDepth() {
        return MAX_DEPTH;
    }
}

package io.clawguard.compliance;

import io.clawguard.json.JsonValues;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * OpenClaw's {@code $include}, followed as OpenClaw follows it, so a split configuration is judged
 * whole: a string or a list of paths (relative to the including file) whose documents are merged in
 * order, objects key by key, lists one after the other, anything else the later one winning; keys
 * beside {@code $include} are merged over what it brought. Like OpenClaw it refuses a path outside
 * the configuration's folder (also through a symlink), a loop, more than ten levels and a file over
 * 2 MiB; it also stops after {@value #MAX_FILES} files, since a list can name one file many times.
 */
final class OpenClawIncludes {
    static final String KEY = "$include";
    static final int MAX_DEPTH = 10;
    static final int MAX_FILE_BYTES = 2 << 20;
    static final int MAX_FILES = 128;

    /** Why the includes could not be followed: the settings in force are then unknown. */
    static final class Problem extends Exception {
        private static final long serialVersionUID = 1L;

        Problem(String message) {
            super(message);
        }
    }

    private final Path root;
    private final Path realRoot;
    private int filesRead;

    private OpenClawIncludes(Path configFile) throws Problem {
        root = configFile.toAbsolutePath().normalize().getParent();
        try {
            realRoot = root.toRealPath();
        } catch (IOException e) {
            throw new Problem("the folder of " + Evidence.path(configFile) + " cannot be resolved");
        }
    }

    /** {@code doc}, read from {@code configFile}, with every {@code $include} replaced by what it names. */
    static Object resolve(Object doc, Path configFile) throws Problem {
        Path file = configFile.toAbsolutePath().normalize();
        return new OpenClawIncludes(configFile).process(doc, file, new LinkedHashSet<>(List.of(file)));
    }

    private Object process(Object node, Path from, Set<Path> chain) throws Problem {
        if (node instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object item : list) {
                out.add(process(item, from, chain));
            }
            return out;
        }
        if (!(node instanceof Map<?, ?> map)) {
            return node;
        }
        Map<String, Object> rest = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!KEY.equals(e.getKey())) {
                rest.put(String.valueOf(e.getKey()), process(e.getValue(), from, chain));
            }
        }
        if (!map.containsKey(KEY)) {
            return rest;
        }
        Object included = included(map.get(KEY), from, chain);
        if (rest.isEmpty()) {
            return included;
        }
        if (!(included instanceof Map<?, ?>)) {
            throw new Problem(Evidence.path(from) + ": keys beside " + KEY + " need it to bring an object");
        }
        return merged(included, rest);
    }

    private Object included(Object value, Path from, Set<Path> chain) throws Problem {
        if (value instanceof String path) {
            return load(path, from, chain);
        }
        if (value instanceof List<?> paths) {
            Object merged = new LinkedHashMap<String, Object>();
            for (Object path : paths) {
                if (!(path instanceof String p)) {
                    throw new Problem(Evidence.path(from) + ": " + KEY + " lists something that is not a path");
                }
                merged = merged(merged, load(p, from, chain));
            }
            return merged;
        }
        throw new Problem(Evidence.path(from) + ": " + KEY + " is neither a path nor a list of paths");
    }

    private Object load(String path, Path from, Set<Path> chain) throws Problem {
        if (path.indexOf('\0') >= 0) {
            throw new Problem(Evidence.path(from) + ": an " + KEY + " path holds a NUL");
        }
        Path target = from.getParent().resolve(path).normalize();
        if (!target.startsWith(root)) {
            throw new Problem(Evidence.path(from) + " includes " + Evidence.value(path) + ", outside "
                    + Evidence.path(root) + " (OpenClaw refuses it too)");
        }
        if (chain.contains(target)) {
            throw new Problem(Evidence.path(from) + " includes " + Evidence.path(target) + " in a loop");
        }
        if (chain.size() > MAX_DEPTH) {
            throw new Problem("includes nested deeper than " + MAX_DEPTH + " at " + Evidence.path(target));
        }
        if (++filesRead > MAX_FILES) {
            throw new Problem("more than " + MAX_FILES + " included files");
        }
        Object doc;
        try {
            if (!target.toRealPath().startsWith(realRoot)) {
                throw new Problem(Evidence.path(target) + " leads outside " + Evidence.path(root) + " through a symlink");
            }
            byte[] bytes = BoundedFile.read(target);
            if (bytes.length > MAX_FILE_BYTES) {
                throw new Problem(Evidence.path(target) + " is larger than 2 MiB (OpenClaw refuses it too)");
            }
            doc = JsonValues.parseLenient(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString());
        } catch (IOException e) {
            // Never the parser's message: it quotes what it read, which may be a secret.
            throw new Problem(Evidence.path(target) + ", named by " + KEY + ", cannot be read as JSON5 ("
                    + e.getClass().getSimpleName() + ")");
        }
        Set<Path> deeper = new LinkedHashSet<>(chain);
        deeper.add(target);
        return process(doc, target, deeper);
    }

    /** OpenClaw's merge: objects key by key, lists concatenated, otherwise the later value. */
    static Object merged(Object earlier, Object later) {
        if (earlier instanceof List<?> a && later instanceof List<?> b) {
            List<Object> out = new ArrayList<>(a);
            out.addAll(b);
            return out;
        }
        if (earlier instanceof Map<?, ?> a && later instanceof Map<?, ?> b) {
            Map<String, Object> out = new LinkedHashMap<>();
            a.forEach((k, v) -> out.put(String.valueOf(k), v));
            b.forEach((k, v) -> out.merge(String.valueOf(k), v, OpenClawIncludes::merged));
            return out;
        }
        return later;
    }
}

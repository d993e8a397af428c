package io.clawguard.compliance;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.clawguard.json.JsonValues;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * OpenClaw's {@code openclaw.json} (JSON5) as the checks read it, or why it cannot be read:
 * missing (not assessed), unreadable by this user (not assessed: root would read it) or present
 * but unparsable (an error, scored 0: OpenClaw itself refuses to start on it).
 */
public final class OpenClawSettings {
    private enum State { READ, MISSING, UNREADABLE, BROKEN, INCLUDES, UNRESOLVED }

    /** OpenClaw merges the files this key names into the object holding it (its config/includes.ts). */
    /** What OpenClaw substitutes in a string (its config/env-substitution.ts): an upper-case variable name. */
    private static final java.util.regex.Pattern VARIABLE = java.util.regex.Pattern.compile("[A-Z_][A-Z0-9_]*");
    /** A variable, or a secret store's path (pass:, gopass:), which has no "$": a match stops at the next one. */
    private static final java.util.regex.Pattern REFERENCE = java.util.regex.Pattern.compile(
            VARIABLE.pattern() + "|(?:pass|gopass):[^}$]+");

    private final Path file;
    private final State state;
    private final Map<?, ?> root;
    private final String problem;

    private OpenClawSettings(Path file, State state, Map<?, ?> root, String problem) {
        this.file = file;
        this.state = state;
        this.root = root;
        this.problem = problem;
    }

    /** A setting present but outside what OpenClaw accepts: the check says error, naming the field. */
    static final class BadSetting extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String field;

        BadSetting(String field, Object value, String expected) {
            super(field + " = " + Evidence.value(value) + ", " + expected, null, false, false);
            this.field = field;
        }

        String field() {
            return field;
        }
    }

    /** A {@code ${NAME}} the environment given does not set: the value OpenClaw runs with is unknown. */
    private static final class Unresolved extends Exception {
        private static final long serialVersionUID = 1L;
        private final String name;
        /** Where it is, filled in from the string outward as the walk unwinds: only a failing path is ever spelled. */
        private final java.util.Deque<String> where = new java.util.ArrayDeque<>();

        Unresolved(String name) {
            super(null, null, false, false);
            this.name = name;
        }

        Unresolved at(String part) {
            where.addFirst(where.isEmpty() || where.peekFirst().startsWith("[") ? part : part + ".");
            return this;
        }

        String problem() {
            return Evidence.value(String.join("", where)) + " refers to ${" + Evidence.value(name) + "}, which "
                    + (VARIABLE.matcher(name).matches() ? ".env does not set" : "is a secret ClawGuard does not look up")
                    + ": the value in force is unknown";
        }
    }

    /**
     * {@code env}: the variables OpenClaw substitutes for {@code ${NAME}} in the file's strings, as
     * far as ClawGuard knows them (OpenClaw's .env).
     */
    static OpenClawSettings read(Path file, Map<String, String> env) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(BoundedFile.read(file))).toString();
        } catch (NoSuchFileException e) {
            return new OpenClawSettings(file, State.MISSING, null, file + " does not exist");
        } catch (CharacterCodingException e) {
            return new OpenClawSettings(file, State.BROKEN, null, "not valid UTF-8");
        } catch (BoundedFile.Refused e) {
            return new OpenClawSettings(file, State.BROKEN, null, e.getMessage());
        } catch (IOException e) {
            return new OpenClawSettings(file, State.UNREADABLE, null, e.getClass().getSimpleName());
        }
        try {
            Object doc = JsonValues.parseLenient(text);
            if (!(doc instanceof Map<?, ?> map)) {
                return new OpenClawSettings(file, State.BROKEN, null, "the document is not a JSON object");
            }
            // Settings in an included file are in force as much as this one's: judged whole, as OpenClaw
            // merges them, or not at all (judging this file alone would call an open channel written there absent).
            Object whole = OpenClawIncludes.resolve(map, file);
            if (!(whole instanceof Map<?, ?> merged)) {
                return new OpenClawSettings(file, State.BROKEN, null, "its " + OpenClawIncludes.KEY
                        + " brings something that is not a JSON object");
            }
            // Judged as OpenClaw reads it: allowFrom ['${OWNER}'] with OWNER=* in .env lets anyone in.
            return new OpenClawSettings(file, State.READ, (Map<?, ?>) substituted(merged, env), null);
        } catch (OpenClawIncludes.Problem e) {
            return new OpenClawSettings(file, State.INCLUDES, null, e.getMessage());
        } catch (Unresolved e) {
            return new OpenClawSettings(file, State.UNRESOLVED, null, e.problem());
        } catch (JsonProcessingException e) {
            // Where the parser stopped, never what it read there: its message quotes the text it choked
            // on, which may be a token (or, through a symlink, another file's contents).
            JsonLocation at = e.getLocation();
            return new OpenClawSettings(file, State.BROKEN, null, at == null ? "invalid JSON5"
                    : "invalid JSON5 at line " + at.getLineNr() + ", column " + at.getColumnNr());
        } catch (IOException e) {
            return new OpenClawSettings(file, State.BROKEN, null, "invalid JSON5: " + Evidence.value(e.getMessage()));
        }
    }

    public Path file() {
        return file;
    }

    /** Why no check can judge this file, as the result every OpenClaw check gives then; empty when it was read. */
    Optional<CheckResult.Draft> unusable() {
        return switch (state) {
            case READ -> Optional.empty();
            case MISSING -> Optional.of(CheckResult.notAssessed(problem, file.toString()));
            case UNREADABLE -> Optional.of(CheckResult.unreadable(file.toString(), problem));
            case BROKEN -> Optional.of(CheckResult.error(file.toString(), problem, "Fix " + file
                    + " (openclaw doctor names the problem; OpenClaw does not start on it either), then assess again."));
            case UNRESOLVED -> Optional.of(CheckResult.error(file.toString(), problem, "Set the variable named in "
                    + file.resolveSibling(".env") + " (mode 0600), or write the value itself in " + file
                    + ", then assess again."));
            case INCLUDES -> Optional.of(CheckResult.error(file.toString(), problem, "Fix the " + OpenClawIncludes.KEY
                    + " named (OpenClaw does not start on it either), then assess again."));
        };
    }

    /** The document with every string's {@code ${NAME}} replaced as OpenClaw does ({@code $${NAME}} kept as {@code ${NAME}}). */
    private static Object substituted(Object node, Map<String, String> env) throws Unresolved {
        if (node instanceof Map<?, ?> m) {
            Map<Object, Object> out = new java.util.LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                try {
                    out.put(e.getKey(), substituted(e.getValue(), env));
                } catch (Unresolved u) {
                    throw u.at(String.valueOf(e.getKey()));
                }
            }
            return out;
        }
        if (node instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (int i = 0; i < l.size(); i++) {
                try {
                    out.add(substituted(l.get(i), env));
                } catch (Unresolved u) {
                    throw u.at("[" + i + "]");
                }
            }
            return out;
        }
        return node instanceof String text && text.contains("$") ? substituted(text, env) : node;
    }

    private static String substituted(String text, Map<String, String> env) throws Unresolved {
        StringBuilder out = new StringBuilder(text.length());
        // The first "}" at or after the reference being read: each is found once, so a string of
        // a million "${" before one brace costs its length, not a million reads to that brace.
        int brace = text.indexOf('}');
        java.util.regex.Matcher name = REFERENCE.matcher(text);
        for (int i = 0; i < text.length(); i++) {
            boolean escaped = text.startsWith("$${", i);
            int open = escaped ? i + 3 : text.startsWith("${", i) ? i + 2 : -1;
            if (open >= 0 && brace >= 0 && brace < open) {
                brace = text.indexOf('}', open);
            }
            if (open < 0 || brace < 0 || !name.region(open, brace).matches()) {
                out.append(text.charAt(i));
            } else if (escaped) {
                out.append("${").append(name.group()).append('}');
                i = brace;
            } else {
                // A secret store lookup, or a variable unset or empty: OpenClaw would not start on it, or reads it elsewhere.
                String value = VARIABLE.matcher(name.group()).matches() ? env.get(name.group()) : null;
                if (value == null || value.isEmpty()) {
                    throw new Unresolved(name.group());
                }
                out.append(value);
                i = brace;
            }
        }
        return out.toString();
    }

    /** The value at a dotted path ({@code gateway.auth.mode}); empty when any part is missing. */
    public Optional<Object> at(String path) {
        return at(root, path);
    }

    static Optional<Object> at(Map<?, ?> from, String path) {
        Object node = from;
        for (String part : path.split("\\.")) {
            if (!(node instanceof Map<?, ?> m)) {
                return Optional.empty();
            }
            node = m.get(part);
        }
        return Optional.ofNullable(node);
    }

    /** The setting at {@code path}, one of {@code allowed}; {@code fallback} (OpenClaw's default) when unset. */
    public String choice(String path, String fallback, String... allowed) {
        return choice(root, path, path, fallback, allowed);
    }

    /** As {@link #choice(String, String, String...)} inside one part of the file, {@code where} naming it. */
    static String choice(Map<?, ?> from, String where, String path, String fallback, String... allowed) {
        return oneOf(where, at(from, path), fallback, allowed);
    }

    private static String oneOf(String where, Optional<Object> v, String fallback, String... allowed) {
        if (v.isEmpty()) {
            return fallback;
        }
        if (v.get() instanceof String s && Set.of(allowed).contains(s)) {
            return s;
        }
        throw new BadSetting(where, v.get(), "not one of " + String.join("|", allowed));
    }

    /** A boolean setting; {@code fallback} when unset. */
    public boolean flag(String path, boolean fallback) {
        Optional<Object> v = at(path);
        if (v.isEmpty()) {
            return fallback;
        }
        if (v.get() instanceof Boolean b) {
            return b;
        }
        throw new BadSetting(path, v.get(), "not true or false");
    }

    /** A list setting's string items; empty when unset. */
    public List<String> strings(String path) {
        Optional<Object> v = at(path);
        if (v.isEmpty()) {
            return List.of();
        }
        if (v.get() instanceof List<?> l) {
            return l.stream().map(String::valueOf).toList();
        }
        throw new BadSetting(path, v.get(), "not a list");
    }

    /** A number setting; empty when unset. */
    public Optional<Long> number(String path) {
        Optional<Object> v = at(path);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        if (v.get() instanceof Number n) {
            return Optional.of(n.longValue());
        }
        throw new BadSetting(path, v.get(), "not a number");
    }

    /**
     * One channel account as OpenClaw evaluates it: {@code channels.defaults}, then the channel's
     * own settings, then the account's overrides ({@code name} "telegram" for the channel's root,
     * "telegram/work" for {@code accounts.work}). The root counts too: OpenClaw's audit treats it as
     * the implicit default account, which named accounts do not switch off.
     */
    public record Channel(String name, String path, List<Map<?, ?>> layers) {
        /** The first layer that sets {@code key}: the account, then the channel, then channels.defaults. */
        public Optional<Object> get(String key) {
            return layers.stream().<Object>map(layer -> layer.get(key)).filter(Objects::nonNull).findFirst();
        }

        public String choice(String key, String fallback, String... allowed) {
            return oneOf(path + "." + key, get(key), fallback, allowed);
        }
    }

    /**
     * Every enabled channel account, with its settings as layers, never merged copies: a hostile file
     * with thousands of accounts over a channel of thousands of keys costs no more than its size.
     */
    public List<Channel> channels() {
        List<Channel> out = new ArrayList<>();
        Map<?, ?> defaults = at("channels.defaults").filter(Map.class::isInstance).map(Map.class::cast).orElse(Map.of());
        if (!(at("channels").orElse(null) instanceof Map<?, ?> channels)) {
            return out;
        }
        channels.forEach((name, value) -> {
            if (!(value instanceof Map<?, ?> channel) || "defaults".equals(name) || Boolean.FALSE.equals(channel.get("enabled"))) {
                return;
            }
            String label = Evidence.value(name);
            out.add(new Channel(label, "channels." + label, List.of(channel, defaults)));
            if (channel.get("accounts") instanceof Map<?, ?> accounts) {
                accounts.forEach((id, account) -> {
                    if (account instanceof Map<?, ?> overrides && !Boolean.FALSE.equals(overrides.get("enabled"))) {
                        String accountLabel = Evidence.value(id);
                        out.add(new Channel(label + "/" + accountLabel, "channels." + label + ".accounts." + accountLabel,
                                List.of(overrides, channel, defaults)));
                    }
                });
            }
        });
        return out;
    }
}

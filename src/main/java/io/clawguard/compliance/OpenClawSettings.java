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
    private enum State { READ, MISSING, UNREADABLE, BROKEN, INCLUDES }

    /** OpenClaw merges the files this key names into the object holding it (its config/includes.ts). */
    private static final String INCLUDE_KEY = "$include";

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

    static OpenClawSettings read(Path file) {
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
            // Settings in an included file are in force but not in this one: judging this file alone
            // would call an open channel written there absent.
            return includes(map) ? new OpenClawSettings(file, State.INCLUDES, null, "uses " + INCLUDE_KEY
                    + ", which ClawGuard does not follow: the settings in force are not all in this file")
                    : new OpenClawSettings(file, State.READ, map, null);
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
            case INCLUDES -> Optional.of(CheckResult.error(file.toString(), problem, "Move the settings of the files"
                    + " named by " + INCLUDE_KEY + " into " + file + " and remove " + INCLUDE_KEY + ", then assess again."));
        };
    }

    /** Whether an object anywhere in the document has an {@code $include} key. */
    private static boolean includes(Object node) {
        if (node instanceof Map<?, ?> m) {
            return m.containsKey(INCLUDE_KEY) || m.values().stream().anyMatch(OpenClawSettings::includes);
        }
        return node instanceof List<?> l && l.stream().anyMatch(OpenClawSettings::includes);
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

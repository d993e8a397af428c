package io.clawguard.compliance;

import io.clawguard.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * OpenClaw's {@code openclaw.json} as the checks read it, or why it could not be read (then
 * the checks that need it say {@code not_assessed} rather than guess).
 */
public record OpenClawSettings(JsonObject root, String problem) {

    static OpenClawSettings of(JsonObject root) {
        return new OpenClawSettings(root, null);
    }

    static OpenClawSettings missing(String why) {
        return new OpenClawSettings(null, why);
    }

    public boolean present() {
        return root != null;
    }

    /** The value at a dotted path ({@code gateway.auth.mode}); empty when any part is missing. */
    public Optional<Object> at(String path) {
        Object node = root == null ? null : root.fields();
        for (String part : path.split("\\.")) {
            if (!(node instanceof Map<?, ?> m)) {
                return Optional.empty();
            }
            node = m.get(part);
        }
        return Optional.ofNullable(node);
    }

    public Optional<String> text(String path) {
        return at(path).filter(String.class::isInstance).map(String.class::cast);
    }

    /** Each configured channel (telegram, whatsapp, …) with its settings. */
    @SuppressWarnings("unchecked")
    public List<Map.Entry<String, Map<String, Object>>> channels() {
        List<Map.Entry<String, Map<String, Object>>> out = new ArrayList<>();
        if (at("channels").orElse(null) instanceof Map<?, ?> channels) {
            channels.forEach((name, value) -> {
                if (value instanceof Map<?, ?> settings && !"defaults".equals(name)
                        && !Boolean.FALSE.equals(settings.get("enabled"))) {
                    out.add(Map.entry(String.valueOf(name), (Map<String, Object>) settings));
                }
            });
        }
        return out;
    }
}

package io.clawguard.monitor;

import io.clawguard.files.AtomicFile;
import io.clawguard.json.JsonValues;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a reviewed baseline: the previous file is kept as a backup first, then the kept
 * rules replace it atomically. The returned change says what was added and removed, for
 * the audit log.
 */
public final class BaselineStore {
    private BaselineStore() {
    }

    /** What a save changed; {@code backup} is null when there was no previous file. */
    public record Change(Path file, List<String> added, List<String> removed, Path backup) {
        public Map<String, Object> auditFields() {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("file", file.toString());
            f.put("added", added);
            f.put("removed", removed);
            f.put("backup", backup == null ? null : backup.toString());
            return f;
        }
    }

    public static Change save(Path file, List<BaselineItem> reviewed, Instant now) throws IOException {
        List<String> before = new ArrayList<>();
        Path backup = null;
        if (Files.exists(file)) {
            try {
                Object doc = JsonValues.parse(Files.readString(file, StandardCharsets.UTF_8));
                if (doc instanceof List<?> rules) {
                    for (Object r : rules) {
                        before.add(ruleText(r));
                    }
                }
            } catch (IOException unreadable) {
                before.add("(the previous file could not be read; see the backup)");
            }
            backup = file.resolveSibling(file.getFileName() + ".bak-" + now.toString().replace(':', '-'));
            Files.copy(file, backup, StandardCopyOption.COPY_ATTRIBUTES);
        }
        List<Object> kept = new ArrayList<>();
        List<String> after = new ArrayList<>();
        for (BaselineItem item : reviewed) {
            if (item.keep()) {
                kept.add(item.json());
                after.add(ruleText(item.json()));
            }
        }
        AtomicFile.write(file, (JsonValues.pretty(kept) + "\n").getBytes(StandardCharsets.UTF_8), AtomicFile.OWNER_ONLY);
        List<String> added = after.stream().filter(r -> !before.contains(r)).toList();
        List<String> removed = before.stream().filter(r -> !after.contains(r)).toList();
        return new Change(file, added, removed, backup);
    }

    /** A rule as one line for the audit log, its comment left out so rewording is no change. */
    private static String ruleText(Object rule) {
        if (!(rule instanceof Map<?, ?> m)) {
            return String.valueOf(rule);
        }
        Map<Object, Object> copy = new LinkedHashMap<>(m);
        copy.remove("comment");
        StringBuilder s = new StringBuilder();
        copy.forEach((k, v) -> s.append(s.length() == 0 ? "" : " ").append(k).append('=').append(v));
        return s.toString();
    }
}

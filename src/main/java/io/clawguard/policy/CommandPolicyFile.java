package io.clawguard.policy;

import io.clawguard.json.InvalidJsonFileException;
import io.clawguard.json.JsonFiles;
import io.clawguard.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads {@code command-policy.json}; a broken file or regex is an error, never "no policy". */
public final class CommandPolicyFile {
    private CommandPolicyFile() {
    }

    /** Empty when the file does not exist. */
    public static Optional<CommandPolicy> load(Path file) throws InvalidJsonFileException {
        Optional<Object> doc = JsonFiles.read(file);
        if (doc.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(parse(JsonObject.of(file.toString(), doc.get())));
    }

    static CommandPolicy parse(JsonObject o) throws InvalidJsonFileException {
        return new CommandPolicy(patterns(o, "allow"), patterns(o, "deny"),
                argvs(o, "allow_exact"), argvs(o, "deny_exact"), patterns(o, "two_person"), runAs(o),
                limit(o, "max_args", CommandPolicy.DEFAULT_MAX_ARGS, 100_000),
                limit(o, "max_arg_bytes", CommandPolicy.DEFAULT_MAX_ARG_BYTES, 1024 * 1024),
                patterns(o, "deny_children"), patterns(o, "no_record"));
    }

    private static List<Pattern> patterns(JsonObject o, String field) throws InvalidJsonFileException {
        List<String> sources = o.strings(field);
        List<Pattern> out = new ArrayList<>(sources.size());
        for (int i = 0; i < sources.size(); i++) {
            try {
                out.add(Pattern.compile(sources.get(i)));
            } catch (PatternSyntaxException e) {
                throw o.error(field + "[" + i + "]", "is not a valid regex: " + e.getDescription()
                        + " near index " + e.getIndex());
            }
        }
        return out;
    }

    private static int limit(JsonObject o, String field, int fallback, int most) throws InvalidJsonFileException {
        Optional<Long> v = o.optLong(field);
        if (v.isPresent() && (v.get() < 1 || v.get() > most)) {
            throw o.error(field, "must be between 1 and " + most);
        }
        return v.map(Long::intValue).orElse(fallback);
    }

    private static List<RunAsRule> runAs(JsonObject o) throws InvalidJsonFileException {
        List<RunAsRule> out = new ArrayList<>();
        List<JsonObject> rules = o.objects("run_as");
        for (int i = 0; i < rules.size(); i++) {
            JsonObject r = rules.get(i);
            String user = r.string("user");
            if (!user.matches("[a-z_][a-z0-9_-]{0,31}\\$?|\\d{1,9}")) {
                throw o.error("run_as[" + i + "].user", "is not a user name or uid: " + user);
            }
            try {
                out.add(new RunAsRule(Pattern.compile(r.string("match")), user));
            } catch (PatternSyntaxException e) {
                throw o.error("run_as[" + i + "].match", "is not a valid regex: " + e.getDescription());
            }
        }
        return out;
    }

    private static List<List<String>> argvs(JsonObject o, String field) throws InvalidJsonFileException {
        List<List<String>> out = o.stringLists(field);
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).isEmpty()) {
                throw o.error(field + "[" + i + "]", "is an empty argv");
            }
        }
        return out;
    }
}

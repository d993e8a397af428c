package io.clawguard.policy;

import io.clawguard.json.InvalidJsonFileException;
import io.clawguard.json.JsonObject;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One row of {@code references/interpreters.json}: how a shell, an interpreter or a command
 * runner takes code or another command. The fields are described in the file itself.
 */
record Interpreter(List<Pattern> names, Set<String> valueOptions, Set<String> inlineOptions,
                   Set<String> inlineOperandOptions, String clusterOptions, Set<String> stdinOptions,
                   Set<String> moduleOptions, Set<String> scriptOptions, boolean scriptOperand, boolean programOperand,
                   boolean runsCommand, int skipOperands, Set<String> execOptions, boolean applet,
                   Set<String> shellTextOptions, boolean restIsShellText, boolean permute) {

    static Interpreter parse(JsonObject o) throws InvalidJsonFileException {
        List<Pattern> names = o.strings("names").stream()
                .map(n -> Pattern.compile(Pattern.quote(n).replace("*", "\\E.*\\Q"))).toList();
        if (names.isEmpty()) {
            throw o.error("names", "must name at least one program");
        }
        return new Interpreter(names, set(o, "value_options"), set(o, "inline_options"),
                set(o, "inline_operand_options"), o.optString("cluster_options").orElse(""), set(o, "stdin_options"),
                set(o, "module_options"), set(o, "script_options"), o.bool("script_operand", false),
                o.bool("program_operand", false), o.bool("runs_command", false),
                (int) (long) o.optLong("skip_operands").orElse(0L), set(o, "exec_options"), o.bool("applet", false),
                set(o, "shell_text_options"), o.bool("rest_is_shell_text", false), o.bool("permute", false));
    }

    private static Set<String> set(JsonObject o, String field) throws InvalidJsonFileException {
        return Set.copyOf(o.strings(field));
    }

    boolean named(String baseName) {
        return names.stream().anyMatch(p -> p.matcher(baseName).matches());
    }

    /** Whether it runs code of its own choosing when given none (a shell or interpreter reading standard input). */
    boolean readsCode() {
        return scriptOperand || !inlineOptions.isEmpty() || !inlineOperandOptions.isEmpty() || programOperand;
    }

    /** An option that takes a value, with the value attached ({@code -cCODE}, {@code --eval=CODE}) or not. */
    static String attached(String arg, Set<String> options) {
        for (String o : options) {
            if (o.startsWith("--") && arg.startsWith(o + "=")) {
                return arg.substring(o.length() + 1);
            }
            if (!o.startsWith("--") && o.length() == 2 && arg.length() > 2 && arg.startsWith(o)) {
                return arg.substring(2);
            }
        }
        return null;
    }
}

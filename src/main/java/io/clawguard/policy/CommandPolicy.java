package io.clawguard.policy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The admin's allow/deny rules for privileged commands ({@code command-policy.json}).
 * Regexes are searched in the shell-quoted command line, and in the same line with the
 * program's basename in place of its path, so {@code ^python3\b} means the python3 program
 * wherever it lives. Exact rules compare the whole argv. As in the seed's tool: deny rules
 * win; when {@code allow_exact} has entries the argv must be one of them; otherwise, when
 * {@code allow} has entries, one must match. The reason words are the seed's too.
 */
public record CommandPolicy(List<Pattern> allow, List<Pattern> deny,
                            List<List<String>> allowExact, List<List<String>> denyExact, List<Pattern> twoPerson,
                            List<RunAsRule> runAs, int maxArgs, int maxArgBytes, List<Pattern> denyChildren,
                            List<Pattern> noRecord) {
    public static final int DEFAULT_MAX_ARGS = 256;
    public static final int DEFAULT_MAX_ARG_BYTES = 64 * 1024;
    public static final CommandPolicy NONE = new CommandPolicy(List.of(), List.of(), List.of(), List.of(), List.of(),
            List.of(), DEFAULT_MAX_ARGS, DEFAULT_MAX_ARG_BYTES, List.of(), List.of());

    public CommandPolicy {
        allow = List.copyOf(allow);
        deny = List.copyOf(deny);
        allowExact = List.copyOf(allowExact);
        denyExact = List.copyOf(denyExact);
        twoPerson = List.copyOf(twoPerson);
        runAs = List.copyOf(runAs);
        denyChildren = List.copyOf(denyChildren);
        noRecord = List.copyOf(noRecord);
    }

    /** The {@code no_record} rule that keeps a run from being recorded (for commands that print secrets), or empty. */
    public Optional<String> recordingOff(List<String> argv, String resolvedProgram) {
        List<String> lines = lines(argv, resolvedProgram);
        return noRecord.stream().filter(p -> matchesAny(p, lines)).map(Pattern::pattern).findFirst();
    }

    /**
     * The {@code deny_children} rule a program started under an approved run matches (searched
     * like {@code deny}, in its command line and with its program's base name), or empty: a
     * match ends the whole run.
     */
    public Optional<String> deniedChild(List<String> argv, String exe) {
        List<String> lines = lines(argv, exe);
        return denyChildren.stream().filter(p -> matchesAny(p, lines)).map(Pattern::pattern).findFirst();
    }

    /** The user the first matching {@code run_as} rule names; empty means root. */
    public Optional<String> runAsFor(List<String> argv, String resolvedProgram) {
        List<String> lines = lines(argv, resolvedProgram);
        return runAs.stream().filter(r -> matchesAny(r.match(), lines)).map(RunAsRule::user).findFirst();
    }

    /**
     * True when a {@code two_person} rule matches the command line (searched like {@code deny}):
     * the request then runs only after two different admins approved it.
     */
    public boolean needsTwoPersons(List<String> argv, String resolvedProgram) {
        List<String> lines = lines(argv, resolvedProgram);
        return twoPerson.stream().anyMatch(p -> matchesAny(p, lines));
    }

    private static List<String> lines(List<String> argv, String resolvedProgram) {
        List<String> lines = new ArrayList<>();
        for (List<String> form : forms(argv, resolvedProgram)) {
            lines.addAll(commandLines(form));
        }
        return lines;
    }

    public PolicyVerdict evaluate(List<String> argv) {
        return evaluate(argv, null);
    }

    /**
     * Judges the argv as given and, when the program resolved to another path (a symlink),
     * as resolved too: a deny rule matching either form blocks; an allow rule matching
     * either form allows.
     */
    public PolicyVerdict evaluate(List<String> argv, String resolvedProgram) {
        // A command no one can read in full is refused before any rule is searched.
        if (argv.size() > maxArgs) {
            return PolicyVerdict.blocked("too_many_args", argv.size() + " arguments; max_args is " + maxArgs);
        }
        for (int i = 0; i < argv.size(); i++) {
            int bytes = argv.get(i).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (bytes > maxArgBytes) {
                return PolicyVerdict.blocked("arg_too_long", "argument " + i + " of " + bytes + " bytes; max_arg_bytes is "
                        + maxArgBytes);
            }
        }
        List<List<String>> forms = forms(argv, resolvedProgram);
        List<String> lines = new ArrayList<>();
        for (List<String> form : forms) {
            lines.addAll(commandLines(form));
            if (denyExact.contains(form)) {
                return PolicyVerdict.blocked("deny_exact_match", ShellQuote.join(form));
            }
        }
        for (Pattern p : deny) {
            if (matchesAny(p, lines)) {
                return PolicyVerdict.blocked("deny_match", p.pattern());
            }
        }
        if (!allowExact.isEmpty()) {
            return forms.stream().anyMatch(allowExact::contains) ? PolicyVerdict.ALLOWED
                    : PolicyVerdict.blocked("not_in_allow_exact", null);
        }
        if (allow.isEmpty()) {
            return PolicyVerdict.ALLOWED;
        }
        for (Pattern p : allow) {
            if (matchesAny(p, lines)) {
                return PolicyVerdict.ALLOWED;
            }
        }
        return PolicyVerdict.blocked("not_in_allowlist", null);
    }

    /** The argv as given and, when the program resolved to another path, as resolved. */
    private static List<List<String>> forms(List<String> argv, String resolvedProgram) {
        List<List<String>> forms = new ArrayList<>(2);
        forms.add(argv);
        if (resolvedProgram != null && !argv.isEmpty() && !resolvedProgram.equals(argv.get(0))) {
            List<String> resolved = new ArrayList<>(argv);
            resolved.set(0, resolvedProgram);
            forms.add(resolved);
        }
        return forms;
    }

    private static List<String> commandLines(List<String> argv) {
        List<String> lines = new ArrayList<>(2);
        lines.add(ShellQuote.join(argv));
        if (!argv.isEmpty()) {
            Path program = Path.of(argv.get(0)).getFileName();
            if (program != null && !program.toString().equals(argv.get(0))) {
                List<String> byName = new ArrayList<>(argv);
                byName.set(0, program.toString());
                lines.add(ShellQuote.join(byName));
            }
        }
        return lines;
    }

    private static boolean matchesAny(Pattern p, List<String> lines) {
        for (String line : lines) {
            if (p.matcher(line).find()) {
                return true;
            }
        }
        return false;
    }
}

package io.clawguard.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One reading of an argv through the {@link InterpreterTable}: walks the options and operands
 * of each program the way that program would, collecting the code it is handed. Options the
 * table does not know are taken to have no value; that can only make a later argument count as
 * code or a script, never hide one.
 */
final class InterpreterReading {
    private final InterpreterTable table;
    private final List<String> inline = new ArrayList<>();
    private final List<Integer> inlineArgs = new ArrayList<>();
    private final List<InterpreterUse.Script> scripts = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    InterpreterReading(InterpreterTable table) {
        this.table = table;
    }

    InterpreterUse result() {
        return new InterpreterUse(inline, inlineArgs, scripts, notes);
    }

    /** Reads the program at {@code argv[from]} and its arguments; {@code offset} maps back to the request's argv. */
    void read(List<String> argv, int from, String resolvedPath, int depth) {
        if (from >= argv.size()) {
            return;
        }
        String program = argv.get(from);
        Optional<Interpreter> found = table.find(program, from == 0 ? resolvedPath : null);
        if (found.isEmpty()) {
            return;
        }
        if (depth >= InterpreterTable.maxDepth()) {
            notes.add(program + ": runners nested past " + InterpreterTable.maxDepth() + " levels, not read further");
            return;
        }
        Interpreter it = found.get();
        if (!it.execOptions().isEmpty()) {
            readExec(argv, from, it, depth);
            return;
        }
        Opts o = new Opts();
        int i = from + 1;
        for (; i < argv.size(); i++) {
            String a = argv.get(i);
            if (a.equals("--")) {
                i++;
                break;
            }
            if (a.equals("-") || !(a.startsWith("-") || (a.startsWith("+") && a.length() > 1 && it.clusterOptions()
                    .length() > 0))) {
                break;
            }
            i = a.startsWith("--") || a.startsWith("+") || a.length() == 2 ? whole(argv, i, it, program, o)
                    : cluster(argv, i, it, program, o);
        }
        boolean inlineOperand = o.inlineOperand && !o.codeGiven;
        boolean stdin = o.stdin;
        boolean gotScriptOption = o.gotScriptOption;
        boolean codeGiven = o.codeGiven;
        if (it.permute()) {
            // Options after operands count too (GNU getopt): su root -c CMD, flock FILE -c CMD.
            for (int j = i; j < argv.size(); j++) {
                String a = argv.get(j);
                String value = Interpreter.attached(a, it.shellTextOptions());
                if (it.shellTextOptions().contains(a) && j + 1 < argv.size()) {
                    code(argv, ++j);
                    codeGiven = true;
                } else if (value != null) {
                    attachedCode(value, j);
                    codeGiven = true;
                }
            }
            if (codeGiven) {
                return;
            }
        }
        if (inlineOperand) {
            if (i < argv.size()) {
                code(argv, i);
            } else {
                notes.add(program + " -c without a command");
            }
            return;
        }
        if (it.restIsShellText()) {
            if (i < argv.size()) {
                inline.add(String.join(" ", argv.subList(i, argv.size())));
                for (int j = i; j < argv.size(); j++) {
                    inlineArgs.add(j);
                }
            }
            return;
        }
        if (it.applet()) {
            read(argv, i, null, depth + 1);
            return;
        }
        if (it.runsCommand()) {
            int skip = it.skipOperands();
            while (i < argv.size() && (skip > 0 || isAssignment(argv.get(i)))) {
                if (!isAssignment(argv.get(i))) {
                    skip--;
                }
                i++;
            }
            // A value option the table does not know would make its value look like the command, and
            // the shell after it would pass unread: the first word at or after here that names a
            // program of the table is read as the command (reading too much only ever flags more).
            int command = i;
            while (command < argv.size() && table.find(argv.get(command), null).isEmpty()) {
                command++;
            }
            read(argv, command < argv.size() ? command : i, null, depth + 1);
            return;
        }
        if (i < argv.size() && !argv.get(i).equals("-")) {
            if (it.programOperand() && !gotScriptOption) {
                code(argv, i);
            } else if (it.scriptOperand() && !codeGiven) {
                scripts.add(new InterpreterUse.Script(i, argv.get(i), ""));
            }
            return;
        }
        if (stdin || (!codeGiven && it.readsCode())) {
            notes.add(program + " reads code from standard input (not shown here)");
        }
    }

    /** What one program's options said so far. */
    private static final class Opts {
        boolean inlineOperand;
        boolean stdin;
        boolean gotScriptOption;
        boolean codeGiven;
    }

    /** One option as a whole word ({@code -c}, {@code --eval}, {@code --eval=CODE}); returns the last argv index it used. */
    private int whole(List<String> argv, int i, Interpreter it, String program, Opts o) {
        String a = argv.get(i);
        String value;
        if ((it.inlineOptions().contains(a) || it.shellTextOptions().contains(a)) && i + 1 < argv.size()) {
            code(argv, ++i);
            o.codeGiven = true;
        } else if ((value = Interpreter.attached(a, it.inlineOptions())) != null
                || (value = Interpreter.attached(a, it.shellTextOptions())) != null) {
            attachedCode(value, i);
            o.codeGiven = true;
        } else if (it.moduleOptions().contains(a) && i + 1 < argv.size()) {
            notes.add(program + " runs the installed module " + argv.get(++i) + " (its code is not shown here)");
            o.codeGiven = true;
        } else if (it.scriptOptions().contains(a) && i + 1 < argv.size()) {
            i++;
            scripts.add(new InterpreterUse.Script(i, argv.get(i), ""));
            o.gotScriptOption = true;
        } else if ((value = Interpreter.attached(a, it.scriptOptions())) != null) {
            scripts.add(new InterpreterUse.Script(i, value, a.substring(0, a.length() - value.length())));
            o.gotScriptOption = true;
        } else if (it.inlineOperandOptions().contains(a)) {
            o.inlineOperand = true;
        } else if (it.stdinOptions().contains(a)) {
            o.stdin = true;
        } else if (it.valueOptions().contains(a)) {
            i++;
        }
        return i;
    }

    /**
     * A group of single-letter options ({@code -lc}, {@code -vS STRING}, {@code -Eu USER},
     * {@code -cCODE}) read the way getopt reads it: letter by letter, until one that takes a
     * value, whose value is the rest of the group or, when nothing is left, the next word.
     */
    private int cluster(List<String> argv, int i, Interpreter it, String program, Opts o) {
        String a = argv.get(i);
        for (int j = 1; j < a.length(); j++) {
            String opt = "-" + a.charAt(j);
            String rest = a.substring(j + 1);
            boolean next = rest.isEmpty() && i + 1 < argv.size();
            if (it.inlineOptions().contains(opt) || it.shellTextOptions().contains(opt)) {
                if (next) {
                    code(argv, ++i);
                } else {
                    attachedCode(rest, i);
                }
                o.codeGiven = true;
                return i;
            }
            if (it.moduleOptions().contains(opt)) {
                notes.add(program + " runs the installed module " + (next ? argv.get(++i) : rest)
                        + " (its code is not shown here)");
                o.codeGiven = true;
                return i;
            }
            if (it.scriptOptions().contains(opt)) {
                if (next) {
                    i++;
                    scripts.add(new InterpreterUse.Script(i, argv.get(i), ""));
                } else {
                    scripts.add(new InterpreterUse.Script(i, rest, a.substring(0, j + 1)));
                }
                o.gotScriptOption = true;
                return i;
            }
            if (it.valueOptions().contains(opt)) {
                return next ? i + 1 : i;
            }
            if (it.inlineOperandOptions().contains(opt)) {
                o.inlineOperand = true;
            } else if (it.stdinOptions().contains(opt)) {
                o.stdin = true;
            }
        }
        return i;
    }

    private void code(List<String> argv, int at) {
        inline.add(argv.get(at));
        inlineArgs.add(at);
    }

    private void attachedCode(String value, int at) {
        inline.add(value);
        inlineArgs.add(at);
    }

    /** {@code find … -exec CMD … ;}: each command after an exec option is read as a command of its own. */
    private void readExec(List<String> argv, int from, Interpreter it, int depth) {
        for (int i = from + 1; i < argv.size(); i++) {
            if (it.execOptions().contains(argv.get(i))) {
                int end = i + 1;
                while (end < argv.size() && !argv.get(end).equals(";") && !argv.get(end).equals("+")) {
                    end++;
                }
                read(new ArrayList<>(argv.subList(0, end)), i + 1, null, depth + 1);
                i = end;
            }
        }
    }

    private static boolean isAssignment(String word) {
        int eq = word.indexOf('=');
        return eq > 0 && word.substring(0, eq).matches("[A-Za-z_][A-Za-z0-9_]*");
    }
}

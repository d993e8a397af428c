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
        boolean inlineOperand = false;
        boolean stdin = false;
        boolean gotScriptOption = false;
        boolean codeGiven = false;
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
            String value;
            if (it.inlineOptions().contains(a) && i + 1 < argv.size()) {
                code(argv, ++i);
                codeGiven = true;
            } else if ((value = Interpreter.attached(a, it.inlineOptions())) != null) {
                attachedCode(value, i);
                codeGiven = true;
            } else if (it.shellTextOptions().contains(a) && i + 1 < argv.size()) {
                code(argv, ++i);
                codeGiven = true;
            } else if ((value = Interpreter.attached(a, it.shellTextOptions())) != null) {
                attachedCode(value, i);
                codeGiven = true;
            } else if (it.moduleOptions().contains(a) && i + 1 < argv.size()) {
                notes.add(program + " runs the installed module " + argv.get(++i) + " (its code is not shown here)");
                codeGiven = true;
            } else if ((value = Interpreter.attached(a, it.moduleOptions())) != null) {
                notes.add(program + " runs the installed module " + value + " (its code is not shown here)");
                codeGiven = true;
            } else if (it.scriptOptions().contains(a) && i + 1 < argv.size()) {
                i++;
                scripts.add(new InterpreterUse.Script(i, argv.get(i)));
                gotScriptOption = true;
                codeGiven = true;
            } else if (it.inlineOperandOptions().contains(a)) {
                inlineOperand = true;
            } else if (it.stdinOptions().contains(a)) {
                stdin = true;
            } else if (it.valueOptions().contains(a)) {
                i++;
            } else if (Interpreter.attached(a, it.valueOptions()) != null) {
                continue;
            } else if (!a.startsWith("--") && a.length() > 2 && !it.clusterOptions().isEmpty()) {
                // A cluster such as -lc or -ec: every letter an option of its own.
                String letters = a.substring(1);
                inlineOperand |= it.inlineOperandOptions().stream().anyMatch(o -> letters.indexOf(o.charAt(1)) >= 0);
                stdin |= it.stdinOptions().stream().anyMatch(o -> letters.indexOf(o.charAt(1)) >= 0);
            }
        }
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
            read(argv, i, null, depth + 1);
            return;
        }
        if (i < argv.size() && !argv.get(i).equals("-")) {
            if (it.programOperand() && !gotScriptOption) {
                code(argv, i);
            } else if (it.scriptOperand() && !codeGiven) {
                scripts.add(new InterpreterUse.Script(i, argv.get(i)));
            }
            return;
        }
        if (stdin || (!codeGiven && it.readsCode())) {
            notes.add(program + " reads code from standard input (not shown here)");
        }
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

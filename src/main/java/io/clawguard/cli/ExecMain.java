package io.clawguard.cli;

import io.clawguard.exec.ExecClient;
import io.clawguard.exec.ExecRequestJson;
import io.clawguard.files.StateHome;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.OptionGroup;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/**
 * {@code clawguard exec}: ask the broker to run one command as root, once a human approved it.
 * It is the agent's hot path, so it starts from a jar of its own and parses its options with
 * Apache Commons CLI: picocli's start-up alone (about 45 ms measured here) would be most of
 * the time budget of a call.
 */
public final class ExecMain {
    static final int USAGE = 2;
    static final String EXIT_CODES = "Exit codes: 1 denied, 2 usage, 3 policy block, 4 second factor failed,"
            + " 5 untrusted source not confirmed, 6 session id missing, 7 policy files missing or invalid,"
            + " 8 invalid command, 9 invalid sudo binary, 10 no approver reachable, 11 approval timed out;"
            + " otherwise the command's own exit code.";

    private ExecMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        Options options = options();
        CommandLine cl;
        try {
            cl = new DefaultParser().parse(options, args, true);
            if (cl.hasOption("help")) {
                usage(options, System.out);
                return 0;
            }
            if (cl.hasOption("version")) {
                System.out.println("clawguard 0.1.0");
                return 0;
            }
            if (!cl.hasOption("reason")) {
                throw new ParseException("Missing required option: --reason");
            }
            if (cl.getArgList().isEmpty()) {
                throw new ParseException("Missing the command: clawguard exec --reason TEXT -- /abs/cmd [args...]");
            }
            // Parsing stops at the first word that is no option of ours, so an unknown option lands here.
            if (cl.getArgList().get(0).startsWith("-")) {
                throw new ParseException("Unknown option " + cl.getArgList().get(0) + " (the command must be an"
                        + " absolute path)");
            }
        } catch (ParseException e) {
            System.err.println("clawguard exec: " + e.getMessage());
            usage(options, System.err);
            return USAGE;
        }
        Integer minutes = timeoutMinutes(cl.getOptionValue("timeout-minutes"));
        if (minutes != null && minutes < 1) {
            System.err.println("clawguard exec: --timeout-minutes must be a whole number of at least 1");
            return USAGE;
        }
        List<String> argv = cl.getArgList();
        Map<String, String> env = System.getenv();
        byte[] request = ExecRequestJson.encode(argv, cl.getOptionValue("reason"), cl.hasOption("use-sudo"),
                cl.hasOption("keep-session"), minutes, env);
        return new ExecClient(System.in, System.out, System.err).run(socket(cl, env), request);
    }

    /** {@code --system}, {@code --home} or {@code CLAWGUARD_HOME}; else a system broker if one runs, else the user's. */
    static Path socket(CommandLine cl, Map<String, String> env) {
        if (cl.hasOption("system")) {
            return StateHome.SYSTEM.agentSocket();
        }
        String home = cl.getOptionValue("home");
        if (home == null && env.get(StateHome.ENV_HOME) == null && Files.exists(StateHome.SYSTEM.agentSocket())) {
            return StateHome.SYSTEM.agentSocket();
        }
        return StateHome.resolve(home == null ? null : Path.of(home), env, Path.of(System.getProperty("user.home")))
                .agentSocket();
    }

    private static Integer timeoutMinutes(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static Options options() {
        OptionGroup where = new OptionGroup();
        where.addOption(Option.builder().longOpt("home").hasArg().argName("DIR")
                .desc("State folder of a user broker (default: $CLAWGUARD_HOME, else the system broker if it"
                        + " runs, else ~/.openclaw/security).").build());
        where.addOption(Option.builder().longOpt("system").desc("Ask the system broker (/run/clawguard).").build());
        return new Options()
                .addOptionGroup(where)
                .addOption(Option.builder().longOpt("reason").hasArg().argName("TEXT")
                        .desc("Why the command needs root; shown to the approver.").build())
                .addOption(Option.builder().longOpt("use-sudo")
                        .desc("In a same-user install, run the command through sudo (OPENCLAW_REAL_SUDO, default"
                                + " /usr/bin/sudo); a root broker needs no sudo.").build())
                .addOption(Option.builder().longOpt("keep-session")
                        .desc("Ask to keep the elevation for this task session after the command.").build())
                .addOption(Option.builder().longOpt("timeout-minutes").hasArg().argName("N")
                        .desc("A shorter idle timeout for this session; never longer than clawguard.json's.").build())
                .addOption(Option.builder("h").longOpt("help").desc("Show this help message and exit.").build())
                .addOption(Option.builder("V").longOpt("version").desc("Print version information and exit.").build());
    }

    private static void usage(Options options, PrintStream stream) {
        PrintWriter out = new PrintWriter(stream);
        new HelpFormatter().printHelp(out, 100, "clawguard exec [--home DIR | --system] --reason TEXT [--use-sudo]"
                        + " [--keep-session] [--timeout-minutes N] -- CMD [ARGS...]",
                "Run a privileged command after explicit approval; the broker runs it, scoped, short-lived and"
                        + " audited, and this relays its input, output and exit code.\n\n",
                options, 2, 2, "\n" + EXIT_CODES);
        out.flush();
    }
}

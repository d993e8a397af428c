package io.clawguard.cli;

import io.clawguard.files.ProcessIdentity;
import io.clawguard.service.Accounts;
import io.clawguard.service.RootOnly;
import io.clawguard.service.ServiceException;
import io.clawguard.service.ServiceLayout;
import io.clawguard.service.ServicePlan;
import io.clawguard.service.ServiceStep;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code clawguard service install|uninstall}: the separated install, a root broker under systemd. */
@Command(name = "service", mixinStandardHelpOptions = true,
        description = "Install or remove the root broker service of the separated install.",
        subcommands = {ServiceCommand.Install.class, ServiceCommand.Uninstall.class})
final class ServiceCommand {

    /** How install and uninstall are carried out: for real or dry, on the host or under a folder. */
    static final class RunOptions {
        @Option(names = "--dry-run", description = "Print every step and change nothing (needs no root).")
        boolean dryRun;

        @Option(names = "--root", paramLabel = "DIR", description = "Write every path under DIR instead of /"
                + " (tests, image builds); sudo and systemctl are then only printed, not run.")
        Path root;

        ServiceLayout layout() {
            return root == null ? ServiceLayout.HOST : new ServiceLayout(root);
        }
    }

    @Command(name = "install", mixinStandardHelpOptions = true,
            description = {"Install the program in /opt/clawguard, the broker's systemd unit, /etc/clawguard/clawguard.json"
                    + " naming the agent and the admins, and the agent's sudo shim in /usr/local/lib/clawguard/bin.",
                    "Refuses an existing clawguard.json that names other users. Run as root."})
    static final class Install implements Callable<Integer> {
        @Option(names = "--agent-user", required = true, paramLabel = "NAME",
                description = "The user the agent runs as: it may ask, never approve, and should have no sudo rights.")
        String agentUser;

        @Option(names = "--admin-user", paramLabel = "NAME",
                description = "A user who may attach a console and approve (repeatable; root always may).")
        List<String> adminUsers = new ArrayList<>();

        @Mixin
        RunOptions run;

        @Override
        public Integer call() throws IOException {
            if (!rootOrDryRun("service install", run.dryRun)) {
                return 1;
            }
            String launcher = System.getProperty("clawguard.launcher");
            if (launcher == null) {
                System.err.println("clawguard service install: run it through the clawguard launcher script"
                        + " (./clawguard service install ...): the launcher and its jars are what gets installed");
                return 1;
            }
            ServicePlan plan;
            try {
                plan = ServicePlan.install(new ServicePlan.Install(Path.of(launcher), agentUser, adminUsers,
                        run.layout()), Accounts.read(Accounts.PASSWD));
            } catch (ServiceException e) {
                System.err.println("clawguard service install: " + e.getMessage());
                return 1;
            }
            return carryOut("service install", plan, run.dryRun);
        }
    }

    @Command(name = "uninstall", mixinStandardHelpOptions = true,
            description = {"Stop the broker and remove its unit, /opt/clawguard, /usr/local/bin/clawguard and the sudo"
                    + " shim.", "Keeps /etc/clawguard, /var/lib/clawguard and /var/log/clawguard: config and the audit"
                    + " log are evidence. Run as root."})
    static final class Uninstall implements Callable<Integer> {
        @Mixin
        RunOptions run;

        @Override
        public Integer call() throws IOException {
            if (!rootOrDryRun("service uninstall", run.dryRun)) {
                return 1;
            }
            return carryOut("service uninstall", ServicePlan.uninstall(run.layout()), run.dryRun);
        }
    }

    /** A dry run only reads, so anyone may see the steps; changing the system is root's. */
    private static boolean rootOrDryRun(String command, boolean dryRun) {
        Optional<String> refusal = dryRun ? Optional.empty() : RootOnly.refusal(ProcessIdentity.uid(), command);
        refusal.ifPresent(System.err::println);
        return refusal.isEmpty();
    }

    /** Prints each step before doing it, and what came of it; a failed step stops the rest. */
    private static int carryOut(String command, ServicePlan plan, boolean dryRun) {
        System.out.println("clawguard " + command + (dryRun ? ": dry run, nothing is changed. The steps:" : ":"));
        for (ServiceStep step : plan.steps()) {
            System.out.println("  " + step.describe());
            if (dryRun) {
                continue;
            }
            try {
                step.apply().ifPresent(note -> System.out.println("      " + note));
            } catch (IOException e) {
                System.err.println("clawguard " + command + ": failed at: " + step.describe() + ": " + e.getMessage());
                return 1;
            }
        }
        plan.nextSteps().forEach(System.out::println);
        return 0;
    }
}

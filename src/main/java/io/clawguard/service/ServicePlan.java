package io.clawguard.service;

import io.clawguard.hook.SudoShim;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The steps of one install or uninstall of the root broker service, in order, and what the
 * admin does next. Every check that can refuse is made while planning, so a refused install
 * changes nothing.
 */
public record ServicePlan(List<ServiceStep> steps, List<String> nextSteps) {
    /** The unit's text, shipped in the jar from {@code references/systemd/}. */
    static final String UNIT_RESOURCE = "/systemd/clawguard-broker.service";

    public ServicePlan {
        steps = List.copyOf(steps);
        nextSteps = List.copyOf(nextSteps);
    }

    /** What to install: the running launcher (its jars are in its {@code target/} folder) and who is who. */
    public record Install(Path launcher, String agentUser, List<String> adminUsers, ServiceLayout layout) {
        public Install {
            adminUsers = List.copyOf(adminUsers);
        }
    }

    public static ServicePlan install(Install request, Accounts accounts) throws ServiceException {
        ServiceLayout l = request.layout();
        InstallChecks.users(request.agentUser(), request.adminUsers(), accounts);
        Path launcher = request.launcher().toAbsolutePath();
        List<ServiceStep> steps = new ArrayList<>();
        steps.add(new ServiceStep.CheckSudoRights(request.agentUser(), l.onHost()));
        steps.add(new ServiceStep.Folder(l.at(ServiceLayout.PROGRAM_DIR), "0755"));
        steps.add(new ServiceStep.Folder(l.at(ServiceLayout.JAR_DIR), "0755"));
        steps.add(new ServiceStep.CopyFile(launcher, l.at(ServiceLayout.LAUNCHER), "0755"));
        for (String jar : ServiceLayout.JARS) {
            steps.add(new ServiceStep.CopyFile(launcher.resolveSibling("target").resolve(jar),
                    l.at(ServiceLayout.JAR_DIR.resolve(jar)), "0644"));
        }
        steps.add(new ServiceStep.WriteFile(l.at(ServiceLayout.COMMAND), "0755", commandScript(),
                "runs " + ServiceLayout.LAUNCHER));
        List<Path> pages = manPages(launcher.resolveSibling("target").resolve("man"));
        steps.add(new ServiceStep.Folder(l.at(ServiceLayout.PROGRAM_MAN_DIR), "0755"));
        steps.add(new ServiceStep.Folder(l.at(ServiceLayout.MAN_DIR), "0755"));
        for (Path page : pages) {
            steps.add(new ServiceStep.CopyFile(page, l.at(ServiceLayout.PROGRAM_MAN_DIR.resolve(page.getFileName())),
                    "0644"));
            steps.add(new ServiceStep.CopyFile(page, l.at(ServiceLayout.MAN_DIR.resolve(page.getFileName())), "0644"));
        }
        // The shim goes in a root-owned folder rather than a folder of the agent's: root then
        // never writes into a folder the agent controls (no link or rename games to win) and never
        // runs anything as the agent with root's environment; the agent only has to find it on PATH.
        steps.add(new ServiceStep.Folder(l.at(ServiceLayout.SHIM_PARENT), "0755"));
        steps.add(new ServiceStep.Folder(l.at(ServiceLayout.SHIM_DIR), "0755"));
        steps.add(new ServiceStep.WriteFile(l.at(ServiceLayout.SHIM_DIR.resolve("sudo")), "0755",
                SudoShim.systemScript(List.of(ServiceLayout.LAUNCHER.toString())),
                "the agent's sudo shim: sudo CMD asks the broker"));
        steps.add(new ServiceStep.Folder(l.at(ServiceLayout.SYSTEM.configDir()), "0755"));
        steps.add(AccessConfig.step(l.at(ServiceLayout.SYSTEM.config()), request.agentUser(), request.adminUsers()));
        steps.add(new ServiceStep.Folder(l.at(ServiceLayout.SYSTEM.dir()), "0700"));
        steps.add(new ServiceStep.Folder(l.at(ServiceLayout.SYSTEM.logDir()), "0700"));
        // Last: the unit only appears once everything it starts is in place.
        steps.add(new ServiceStep.WriteFile(l.at(ServiceLayout.UNIT), "0644", unitText(), "the broker's systemd unit"));
        InstallChecks.copiesHaveSources(steps);
        return new ServicePlan(steps, installNextSteps(request));
    }

    public static ServicePlan uninstall(ServiceLayout l) {
        Path unit = l.at(ServiceLayout.UNIT);
        List<ServiceStep> steps = new ArrayList<>(List.of(
                new ServiceStep.StopService(unit, l.onHost()),
                new ServiceStep.RemoveFile(unit, "the broker's systemd unit", null),
                new ServiceStep.RemoveFile(l.at(ServiceLayout.COMMAND), "only if it is the one the install wrote",
                        commandScript())));
        // The pages the install copied, known by the copies it kept: another package's page of the same name stays.
        for (Path kept : manPages(l.at(ServiceLayout.PROGRAM_MAN_DIR))) {
            try {
                steps.add(new ServiceStep.RemoveFile(l.at(ServiceLayout.MAN_DIR.resolve(kept.getFileName())),
                        "man page, only if it is the one the install wrote", Files.readString(kept)));
            } catch (IOException unreadable) {
                steps.add(new ServiceStep.Keep(l.at(ServiceLayout.MAN_DIR.resolve(kept.getFileName())),
                        "cannot read the install's copy to compare: " + unreadable.getMessage()));
            }
        }
        steps.addAll(List.of(
                new ServiceStep.RemoveTree(l.at(ServiceLayout.SHIM_PARENT), "the agent's sudo shim"),
                new ServiceStep.RemoveTree(l.at(ServiceLayout.PROGRAM_DIR), "the program"),
                new ServiceStep.Keep(l.at(ServiceLayout.SYSTEM.configDir()), "config and policy"),
                new ServiceStep.Keep(l.at(ServiceLayout.SYSTEM.dir()), "elevation state"),
                new ServiceStep.Keep(l.at(ServiceLayout.SYSTEM.logDir()), "the audit log: evidence")));
        return new ServicePlan(steps, List.of(
                "Then, as root:",
                "  systemctl daemon-reload",
                "Take " + ServiceLayout.SHIM_DIR + " out of the agent's PATH.",
                "Config and the audit log are kept as evidence: remove " + ServiceLayout.SYSTEM.configDir() + ", "
                        + ServiceLayout.SYSTEM.dir() + " and " + ServiceLayout.SYSTEM.logDir()
                        + " yourself once the log is archived."));
    }

    /** The {@code *.1} pages in {@code folder}, by name; none when it is missing. */
    private static List<Path> manPages(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".1") && Files.isRegularFile(f,
                    LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        } catch (IOException missing) {
            return List.of();
        }
    }

    /** {@code /usr/local/bin/clawguard}: root's PATH reaches the installed launcher. */
    static String commandScript() {
        return "#!/bin/sh\nexec " + ServiceLayout.LAUNCHER + " \"$@\"\n";
    }

    static String unitText() {
        try (InputStream in = ServicePlan.class.getResourceAsStream(UNIT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the jar holds no " + UNIT_RESOURCE + "; rebuild it");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> installNextSteps(Install request) {
        String admin = request.adminUsers().isEmpty() ? "root" : String.join(" or ", request.adminUsers());
        return List.of(
                "Then, as root:",
                "  systemctl daemon-reload",
                "  systemctl enable --now clawguard-broker",
                "  (an upgrade of a running broker: systemctl restart clawguard-broker)",
                "  " + ServiceLayout.LAUNCHER + " exec --version   (builds the exec client's class-data archive once;"
                        + " the agent cannot write it)",
                "Put the sudo shim first on PATH in " + request.agentUser() + "'s own environment (its service unit"
                        + " or profile):",
                "  PATH=" + ServiceLayout.SHIM_DIR + ":$PATH",
                "As an admin (" + admin + "), attach a console:",
                "  clawguard console --system");
    }
}

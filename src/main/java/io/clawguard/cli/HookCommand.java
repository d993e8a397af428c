package io.clawguard.cli;

import io.clawguard.hook.SudoShim;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code clawguard hook install|uninstall}: the sudo shim that routes the agent's sudo through exec. */
@Command(name = "hook", mixinStandardHelpOptions = true,
        description = "Install or remove the sudo shim in the state folder's bin (~/.openclaw/security/bin).",
        subcommands = {HookCommand.Install.class, HookCommand.Uninstall.class})
final class HookCommand {

    @Command(name = "install", mixinStandardHelpOptions = true,
            description = "Write bin/sudo in the state folder, which sends sudo CMD through clawguard exec; put that"
                    + " folder first on the agent's PATH.")
    static final class Install implements Callable<Integer> {
        @Mixin
        HomeOption home;

        @Option(names = "--launcher", paramLabel = "PATH",
                description = "The clawguard launcher the shim calls (default: the one running now).")
        Path launcher;

        @Override
        public Integer call() throws IOException {
            if (home.stateHome().system()) {
                return systemShimBelongsToTheService("install");
            }
            SudoShim shim = new SudoShim(home.stateHome().shimDir());
            shim.install(launcherCommand(launcher), home.stateHome().dir());
            System.out.println("installed " + shim.path());
            System.out.println("Put " + shim.path().getParent() + " first on the agent's PATH, e.g. in its environment:");
            System.out.println("  export PATH=\"" + shim.path().getParent() + ":$PATH\"");
            return 0;
        }
    }

    @Command(name = "uninstall", mixinStandardHelpOptions = true, description = "Remove the sudo shim.")
    static final class Uninstall implements Callable<Integer> {
        @Mixin
        HomeOption home;

        @Override
        public Integer call() throws IOException {
            if (home.stateHome().system()) {
                return systemShimBelongsToTheService("uninstall");
            }
            SudoShim shim = new SudoShim(home.stateHome().shimDir());
            System.out.println(shim.uninstall() ? "removed " + shim.path() : "no shim at " + shim.path());
            return 0;
        }
    }

    /** The system layout has no bin of its own in a state folder: its shim is root's, in a folder only the service install writes. */
    private static int systemShimBelongsToTheService(String action) {
        System.err.println("clawguard hook " + action + ": with --system the sudo shim (" + SudoShim.SYSTEM_DIR
                + "/sudo) is part of the service; run clawguard service " + action);
        return 2;
    }

    /** The launcher script sets {@code clawguard.launcher}; run from the bare jar, call java on it. */
    static List<String> launcherCommand(Path explicit) {
        if (explicit != null) {
            return List.of(explicit.toAbsolutePath().toString());
        }
        String fromLauncher = System.getProperty("clawguard.launcher");
        if (fromLauncher != null) {
            return List.of(fromLauncher);
        }
        String jar = Path.of(HookCommand.class.getProtectionDomain().getCodeSource().getLocation().getPath())
                .toAbsolutePath().toString();
        String java = ProcessHandle.current().info().command().orElse("java");
        return List.of(java, "-jar", jar);
    }
}

package io.clawguard.compliance;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * A check that judges OpenClaw's {@code openclaw.json}. The file's own state is decided here, once
 * for all of them: missing is not assessed, unreadable says root would read it, unparsable (or a
 * setting OpenClaw would reject) is an error scored 0, since the setting in force is unknown.
 */
final class OpenClawConfigCheck {
    private OpenClawConfigCheck() {
    }

    static Check of(String id, BiFunction<Signals, OpenClawSettings, CheckResult.Draft> body) {
        return Check.of(id, s -> {
            OpenClawSettings oc = s.openclaw();
            Optional<CheckResult.Draft> elsewhere = runningElsewhere(s, oc);
            if (elsewhere.isPresent()) {
                return elsewhere.get();
            }
            return oc.unusable().orElseGet(() -> {
                try {
                    return body.apply(s, oc);
                } catch (OpenClawSettings.BadSetting e) {
                    return CheckResult.error(oc.file().toString(), e.getMessage(), "Set " + e.field() + " in " + oc.file() + " to a value OpenClaw accepts"
                            + " (openclaw doctor validates it), then assess again.");
                }
            });
        });
    }

    /**
     * An OpenClaw process whose environment points it at another openclaw.json: the agent can restart
     * its gateway on a config of its own and leave the assessed one tidy, so this file says nothing
     * of the settings in force (an error, scored 0, until the right one is assessed).
     */
    private static Optional<CheckResult.Draft> runningElsewhere(Signals s, OpenClawSettings oc) {
        Path assessed = oc.file().toAbsolutePath().normalize();
        for (AgentProcess p : s.agents().processes()) {
            // A config file it names must be this one; a state folder, this one's folder (OpenClaw picks the file there).
            boolean file = p.configPath() != null;
            String named = file ? p.configPath() : p.stateDir();
            if (named != null && !same(named, file ? assessed : assessed.getParent())) {
                return Optional.of(new CheckResult.Draft(Status.ERROR, "OpenClaw runs on another config than "
                        + oc.file(), p.where() + " (" + p.commandLine() + ") reads " + (file ? "" : "the state folder ")
                        + Evidence.text(named) + " (named in its environment); " + oc.file() + " was assessed",
                        "the settings in force are not the ones assessed", "Assess the config OpenClaw runs on"
                        + " (clawguard assess --openclaw-dir with its folder), or restart OpenClaw on " + oc.file() + "."));
            }
        }
        return Optional.empty();
    }

    private static boolean same(String file, Path assessed) {
        try {
            return Path.of(file).isAbsolute() && Path.of(file).normalize().equals(assessed);
        } catch (InvalidPathException e) {
            return false;
        }
    }
}

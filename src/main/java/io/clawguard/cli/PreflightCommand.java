package io.clawguard.cli;

import io.clawguard.approval.ExecEnvironment;
import io.clawguard.files.ProcessIdentity;
import io.clawguard.json.JsonValues;
import io.clawguard.policy.CommandValidator;
import io.clawguard.preflight.Preflight;
import io.clawguard.preflight.PreflightCheck;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code clawguard preflight}: is this host ready for guarded privileged execution? Exit 1 on a failure. */
@Command(name = "preflight", mixinStandardHelpOptions = true,
        description = {"Check the state folder, policy files, audit chain, sudo binary and shim; exit 1 on a failure."})
final class PreflightCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @Option(names = "--json", description = "Print the checks as JSON.")
    boolean json;

    @Override
    public Integer call() {
        ExecEnvironment env = ExecEnvironment.from(System.getenv());
        List<PreflightCheck> checks = new Preflight(home.stateHome(), ProcessIdentity.uid(), env.realSudo(),
                System.getenv("PATH"), CommandValidator.onThisHost()).run();
        boolean failed = checks.stream().anyMatch(c -> c.status() == PreflightCheck.Status.FAIL);
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ok", !failed);
            m.put("checks", checks.stream().map(PreflightCheck::toJson).toList());
            System.out.println(JsonValues.pretty(m));
        } else {
            for (PreflightCheck c : checks) {
                System.out.printf("%-5s %-17s %s%n", c.status().name().toLowerCase(Locale.ROOT), c.name(), c.detail());
            }
        }
        return failed ? 1 : 0;
    }
}

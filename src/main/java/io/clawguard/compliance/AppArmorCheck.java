package io.clawguard.compliance;

import static io.clawguard.compliance.CheckResult.compliant;
import static io.clawguard.compliance.CheckResult.error;
import static io.clawguard.compliance.CheckResult.notAssessed;
import static io.clawguard.compliance.CheckResult.partial;
import static io.clawguard.compliance.CheckResult.violation;

import io.clawguard.json.InvalidJsonFileException;
import io.clawguard.json.JsonObject;
import io.clawguard.json.JsonValues;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * apparmor_enforcing: the kernel has AppArmor on and its loaded profiles enforce. A profile in
 * complain mode only logs, so it makes the control partial. A profile in "unconfined" mode
 * (Ubuntu ships many, to gate unprivileged user namespaces) confines nothing by design: it is
 * counted in the evidence, not against the control.
 */
final class AppArmorCheck {
    private static final String ENABLED = "/sys/module/apparmor/parameters/enabled";
    private static final String PROFILES = "/sys/kernel/security/apparmor/profiles";
    private static final Pattern LINE = Pattern.compile("(.+) \\(([a-z]+)\\)");
    private static final String FIX = "Turn AppArmor on: add apparmor=1 security=apparmor to GRUB_CMDLINE_LINUX in"
            + " /etc/default/grub, update-grub and reboot; apt-get install apparmor apparmor-profiles;"
            + " systemctl enable --now apparmor.";
    private static final String ENFORCE = "Put each profile named into enforce mode: aa-enforce /etc/apparmor.d/<profile>"
            + " (after reading its complaints in the audit log: aa-logprof).";

    private AppArmorCheck() {
    }

    private record Profiles(Map<String, String> modes, String source, String problem) {
    }

    static CheckResult.Draft evaluate(Signals s) throws IOException {
        Optional<String> enabled = HostFile.read(s.host(), ENABLED);
        if (enabled.isEmpty()) {
            return violation("AppArmor is not in this kernel", ENABLED + " does not exist",
                    "a compromised service is held back by nothing but file permissions", FIX);
        }
        if (!enabled.get().strip().equals("Y")) {
            return violation("AppArmor is disabled", ENABLED + ": " + Evidence.text(enabled.get().strip()),
                    "a compromised service is held back by nothing but file permissions", FIX);
        }
        Optional<Profiles> read = profiles(s.host());
        if (read.isEmpty()) {
            return notAssessed("AppArmor is on, but its profiles cannot be listed", ENABLED + ": Y; no " + PROFILES
                    + " (securityfs not mounted), and aa-status --json missing or refused");
        }
        Profiles p = read.get();
        if (p.problem() != null) {
            return error(p.source(), p.problem(), "Check the AppArmor userspace (apt-get install --reinstall apparmor)"
                    + " and that securityfs is mounted at /sys/kernel/security.");
        }
        List<String> complain = p.modes().entrySet().stream().filter(e -> !e.getValue().equals("enforce")
                && !e.getValue().equals("kill") && !e.getValue().equals("unconfined")).map(Map.Entry::getKey).toList();
        long enforcing = p.modes().size() - complain.size()
                - p.modes().values().stream().filter("unconfined"::equals).count();
        String evidence = ENABLED + ": Y; " + p.source() + ": " + enforcing + " enforcing, " + complain.size()
                + " complain, " + (p.modes().size() - enforcing - complain.size()) + " unconfined by design"
                + (complain.isEmpty() ? "" : " (" + Evidence.text(String.join(", ",
                complain.subList(0, Math.min(10, complain.size())))) + (complain.size() > 10 ? ", …" : "") + ")");
        if (p.modes().isEmpty()) {
            return partial("AppArmor is on, but no profile is loaded", evidence, "nothing is confined",
                    "apt-get install apparmor-profiles apparmor-profiles-extra; systemctl reload apparmor.");
        }
        return complain.isEmpty() ? compliant("AppArmor is on and every profile enforces", evidence)
                : partial(complain.size() + " AppArmor profile(s) only complain", evidence,
                "what they would block is only logged", ENFORCE);
    }

    /** The loaded profiles from securityfs (root-only), else aa-status --json; empty when neither exists. */
    private static Optional<Profiles> profiles(HostFacts host) throws IOException {
        Optional<String> text;
        try {
            text = HostFile.read(host, PROFILES);
        } catch (AccessDeniedException e) {
            return Optional.of(aaStatus(host).orElseThrow(() -> e));
        }
        if (text.isEmpty()) {
            return aaStatus(host);
        }
        Map<String, String> modes = new TreeMap<>();
        for (String line : text.get().split("\n")) {
            Matcher m = LINE.matcher(line);
            if (m.matches()) {
                modes.put(m.group(1), m.group(2));
            } else if (!line.isBlank()) {
                return Optional.of(new Profiles(modes, PROFILES, "a line is not \"name (mode)\": "
                        + Evidence.text(line.length() > 80 ? line.substring(0, 80) + "…" : line)));
            }
        }
        return Optional.of(new Profiles(modes, PROFILES, null));
    }

    /** aa-status --json's "profiles" object (name to mode); empty when aa-status is missing or refuses. */
    private static Optional<Profiles> aaStatus(HostFacts host) {
        Optional<HostFacts.ToolOutput> out = host.run(List.of("aa-status", "--json"));
        if (out.isEmpty() || out.get().exitCode() != 0) {
            return Optional.empty();
        }
        Map<String, String> modes = new TreeMap<>();
        try {
            JsonObject doc = JsonObject.of("aa-status --json", JsonValues.parse(out.get().stdout()));
            for (Map.Entry<String, Object> e : doc.optObject("profiles").map(JsonObject::fields).orElse(Map.of())
                    .entrySet()) {
                modes.put(e.getKey(), String.valueOf(e.getValue()));
            }
            return Optional.of(new Profiles(modes, "aa-status --json", null));
        } catch (IOException | InvalidJsonFileException e) {
            return Optional.of(new Profiles(modes, "aa-status --json", String.valueOf(e.getMessage())));
        }
    }
}

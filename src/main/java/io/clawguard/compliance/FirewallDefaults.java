package io.clawguard.compliance;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which directions the host's packet filter drops by default, per IP family, from every tool
 * that answers: {@code nft list ruleset} (a base chain on the input or output hook with policy
 * drop or an unconditional final drop/reject: a drop in any base chain of a hook is final),
 * {@code iptables -S} and {@code ip6tables -S} ({@code -P INPUT DROP}, or a last bare
 * {@code -A INPUT -j DROP}) and {@code ufw status verbose}. A tool that refuses is remembered:
 * what it would have shown is unknown.
 */
final class FirewallDefaults {
    enum Direction { INBOUND, OUTBOUND }

    enum Family { IPV4, IPV6 }

    private static final Pattern POLICY = Pattern.compile("\\bhook (input|output)\\b.*\\bpolicy (\\w+)\\s*;");
    private static final Pattern HOOK = Pattern.compile("\\bhook (input|output)\\b");
    private static final Pattern FINAL_DENY = Pattern.compile(
            "(counter( packets \\d+ bytes \\d+)? )?(drop|reject( with .+)?)");
    private static final Pattern UFW = Pattern.compile("Default: (\\w+) \\(incoming\\), (\\w+) \\(outgoing\\)");

    private final Map<Direction, Set<Family>> denied = new EnumMap<>(Direction.class);
    private final List<String> seen = new ArrayList<>();
    private final List<String> refused = new ArrayList<>();
    private boolean anyTool;

    private FirewallDefaults() {
        for (Direction d : Direction.values()) {
            denied.put(d, EnumSet.noneOf(Family.class));
        }
    }

    static FirewallDefaults read(HostFacts host) {
        FirewallDefaults f = new FirewallDefaults();
        f.ask(host, List.of("nft", "list", "ruleset")).ifPresent(f::nft);
        f.ask(host, List.of("iptables", "-S")).ifPresent(out -> f.iptables(out, Family.IPV4, "iptables -S"));
        f.ask(host, List.of("ip6tables", "-S")).ifPresent(out -> f.iptables(out, Family.IPV6, "ip6tables -S"));
        f.ask(host, List.of("ufw", "status", "verbose")).ifPresent(f::ufw);
        return f;
    }

    /** True when {@code direction} is dropped by default for every family in {@code families}. */
    boolean denies(Direction direction, Set<Family> families) {
        return denied.get(direction).containsAll(families);
    }

    boolean anyTool() {
        return anyTool;
    }

    List<String> refused() {
        return refused;
    }

    /** What each tool showed, as evidence: chain names and rules are the ruleset's, shown as data. */
    String evidence() {
        List<String> all = new ArrayList<>(seen);
        all.addAll(refused);
        return all.isEmpty() ? "no default-deny chain, policy or ufw default found"
                : Evidence.text(String.join("; ", all));
    }

    private Optional<String> ask(HostFacts host, List<String> argv) {
        Optional<HostFacts.ToolOutput> out = host.run(argv);
        anyTool |= out.isPresent();
        if (out.isPresent() && out.get().exitCode() != 0) {
            String why = out.get().stderr().strip();
            refused.add(String.join(" ", argv) + " exited " + out.get().exitCode()
                    + (why.isEmpty() ? "" : ": " + why.lines().findFirst().orElse("")));
            return Optional.empty();
        }
        return out.map(HostFacts.ToolOutput::stdout);
    }

    private void nft(String ruleset) {
        Set<Family> families = Set.of();
        String chain = null;
        String hook = null;
        String policy = null;
        String last = null;
        int depth = 0;
        for (String line : ruleset.split("\n")) {
            String t = line.strip();
            if (chain == null && t.startsWith("table ")) {
                families = nftFamilies(t.split("\\s+")[1]);
            } else if (chain == null && t.startsWith("chain ") && t.endsWith("{")) {
                chain = t.substring(6, t.length() - 1).strip();
                hook = null;
                policy = null;
                last = null;
                depth = 1;
            } else if (chain != null) {
                depth += count(t, '{') - count(t, '}');
                if (depth <= 0) {
                    if (hook != null && ("drop".equals(policy) || last != null && FINAL_DENY.matcher(last).matches())) {
                        Direction d = hook.equals("input") ? Direction.INBOUND : Direction.OUTBOUND;
                        denied.get(d).addAll(families);
                        seen.add("nft chain " + chain + " (hook " + hook
                                + ") " + ("drop".equals(policy) ? "policy drop" : "ends with " + last));
                    }
                    chain = null;
                } else if (HOOK.matcher(t).find()) {
                    Matcher hm = HOOK.matcher(t);
                    hook = hm.find() ? hm.group(1) : null;
                    Matcher pm = POLICY.matcher(t);
                    policy = pm.find() ? pm.group(2) : "accept";
                } else if (!t.isEmpty() && !t.startsWith("#")) {
                    last = t;
                }
            }
        }
    }

    /** inet tables filter both families; ip and ip6 one each; arp, bridge and netdev no host traffic. */
    private static Set<Family> nftFamilies(String family) {
        return switch (family) {
            case "inet" -> EnumSet.allOf(Family.class);
            case "ip" -> EnumSet.of(Family.IPV4);
            case "ip6" -> EnumSet.of(Family.IPV6);
            default -> Set.of();
        };
    }

    private void iptables(String rules, Family family, String tool) {
        for (Direction d : Direction.values()) {
            String chain = d == Direction.INBOUND ? "INPUT" : "OUTPUT";
            String last = null;
            boolean policyDrop = false;
            for (String line : rules.split("\n")) {
                String t = line.strip();
                policyDrop |= t.equals("-P " + chain + " DROP");
                last = t.startsWith("-A " + chain + " ") ? t : last;
            }
            boolean finalDeny = last != null && last.matches("-A " + chain + " -j (DROP|REJECT( --reject-with \\S+)?)");
            if (policyDrop || finalDeny) {
                denied.get(d).add(family);
                seen.add(tool + ": " + (policyDrop ? "-P " + chain + " DROP" : last));
            }
        }
    }

    private void ufw(String status) {
        Matcher m = UFW.matcher(status);
        if (!status.contains("Status: active") || !m.find()) {
            return;
        }
        seen.add("ufw status verbose: " + m.group());
        for (Direction d : Direction.values()) {
            String policy = m.group(d == Direction.INBOUND ? 1 : 2);
            if (policy.equals("deny") || policy.equals("reject")) {
                denied.get(d).addAll(EnumSet.allOf(Family.class));
            }
        }
    }

    private static int count(String s, char c) {
        return (int) s.chars().filter(x -> x == c).count();
    }
}

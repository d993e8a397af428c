package io.clawguard.compliance;

import static io.clawguard.compliance.CheckResult.compliant;
import static io.clawguard.compliance.CheckResult.notAssessed;
import static io.clawguard.compliance.CheckResult.partial;
import static io.clawguard.compliance.CheckResult.violation;

import io.clawguard.compliance.FirewallDefaults.Direction;
import io.clawguard.compliance.FirewallDefaults.Family;
import java.io.IOException;
import java.nio.file.Files;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * host_firewall_default_deny: inbound and outbound traffic dropped unless allowed, for every IP
 * family the host speaks (IPv6 counts unless the kernel has it off). Dropping inbound only is
 * partial: the agent's egress, where a prompt-injected exfiltration goes, stays open.
 */
final class FirewallCheck {
    private static final String FIX = "Give the filter default-drop policies, allowing what is needed first: in"
            + " /etc/nftables.conf, table inet filter { chain input { type filter hook input priority 0; policy drop;"
            + " ct state established,related accept; iif lo accept; tcp dport 22 accept } chain output { type filter"
            + " hook output priority 0; policy drop; ct state established,related accept; oif lo accept; (the"
            + " destinations of egress_allowlist.json) accept } }, then systemctl enable --now nftables"
            + " (or ufw default deny incoming; ufw default deny outgoing; ufw enable).";

    private FirewallCheck() {
    }

    static CheckResult.Draft evaluate(Signals s) {
        FirewallDefaults f = FirewallDefaults.read(s.host());
        Set<Family> families = ipv6Off(s.host()) ? EnumSet.of(Family.IPV4) : EnumSet.allOf(Family.class);
        String evidence = f.evidence() + "; families judged: " + families;
        boolean in = f.denies(Direction.INBOUND, families);
        boolean out = f.denies(Direction.OUTBOUND, families);
        if (in && out) {
            return compliant("the host firewall drops inbound and outbound traffic by default", evidence);
        }
        if (!f.refused().isEmpty()) {
            // A refusing tool may hold the very chains not seen: unknown, not a violation.
            return s.host().assessingAsRoot()
                    ? notAssessed("a firewall tool failed, so the default policy is unknown", evidence)
                    : notAssessed("the firewall tools need root to list rules (running as root would assess this)",
                    evidence);
        }
        if (!f.anyTool()) {
            return violation("no packet filter tool is installed (nft, iptables, ip6tables, ufw)",
                    "none of them in /usr/sbin, /usr/bin, /sbin or /bin", "every port and destination is open",
                    "apt-get install nftables, then: " + FIX);
        }
        if (in) {
            return partial("inbound traffic is dropped by default, outbound is open", evidence,
                    "egress is open: anything on the host may reach any destination", FIX);
        }
        return violation("no default-deny firewall" + (out ? " for inbound traffic" : ""), evidence,
                "inbound traffic reaches every listening port unless each service refuses it", FIX);
    }

    /** True when the kernel has IPv6 off (no IPv6 traffic to filter). */
    private static boolean ipv6Off(HostFacts host) {
        if (!Files.isDirectory(host.path("/proc/sys/net/ipv6"))) {
            return true;
        }
        try {
            Optional<String> all = HostFile.read(host, "/proc/sys/net/ipv6/conf/all/disable_ipv6");
            return all.map(String::strip).filter("1"::equals).isPresent();
        } catch (IOException e) {
            return false;
        }
    }
}

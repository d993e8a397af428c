package io.clawguard.compliance;

import java.util.Map;
import java.util.Optional;

/**
 * Daemons that speak a cleartext protocol whatever port they are moved to, by process name (the
 * kernel's 15-character comm, or the program's file name). A Java table, not a reference file:
 * it is short, changes only with a release, and is not a site's to tune (an allowed service is
 * approved in approved_ports.json, not by renaming it here).
 */
final class CleartextDaemons {
    private static final Map<String, String> PROTOCOLS = Map.ofEntries(
            Map.entry("vsftpd", "FTP"), Map.entry("proftpd", "FTP"), Map.entry("pure-ftpd", "FTP"),
            Map.entry("in.ftpd", "FTP"), Map.entry("ftpd", "FTP"),
            Map.entry("in.telnetd", "Telnet"), Map.entry("telnetd", "Telnet"),
            Map.entry("in.rshd", "rsh"), Map.entry("rshd", "rsh"),
            Map.entry("in.rlogind", "rlogin"), Map.entry("rlogind", "rlogin"),
            Map.entry("in.rexecd", "rexec"), Map.entry("rexecd", "rexec"),
            Map.entry("in.tftpd", "TFTP"), Map.entry("tftpd", "TFTP"), Map.entry("atftpd", "TFTP"),
            Map.entry("in.fingerd", "finger"), Map.entry("fingerd", "finger"));

    private CleartextDaemons() {
    }

    /** The protocol {@code process} speaks in cleartext; empty for any other name. */
    static Optional<String> protocol(String process) {
        if (process == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(PROTOCOLS.get(process.substring(process.lastIndexOf('/') + 1)));
    }
}

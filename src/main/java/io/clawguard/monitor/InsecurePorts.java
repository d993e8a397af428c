package io.clawguard.monitor;

import java.util.List;
import java.util.Optional;

/** Cleartext legacy services and the secure alternative to move each to. */
public final class InsecurePorts {
    /** One insecure service. */
    public record Service(int port, Protocol protocol, String name, String alternative) {
    }

    private static final List<Service> SERVICES = List.of(
            new Service(20, Protocol.TCP, "FTP data", "SFTP (over SSH) or FTPS"),
            new Service(21, Protocol.TCP, "FTP", "SFTP (over SSH) or FTPS"),
            new Service(23, Protocol.TCP, "Telnet", "SSH"),
            new Service(69, Protocol.UDP, "TFTP", "SFTP or HTTPS downloads"),
            new Service(80, Protocol.TCP, "HTTP", "HTTPS (443), keeping 80 at most to redirect to it"),
            new Service(110, Protocol.TCP, "POP3", "POP3S (995)"),
            new Service(143, Protocol.TCP, "IMAP", "IMAPS (993)"),
            new Service(161, Protocol.UDP, "SNMP v1/v2c", "SNMPv3 with authPriv"),
            new Service(389, Protocol.TCP, "LDAP", "LDAPS (636) or StartTLS with required TLS"),
            new Service(389, Protocol.UDP, "CLDAP", "LDAPS (636)"),
            new Service(512, Protocol.TCP, "rexec", "SSH"),
            new Service(513, Protocol.TCP, "rlogin", "SSH"),
            new Service(514, Protocol.TCP, "rsh", "SSH"),
            new Service(514, Protocol.UDP, "syslog over UDP", "syslog over TLS (6514)"));

    private InsecurePorts() {
    }

    public static Optional<Service> of(int port, Protocol protocol) {
        return SERVICES.stream().filter(s -> s.port() == port && s.protocol() == protocol).findFirst();
    }
}

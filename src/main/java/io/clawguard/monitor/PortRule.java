package io.clawguard.monitor;

/**
 * One approved listener of {@code approved_ports.json}: port and protocol, and where given,
 * the program ({@code command}) and bind address ({@code host}) it must have; {@code comment}
 * is the admin's justification. A program is matched by name only where the name can be trusted
 * (a system program, or one root runs): any process can call itself {@code sshd}.
 */
public record PortRule(int port, Protocol protocol, String command, String host, String comment) {

    public boolean matches(ListeningSocket s) {
        return port == s.port() && protocol == s.protocol()
                && (command == null || s.systemProgram() && command.equals(s.process()))
                && (host == null || Addresses.literal(host).map(a -> a.equals(Addresses.unmapped(s.bind())))
                        .orElse(host.equals(Addresses.text(s.bind()))));
    }

    public boolean justified() {
        return comment != null && !comment.isBlank();
    }
}

package io.clawguard.service;

/** Why the install or uninstall cannot go ahead, in one line that names the file, user or option. */
public final class ServiceException extends Exception {
    private static final long serialVersionUID = 1L;

    public ServiceException(String message) {
        super(message);
    }
}

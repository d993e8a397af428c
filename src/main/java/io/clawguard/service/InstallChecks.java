package io.clawguard.service;

import java.nio.file.Files;
import java.util.List;
import java.util.OptionalInt;

/** The checks that refuse an install before anything changes: who is who, and what there is to copy. */
final class InstallChecks {
    private InstallChecks() {
    }

    /** The agent must be a real user other than root; each admin a real user other than the agent. */
    static void users(String agentUser, List<String> adminUsers, Accounts accounts) throws ServiceException {
        OptionalInt agentUid = accounts.uid(agentUser);
        if (agentUid.isEmpty()) {
            throw new ServiceException("--agent-user " + agentUser + ": no such user in " + Accounts.PASSWD
                    + "; create the agent's user first");
        }
        if (agentUid.getAsInt() == 0) {
            throw new ServiceException("--agent-user " + agentUser + " is root: the agent must be a user without"
                    + " root rights");
        }
        for (String admin : adminUsers) {
            OptionalInt uid = accounts.uid(admin);
            if (uid.isEmpty()) {
                throw new ServiceException("--admin-user " + admin + ": no such user in " + Accounts.PASSWD);
            }
            if (uid.getAsInt() == agentUid.getAsInt()) {
                throw new ServiceException("--admin-user " + admin + " is the agent's user: the agent must never"
                        + " approve");
            }
        }
    }

    /** Every file to copy is there: the launcher, and the jars a build puts beside it. */
    static void copiesHaveSources(List<ServiceStep> steps) throws ServiceException {
        for (ServiceStep step : steps) {
            if (step instanceof ServiceStep.CopyFile copy && !Files.isRegularFile(copy.from())) {
                throw new ServiceException(copy.from() + " not found: build the program first (./clawguard --version"
                        + " builds its jars)");
            }
        }
    }
}

package io.clawguard.service;

import io.clawguard.json.InvalidJsonFileException;
import io.clawguard.json.JsonValues;
import io.clawguard.policy.GuardConfig;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code clawguard.json} of the separated install: who the agent is and who the admins are,
 * and nothing that loosens a control. An admin's existing file is never overwritten.
 */
final class AccessConfig {
    private AccessConfig() {
    }

    static String json(String agentUser, List<String> adminUsers) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("agent_users", List.of(agentUser));
        doc.put("admin_users", adminUsers);
        return JsonValues.pretty(doc) + "\n";
    }

    /**
     * Writes the file where there is none; keeps one that already names the agent and every
     * admin; refuses one that does not, or that the broker could not use, rather than lose its settings.
     */
    static ServiceStep step(Path file, String agentUser, List<String> adminUsers) throws ServiceException {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return new ServiceStep.WriteFile(file, "0644", json(agentUser, adminUsers),
                    "agent_users " + List.of(agentUser) + ", admin_users " + adminUsers);
        }
        GuardConfig existing;
        try {
            existing = GuardConfig.load(file, 0);
        } catch (InvalidJsonFileException e) {
            throw new ServiceException(e.getMessage() + "; fix it or move it away, then install again");
        }
        if (existing.agentUsers().contains(agentUser) && existing.adminUsers().containsAll(adminUsers)) {
            return new ServiceStep.Keep(file, "already names agent " + agentUser
                    + (adminUsers.isEmpty() ? "" : " and admins " + adminUsers));
        }
        throw new ServiceException(file + " exists and names agent_users " + existing.agentUsers() + ", admin_users "
                + existing.adminUsers() + ", not agent " + agentUser + " and admins " + adminUsers
                + "; it is not overwritten: add them to it, or move it away, then install again");
    }
}

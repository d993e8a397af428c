package io.clawguard.testing;

import io.clawguard.approval.ApprovalDecision;
import io.clawguard.attach.SocketAdminLink;
import io.clawguard.bus.ApprovalRequested;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * An admin at another console, in a process of its own: attaches to {@code SOCKET}, approves
 * the first pending request whose program ends with {@code PROGRAM}, prints the broker's answer.
 */
public final class AdminApprover {
    private AdminApprover() {
    }

    public static void main(String[] args) throws Exception {
        CompletableFuture<ApprovalRequested> seen = new CompletableFuture<>();
        try (SocketAdminLink link = SocketAdminLink.connect(Path.of(args[0]))) {
            link.attach(e -> {
                if (e instanceof ApprovalRequested r && r.argv().get(0).endsWith(args[1])) {
                    seen.complete(r);
                }
            }, () -> seen.completeExceptionally(new IllegalStateException("the broker went away")));
            ApprovalRequested r = seen.get(60, TimeUnit.SECONDS);
            System.out.println(link.decide(r.requestId(), ApprovalDecision.approved(false), null).get(30, TimeUnit.SECONDS));
        } catch (Exception e) {
            System.out.println("failed: " + e.getMessage());
        }
    }
}

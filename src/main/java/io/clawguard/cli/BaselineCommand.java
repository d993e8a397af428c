package io.clawguard.cli;

import io.clawguard.audit.AuditAction;
import io.clawguard.audit.AuditFields;
import io.clawguard.files.StateHome;
import io.clawguard.json.InvalidJsonFileException;
import io.clawguard.monitor.BaselineItem;
import io.clawguard.monitor.BaselineKind;
import io.clawguard.monitor.BaselineProposal;
import io.clawguard.monitor.BaselineReview;
import io.clawguard.monitor.BaselineStore;
import io.clawguard.monitor.LinuxSocketCollector;
import io.clawguard.monitor.OwnerLookup;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code clawguard baseline generate|review}: the approved ports (or egress) baseline, reviewed before it is saved. */
@Command(name = "baseline", mixinStandardHelpOptions = true,
        description = "Propose a baseline from what runs now and review it rule by rule before it is saved.",
        subcommands = {BaselineCommand.Generate.class, BaselineCommand.Review.class})
final class BaselineCommand {

    /** What generate and review share: the rule file, the proposal, the review and the save. */
    abstract static class Reviewing implements Callable<Integer> {
        @Mixin
        HomeOption home;

        @Option(names = "--egress", description = "The egress allow-list instead of the approved ports.")
        boolean egress;

        BaselineKind kind() {
            return egress ? BaselineKind.EGRESS : BaselineKind.PORTS;
        }

        int review(StateHome h) throws IOException {
            LogFiles.toFile(h.logFile());
            Clock clock = Clock.systemUTC();
            List<BaselineItem> proposed;
            try {
                proposed = BaselineProposal.of(kind(), kind().file(h), LinuxSocketCollector.oneShot(clock, EnumSet.allOf(OwnerLookup.class)).collect());
            } catch (InvalidJsonFileException e) {
                throw CommandFailure.brokenConfig(e);
            }
            BaselineReview review = new BaselineReview(kind(), proposed);
            if (System.console() == null) {
                System.out.println("Proposed " + kind().fileName() + " (" + proposed.size() + " rules):");
                proposed.forEach(i -> System.out.println("  " + i.display() + "    # from " + i.origin()));
                System.out.println("Nothing written: a baseline is saved only after review. Run this in a terminal,"
                        + " or press b in the console.");
                return 0;
            }
            boolean confirmed;
            try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
                confirmed = LineReview.run(terminal, review);
            }
            if (!confirmed) {
                System.out.println("nothing written");
                return 1;
            }
            BaselineStore.Change change = BaselineStore.save(kind().file(h), review.items(), clock.instant());
            AuditWriter.of(h, clock).append(AuditAction.BASELINE_SAVED, AuditFields.copyOf(change.auditFields()));
            System.out.println("wrote " + change.file() + " (+" + change.added().size() + " -" + change.removed().size()
                    + (change.backup() == null ? "" : ", previous kept as " + change.backup().getFileName()) + ")");
            return 0;
        }
    }

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = "Propose rules from the listeners (or, with --egress, outbound connections) running now;"
                    + " in a terminal, review them and save.")
    static final class Generate extends Reviewing {
        @Override
        public Integer call() throws IOException {
            StateHome h = home.stateHome();
            if (Files.exists(kind().file(h))) {
                System.err.println("clawguard baseline: " + kind().file(h) + " exists; prune it with clawguard baseline"
                        + " review" + (egress ? " --egress" : ""));
                return 1;
            }
            return review(h);
        }
    }

    @Command(name = "review", mixinStandardHelpOptions = true,
            description = "Review the existing rules one by one (rules nothing uses now are marked), or a proposal"
                    + " when there is no file yet.")
    static final class Review extends Reviewing {
        @Override
        public Integer call() throws IOException {
            return review(home.stateHome());
        }
    }
}

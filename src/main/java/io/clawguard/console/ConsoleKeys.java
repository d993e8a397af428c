package io.clawguard.console;

import com.googlecode.lanterna.gui2.WindowBasedTextGUI;
import com.googlecode.lanterna.gui2.dialogs.ActionListDialogBuilder;
import com.googlecode.lanterna.input.KeyType;
import io.clawguard.approval.ApprovalDecision;
import io.clawguard.text.VisibleText;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The main view's keys and what each does. Approvals go through the same steps whichever
 * key starts them: the untrusted-source confirmation, then the second factor, then the
 * decision for exactly the request id that was selected on screen.
 */
final class ConsoleKeys {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    private final WindowBasedTextGUI gui;
    private final ConsoleModel model;
    private final ConsoleActions actions;
    private final ConsoleView view;
    private final Runnable redraw;
    private ConsoleTheme theme;

    ConsoleKeys(WindowBasedTextGUI gui, ConsoleModel model, ConsoleActions actions, ConsoleView view, ConsoleTheme theme) {
        this.gui = gui;
        this.model = model;
        this.actions = actions;
        this.view = view;
        this.redraw = view::invalidate;
        this.theme = theme;
    }

    /**
     * The keys in force now, k9s style: the focused pane's own, then the global ones. A key acts
     * only where it is shown; the status bar and the help are made from the same list.
     */
    Keymap inForce() {
        if (ConsoleLayout.tooSmall(gui.getScreen().getTerminalSize())) {
            // Nothing can be read, so nothing can be decided: only quitting.
            return new Keymap(List.of(quitKey()));
        }
        Optional<NetworkPane> typing = model.focusedNetworkPane().filter(NetworkPane::editing);
        if (typing.isPresent()) {
            return FilterKeys.of(typing.get(), redraw);
        }
        List<KeyBinding> keys = new ArrayList<>(paneKeys(model.focus()));
        if (model.hosts().map(h -> h.hosts().size() > 1).orElse(false)) {
            keys.add(KeyBinding.character('h', "host", "show the next host's elevation, ports, egress, scorecard and"
                    + " audit (approvals show every host)", false, actions::showNextHost));
        }
        keys.addAll(globalKeys());
        return new Keymap(keys);
    }

    private List<KeyBinding> paneKeys(ConsoleModel.Focus focus) {
        return switch (focus) {
            case PENDING -> List.of(
                    KeyBinding.character('a', "approve", "approve the selected request once (elevation dropped after"
                            + " the command)", true, () -> approve(false)),
                    KeyBinding.character('A', "keep", "approve the selected request and keep it for this task session"
                            + " (idle expiry applies)", true, () -> approve(true)),
                    KeyBinding.character('d', "deny", "deny the selected request, with an optional reason the requester"
                            + " is shown", false, this::deny),
                    KeyBinding.special(KeyType.Enter, "⏎", "detail", "the whole request: every argv element, binary,"
                            + " cwd, who it runs as, session, requester", this::detail),
                    arrow(KeyType.ArrowUp, "select the previous request", -1),
                    arrow(KeyType.ArrowDown, "select the next request", 1));
            case PORTS -> {
                List<KeyBinding> keys = new ArrayList<>(networkKeys(model.networkView().ports()));
                keys.add(KeyBinding.character('b', "baseline", "review the approved-ports baseline (or generate one)"
                        + " rule by rule", false, this::baseline));
                yield keys;
            }
            case EGRESS -> networkKeys(model.networkView().egress());
            case SCORECARD -> List.of(
                    KeyBinding.special(KeyType.Enter, "⏎", "check", "the selected check's evidence, gap, mitigation"
                            + " and controls", this::detail),
                    arrow(KeyType.ArrowUp, "select the previous check", -1),
                    arrow(KeyType.ArrowDown, "select the next check", 1));
        };
    }

    private List<KeyBinding> networkKeys(NetworkPane pane) {
        List<KeyBinding> keys = new ArrayList<>(List.of(
                KeyBinding.special(KeyType.Enter, "⏎", "findings", "the selected row's findings and what to do",
                        this::detail),
                KeyBinding.character('/', "filter", "narrow this pane to the rows whose address, port, program, user"
                        + " or pid contains what you type (Enter keeps it, Esc clears it)", false, () -> {
                            pane.startFilter();
                            redraw.run();
                        }),
                KeyBinding.character('o', "sort", "sort the ports and egress panes (flagged first, by port, by program)",
                        false, this::sort),
                KeyBinding.character('f', "flagged", "show only flagged ports and destinations, or everything again",
                        false, this::filter),
                arrow(KeyType.ArrowUp, "select the previous row", -1),
                arrow(KeyType.ArrowDown, "select the next row", 1)));
        if (pane.filtered()) {
            keys.add(KeyBinding.special(KeyType.Escape, "Esc", "clear filter", "show every row again", () -> {
                pane.clearFilter();
                redraw.run();
            }));
        }
        return keys;
    }

    private KeyBinding arrow(KeyType type, String description, int delta) {
        return KeyBinding.special(type, type == KeyType.ArrowUp ? "↑" : "↓", "", description, () -> move(delta));
    }

    private List<KeyBinding> globalKeys() {
        return List.of(
                KeyBinding.special(KeyType.Tab, "Tab", "panes", "move between the approvals, ports, egress and"
                        + " scorecard panes", this::nextPane),
                KeyBinding.character('x', "drop", "drop elevation now", false, this::drop),
                KeyBinding.character('r', "runs", "the finished runs: Enter on one shows what it printed (its recording)",
                        false, this::runs),
                KeyBinding.character('t', "", "next theme (dark, light, high-contrast, mono)", false, this::nextTheme),
                KeyBinding.character('?', "help", "the keys in force here", false, this::help),
                quitKey());
    }

    private KeyBinding quitKey() {
        return KeyBinding.character('q', "quit", "quit (asks first when quitting would deny pending requests)", false,
                this::quit);
    }

    /** The finished runs, newest first; Enter on one asks the broker for its recording and shows it. */
    private void runs() {
        List<ActivityLine> runs = model.finishedRuns(50);
        if (runs.isEmpty()) {
            say("no finished run in the audit tail yet");
            return;
        }
        ActionListDialogBuilder list = new ActionListDialogBuilder().setTitle("Finished runs")
                .setDescription("Enter shows what the run printed");
        for (ActivityLine run : runs) {
            String label = Fit.fit(CLOCK.format(run.at()) + "  " + run.text(), 100);
            list.addAction(label, () -> actions.recording(run.requestId()).whenComplete((text, error) ->
                    gui.getGUIThread().invokeLater(() -> TextWindow.show(gui, "Run " + VisibleText.of(run.requestId())
                            .text(), List.of((error == null ? text : "the broker did not answer: " + rootMessage(error))
                            .split("\n", -1))))));
        }
        gui.addWindow(list.build());
    }

    private void approve(boolean keepAsked) {
        model.selected().ifPresentOrElse(row -> {
            // An interpreter handed code is a root shell for anything: the broker never keeps it, and the key says so.
            boolean keep = keepAsked && !row.request().code().any();
            if (row.request().confirmationRequired()) {
                PromptWindow.ask(gui, "Untrusted source", "This request stems from untrusted content.\n"
                        + "Type yes to approve it anyway:", false, answer -> {
                            if (answer == null) {
                                say("approval cancelled; the request is still pending");
                            } else if (answer.strip().equalsIgnoreCase("yes")) {
                                secondFactorThen(row, keep);
                            } else {
                                decide(row, ApprovalDecision.of(ApprovalDecision.Outcome.UNTRUSTED_NOT_CONFIRMED,
                                        "the approver did not confirm the untrusted source"), null);
                            }
                        });
            } else {
                secondFactorThen(row, keep);
            }
        }, () -> say("no request selected: choose one with ↑ ↓"));
    }

    private void secondFactorThen(PendingRow row, boolean keep) {
        if (!actions.secondFactorRequired(row.id())) {
            decide(row, ApprovalDecision.approved(keep), null);
            return;
        }
        PromptWindow.ask(gui, "Second factor", "Approval token or TOTP code for " + row.shortId() + ":", true, code -> {
            if (code == null) {
                say("approval cancelled; the request is still pending");
            } else {
                decide(row, ApprovalDecision.approved(keep), code);
            }
        });
    }

    private void deny() {
        model.selected().ifPresentOrElse(row -> PromptWindow.ask(gui, "Deny " + row.shortId(),
                "Reason for the denial (optional, the requester sees it):", false, reason -> {
                    if (reason == null) {
                        say("denial cancelled; the request is still pending");
                    } else {
                        decide(row, ApprovalDecision.denied(reason.isBlank() ? "denied by the admin" : reason.strip()),
                                null);
                    }
                }), () -> say("no request selected: choose one with ↑ ↓"));
    }

    /** Sends the decision for exactly this request id; the broker's answer is shown when it comes. */
    private void decide(PendingRow row, ApprovalDecision decision, String secondFactor) {
        model.decidedHere(row.id());
        say("sent to the broker: " + row.shortId() + " …");
        String once = decision.approved() && !decision.keep() && row.request().code().any()
                ? " (X: approved once; A never keeps an interpreter handed code)" : "";
        later(actions.decide(row.id(), decision, secondFactor).thenApply(answer -> answer + once));
    }

    /** Shows an answer on the GUI thread once it arrives. */
    private void later(java.util.concurrent.CompletableFuture<String> answer) {
        answer.whenComplete((text, error) -> gui.getGUIThread().invokeLater(
                () -> say(error == null ? text : "the broker did not answer: " + rootMessage(error))));
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage());
    }

    private void detail() {
        switch (model.focus()) {
            case SCORECARD -> model.scorecard().filter(c -> !c.checks().isEmpty()).ifPresentOrElse(c -> {
                var v = c.checks().get(model.scorecardSelected());
                TextWindow.show(gui, v.checkId(), ScorecardPane.detail(v));
            }, () -> say("not assessed yet"));
            case PORTS, EGRESS -> model.focusedNetworkPane().flatMap(NetworkPane::selectedRow)
                    .ifPresentOrElse(row -> TextWindow.show(gui, row.title(), row.detailLines()),
                            () -> say("nothing selected"));
            default -> model.selected().ifPresentOrElse(row -> TextWindow.show(gui, "Request " + row.shortId(),
                    RequestDetail.lines(row, model.now())), () -> say("no request selected: choose one with ↑ ↓"));
        }
    }

    private void baseline() {
        say("collecting the baseline …");
        actions.reviewBaseline().whenComplete((review, error) -> gui.getGUIThread().invokeLater(() -> {
            if (error != null) {
                say("cannot review the baseline: " + rootMessage(error));
                return;
            }
            model.notice(null);
            BaselineWindow.open(gui, review, theme.palette(), r -> later(actions.saveBaseline(r)),
                    () -> say("baseline review abandoned; nothing written"));
        }));
    }

    private void nextTheme() {
        theme = theme.next();
        gui.setTheme(theme.theme());
        view.palette(theme.palette());
        say("theme: " + theme.name());
    }

    private void nextPane() {
        model.nextFocus();
        redraw.run();
    }

    private void sort() {
        model.networkView().cycleSort();
        say("ports and egress sorted " + model.networkView().arrangement());
    }

    private void filter() {
        model.networkView().toggleFlaggedOnly();
        say("ports and egress: " + model.networkView().arrangement());
    }

    private void drop() {
        later(actions.dropElevation());
    }

    private void move(int delta) {
        switch (model.focus()) {
            case PORTS, EGRESS -> model.focusedNetworkPane().ifPresent(pane -> pane.move(delta));
            case SCORECARD -> model.moveScorecard(delta);
            default -> model.moveSelection(delta);
        }
        model.notice(null);
        redraw.run();
    }

    private void help() {
        TextWindow.show(gui, "Keys in the " + model.focus().name().toLowerCase(java.util.Locale.ROOT)
                + " pane (! = grants root)", inForce().helpLines());
    }

    private void quit() {
        int waiting = model.pending().size();
        if (waiting == 0) {
            actions.quit();
            return;
        }
        if (!actions.quitDeniesPending()) {
            actions.quit();
            return;
        }
        PromptWindow.ask(gui, "Quit", waiting + " pending request(s) will be denied. Quit? (y/N)", false, answer -> {
            if (answer != null && answer.strip().equalsIgnoreCase("y")) {
                actions.quit();
            } else {
                say("still running");
            }
        });
    }

    private void say(String text) {
        model.notice(text);
        redraw.run();
    }
}

package io.clawguard.broker;

import io.clawguard.approval.CommandRunner;
import io.clawguard.approval.ExecOutcome;
import io.clawguard.approval.ExecRequest;
import io.clawguard.approval.ExitCode;
import io.clawguard.approval.GuardedExecution;
import io.clawguard.approval.Recording;
import io.clawguard.approval.Requester;
import io.clawguard.approval.Verdict;
import io.clawguard.approval.WireProtocol;
import io.clawguard.approval.WireRequest;
import io.clawguard.files.PinnedFolder;
import io.clawguard.files.ProcessGroup;
import io.clawguard.wire.Frame;
import io.clawguard.wire.FrameStream;
import io.clawguard.wire.ProtocolException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.newsclub.net.unix.AFUNIXSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One requester on the agent socket, from the kernel's word on who it is to the exit code.
 * The peer is checked against the agent rules before a byte is read; its working folder is
 * pinned from {@code /proc}; then one request is decided, the command started and relayed.
 * A single reader watches the socket throughout: a requester that hangs up or speaks out of
 * turn while its request waits withdraws it, and one that goes away while its command runs
 * ends the command.
 */
final class AgentSession {
    private static final Logger LOG = LoggerFactory.getLogger(AgentSession.class);
    private static final int REQUEST_WAIT_MILLIS = 30_000;

    private final AFUNIXSocket socket;
    private final AgentContext context;
    private final AtomicBoolean withdrawn = new AtomicBoolean();
    private volatile CommandRelay relay;
    /** The recording of this connection's run, once it ended. */
    private volatile Recording recording = Recording.NONE;

    AgentSession(AFUNIXSocket socket, AgentContext context) {
        this.socket = socket;
        this.context = context;
    }

    void serve() throws IOException {
        PeerCheck.Peer peer = PeerCheck.of(socket);
        int uid = peer.uid();
        FrameStream frames = new FrameStream(socket.getInputStream(), socket.getOutputStream());
        if (!context.peers().agent(peer)) {
            frames.write(Frame.exit(ExitCode.DENIED, "uid " + uid + " may not ask this broker (not among the"
                    + " agent_users or agent_groups of clawguard.json)"));
            context.peers().closeGently(socket);
            return;
        }
        if (!context.load().withinRate(uid)) {
            context.peers().overloaded(peer);
            frames.write(Frame.exit(ExitCode.DENIED, "refused: uid " + uid + " sends more than " + PeerLoad.PER_SECOND
                    + " requests a second; try again shortly"));
            return;
        }
        String shortage = context.disk().shortage();
        if (shortage != null) {
            context.peers().lowOnDisk(peer, shortage);
            frames.write(Frame.exit(ExitCode.DENIED, "refused: " + shortage));
            return;
        }
        if (!context.load().admit(uid)) {
            context.peers().overloaded(peer);
            frames.write(Frame.exit(ExitCode.DENIED, "refused: uid " + uid + " already has " + context.load().perUid()
                    + " requests open at once (max_pending_per_uid)"));
            return;
        }
        try {
            serveAdmitted(peer, frames);
        } finally {
            context.load().release(uid);
        }
    }

    private void serveAdmitted(PeerCheck.Peer peer, FrameStream frames) throws IOException {
        int uid = peer.uid();
        long pid = peer.pid();
        PinnedFolder folder;
        try {
            folder = PinnedFolder.ofProcessCwd(pid, uid);
        } catch (IOException e) {
            context.unreadableFolder(uid, pid, e.getMessage());
            frames.write(Frame.exit(ExitCode.DENIED, "refused: " + e.getMessage()));
            return;
        }
        try (folder) {
            ExecRequest request = readRequest(frames, new Requester(uid, pid, ProcessChain.describe(pid)), folder);
            if (request == null) {
                return;
            }
            startReader(frames);
            ExecOutcome outcome;
            try {
                context.awaitAuditChecked();
                outcome = decideAndRun(request, folder, frames);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                outcome = ExecOutcome.refused(ExitCode.DENIED, "refused: the broker is stopping");
            } catch (RuntimeException e) {
                // A fault with one request refuses that request, on the record; the broker goes on.
                LOG.error("request from uid {} pid {} failed", uid, pid, e);
                context.failed(request, e);
                outcome = ExecOutcome.refused(ExitCode.DENIED, "refused: the broker could not handle this request"
                        + " (recorded)");
            }
            frames.write(Frame.exit(outcome.exitCode(), outcome.message()));
        }
    }

    private ExecOutcome decideAndRun(ExecRequest request, PinnedFolder folder, FrameStream frames) {
        return new GuardedExecution(context.gate(),
                config -> r -> {
                    notice(frames, context.waitingNotice(r));
                    return context.pending().approverFor(withdrawn::get).decide(r);
                },
                new CommandRunner() {
                    @Override
                    public int run(Verdict.Run run) throws IOException {
                        return runCommand(run, folder, frames);
                    }

                    @Override
                    public Recording recording(Verdict.Run run) {
                        return recording;
                    }
                }).execute(request);
    }

    /** A requester that cannot be told has gone; the reader notices and withdraws the request. */
    private static void notice(FrameStream frames, String text) {
        try {
            frames.write(Frame.text(Frame.NOTICE, text));
        } catch (IOException e) {
            LOG.debug("a waiting requester could not be told", e);
        }
    }

    /** The request frame, within a time limit; a broken one is answered with exit 2 and null. */
    private ExecRequest readRequest(FrameStream frames, Requester requester, PinnedFolder folder) throws IOException {
        try {
            socket.setSoTimeout(REQUEST_WAIT_MILLIS);
            Frame first = frames.read();
            socket.setSoTimeout(0);
            if (first == null) {
                return null;
            }
            if (first.type() != Frame.REQUEST) {
                throw new ProtocolException("the first frame must be a request");
            }
            return WireRequest.decode(WireProtocol.decode(first.text()), requester, folder.shownAs(), folder.identity(),
                    folder.handle());
        } catch (SocketTimeoutException e) {
            frames.write(Frame.exit(ExitCode.USAGE, "no request within " + REQUEST_WAIT_MILLIS / 1000 + " s"));
        } catch (ProtocolException | WireProtocol.ProtocolException e) {
            frames.write(Frame.exit(ExitCode.USAGE, "bad request: " + e.getMessage()));
        }
        return null;
    }

    private int runCommand(Verdict.Run run, PinnedFolder folder, FrameStream frames) throws IOException {
        if (withdrawn.get()) {
            throw new IOException("the requester went away before the command started");
        }
        Optional<RunRecorder> recorder = context.recorder(run);
        recording = recorder.isPresent() ? Recording.NONE : Recording.off(run.policy()
                .recordingOff(run.binding().argv(), run.binding().resolvedPath()).orElseThrow());
        try {
            return relayed(run, folder, frames, recorder.map(CommandRelay.Tap.class::cast).orElse(CommandRelay.Tap.NONE));
        } finally {
            if (recorder.isPresent()) {
                recording = recorder.get().finish();
            }
        }
    }

    private int relayed(Verdict.Run run, PinnedFolder folder, FrameStream frames, CommandRelay.Tap tap)
            throws IOException {
        AtomicReference<ChildWatch> watch = new AtomicReference<>();
        AtomicReference<Path> cgroup = new AtomicReference<>();
        // Whatever of the run left its process group: its cgroup when it has one, else what strace saw it make.
        Runnable killStrays = () -> {
            Path cg = cgroup.get();
            ChildWatch w = watch.get();
            if (cg != null) {
                RunCgroups.kill(cg);
            } else if (w != null) {
                w.killAll();
            }
        };
        CommandRelay r = new CommandRelay(frames, context.killGrace(), () -> context.interrupted(run), tap, killStrays);
        relay = r;
        CommandLauncher.Launch launch = context.launcher().start(run, folder);
        cgroup.set(launch.cgroup());
        try {
            return traced(run, r, launch, watch, killStrays);
        } finally {
            if (launch.cgroup() != null) {
                // The run ends with its command: what it left running in its cgroup goes too.
                RunCgroups.remove(launch.cgroup());
            }
        }
    }

    private int traced(Verdict.Run run, CommandRelay r, CommandLauncher.Launch launch,
                       AtomicReference<ChildWatch> watch, Runnable killStrays) throws IOException {
        if (launch.trace() == null) {
            return r.relay(launch.process());
        }
        Runnable killRun = () -> {
            ProcessGroup.signal(launch.process().pid(), ProcessGroup.SIGKILL);
            killStrays.run();
        };
        ChildWatch children = new ChildWatch(launch.trace(), launch.ownExecs(),
                child -> context.child(run, child, killRun), killRun);
        watch.set(children);
        children.start();
        try {
            return r.relay(launch.process());
        } finally {
            children.finish();
            Files.deleteIfExists(launch.trace());
        }
    }

    /** Reads every frame the requester sends for as long as the connection lasts. */
    private void startReader(FrameStream frames) {
        Thread reader = new Thread(() -> {
            try {
                for (Frame f = frames.read(); f != null; f = frames.read()) {
                    CommandRelay r = relay;
                    if (r == null) {
                        withdrawn.set(true);
                    } else if (f.type() == Frame.STDIN) {
                        r.stdin(f.payload());
                    } else if (f.type() == Frame.STDIN_END) {
                        r.stdinEnd();
                    } else {
                        throw new ProtocolException("unexpected frame '" + (char) f.type() + "' while the command runs");
                    }
                }
            } catch (IOException | ProtocolException e) {
                LOG.debug("the requester's stream ended", e);
            } catch (RuntimeException | Error e) {
                LOG.error("the requester's stream failed", e);
            } finally {
                // However the reading ends, a pending request is withdrawn and a running command ended.
                withdrawn.set(true);
                CommandRelay r = relay;
                if (r != null) {
                    r.requesterGone();
                }
            }
        }, "agent-reader");
        reader.setDaemon(true);
        reader.start();
    }
}

package io.clawguard.exec;

import io.clawguard.wire.Frame;
import io.clawguard.wire.FrameStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Sends the requester's standard input to the running command, never more bytes than the
 * broker has granted: the broker then never has to hold more than its window of input in
 * memory, however fast the requester writes or slowly the command reads.
 */
final class StdinPump extends Thread {
    private static final int CHUNK = 32 * 1024;

    private final InputStream in;
    private final FrameStream frames;
    private long credit;

    StdinPump(InputStream in, FrameStream frames, int window) {
        super("exec-stdin");
        setDaemon(true);
        this.in = in;
        this.frames = frames;
        this.credit = window;
    }

    synchronized void grant(int bytes) {
        credit += bytes;
        notifyAll();
    }

    private synchronized int take(int wanted) throws InterruptedException {
        while (credit == 0) {
            wait();
        }
        int n = (int) Math.min(wanted, credit);
        credit -= n;
        return n;
    }

    private synchronized void giveBack(int bytes) {
        credit += bytes;
    }

    @Override
    public void run() {
        byte[] buffer = new byte[CHUNK];
        try {
            while (true) {
                int allowed = take(CHUNK);
                int n = in.read(buffer, 0, allowed);
                if (n < 0) {
                    break;
                }
                giveBack(allowed - n);
                frames.write(Frame.STDIN, buffer, n);
            }
            frames.write(Frame.empty(Frame.STDIN_END));
        } catch (IOException e) {
            try {
                frames.write(Frame.empty(Frame.STDIN_END));
            } catch (IOException gone) {
                // The connection is gone too; the main thread reports that.
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

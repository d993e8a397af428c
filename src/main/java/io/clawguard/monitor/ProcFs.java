package io.clawguard.monitor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The processes of this host as {@code /proc} shows them. */
final class ProcFs implements ProcessTable {
    private final Path proc;
    /** Since Linux 6.2 the size {@code stat} gives {@code /proc/<pid>/fd} is its count of open files; before, 0. */
    private final boolean sizeIsCount;

    ProcFs(Path proc) {
        this.proc = proc;
        this.sizeIsCount = size(proc.resolve("self/fd")) > 0;
    }

    @Override
    public Map<Integer, Integer> fdCounts() throws IOException {
        Map<Integer, Integer> counts = new HashMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(proc)) {
            for (Path entry : entries) {
                int pid = number(entry.getFileName().toString());
                int count = pid < 0 ? -1 : fdCount(entry.resolve("fd"));
                if (count >= 0) {
                    counts.put(pid, count);
                }
            }
        } catch (DirectoryIteratorException e) {
            throw new IOException("cannot list the processes in " + proc, e.getCause());
        }
        return counts;
    }

    private int fdCount(Path fds) {
        if (sizeIsCount) {
            return (int) size(fds);
        }
        try (Stream<Path> entries = Files.list(fds)) {
            return (int) entries.count();
        } catch (IOException | UncheckedIOException e) {
            return -1;
        }
    }

    @Override
    public void sockets(int pid, SocketSink sink) {
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(proc.resolve(pid + "/fd"))) {
            for (Path fd : fds) {
                long inode = socketInode(fd);
                int number = inode < 0 ? -1 : number(fd.getFileName().toString());
                if (number >= 0) {
                    sink.accept(number, inode);
                }
            }
        } catch (IOException | DirectoryIteratorException e) {
            // The process ended, or is not ours to read: it holds nothing we can see.
        }
    }

    @Override
    public long socketAt(int pid, int fd) {
        return socketInode(proc.resolve(pid + "/fd/" + fd));
    }

    @Override
    public Optional<ProcessStatus> status(int pid) {
        try {
            // Bytes, not readString: a name is whatever the process wrote, valid UTF-8 or not.
            return ProcessStatus.parse(new String(Files.readAllBytes(proc.resolve(pid + "/status")), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean runsSystemProgram(int pid, String name) {
        Path exe = proc.resolve(pid + "/exe");
        try {
            Path named = Files.readSymbolicLink(exe);
            // The kernel names a process after the file it ran, cut to 15 bytes; a link called apt-get
            // to python, or a rename with prctl, gives a name the program does not have.
            String file = named.getFileName() == null ? "" : named.getFileName().toString();
            boolean calledSo = name.length() >= 15 ? file.startsWith(name) : file.equals(name);
            return calledSo && SystemProgram.is(named) && Files.isSameFile(exe, named);
        } catch (IOException | UnsupportedOperationException e) {
            // Gone, or another user's process to a console that is not root: nothing can be vouched for.
            return false;
        }
    }

    /** The inode in a link {@code socket:[12345]}, or -1 for anything else (a file, a pipe, gone). */
    static long socketInode(Path fd) {
        try {
            return socketInode(Files.readSymbolicLink(fd).toString());
        } catch (IOException | UnsupportedOperationException e) {
            return -1;
        }
    }

    static long socketInode(String link) {
        return link.startsWith("socket:[") && link.endsWith("]") ? digits(link, 8, link.length() - 1) : -1;
    }

    /** A name made only of digits as a number (a pid, a file descriptor), or -1. */
    private static int number(String name) {
        return name.length() > 9 ? -1 : (int) digits(name, 0, name.length());
    }

    /** The decimal number between {@code from} and {@code to}, or -1 when it is empty, too long or not digits. */
    private static long digits(String s, int from, int to) {
        if (to <= from || to - from > 18 || to > s.length()) {
            return -1;
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static long size(Path p) {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class).size();
        } catch (IOException e) {
            return -1;
        }
    }
}

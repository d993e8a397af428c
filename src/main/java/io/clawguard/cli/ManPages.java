package io.clawguard.cli;

import java.io.File;
import java.io.IOException;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Build step, not a command: writes an AsciiDoc man page for {@code clawguard} and each of its
 * commands (exec included, from {@link ExecSpec}) with picocli's {@link ManPageGenerator}; the
 * build turns them into troff in {@code target/man}. Run by the exec plugin at process-classes.
 */
public final class ManPages {
    private ManPages() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: ManPages OUTPUT-FOLDER");
        }
        int failed = ManPageGenerator.generateManPage(new File(args[0]), null, new boolean[0], true,
                ClawGuard.commandLine().getCommandSpec());
        if (failed != 0) {
            throw new IOException("picocli's man page generator failed (" + failed + ")");
        }
    }
}

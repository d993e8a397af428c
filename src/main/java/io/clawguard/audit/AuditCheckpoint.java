package io.clawguard.audit;

/**
 * Where a verification of the log ended intact: just after the record {@code seq} with
 * {@code hash}, which ends at {@code offset} in the file with inode {@code inode} (the inode
 * follows the active file into its rotated name), on line {@code line} of that file.
 * {@code records}, {@code legacy} and {@code chainStartLine} carry the counts the walk had made.
 */
public record AuditCheckpoint(long inode, long offset, int line, long seq, String hash, long records, int legacy,
                              int chainStartLine) {
}

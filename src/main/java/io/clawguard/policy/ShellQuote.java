package io.clawguard.policy;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Joins argv into one shell-quoted line, the form the seed's policy regexes are written
 * against ({@code /usr/bin/rm -rf '/tmp/a b'}), quoting as Python's {@code shlex.join} does.
 */
public final class ShellQuote {
    private static final Pattern SAFE = Pattern.compile("[\\w@%+=:,./-]+", Pattern.UNICODE_CHARACTER_CLASS);

    private ShellQuote() {
    }

    public static String join(List<String> argv) {
        return argv.stream().map(ShellQuote::quote).collect(Collectors.joining(" "));
    }

    public static String quote(String word) {
        if (word.isEmpty()) {
            return "''";
        }
        if (SAFE.matcher(word).matches()) {
            return word;
        }
        return "'" + word.replace("'", "'\"'\"'") + "'";
    }
}

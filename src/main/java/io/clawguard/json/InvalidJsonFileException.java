package io.clawguard.json;

/** A JSON file that exists but cannot be used; the message names the file and the field. */
public final class InvalidJsonFileException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String source;

    public InvalidJsonFileException(String source, String problem) {
        super(source + ": " + problem);
        this.source = source;
    }

    public String source() {
        return source;
    }
}

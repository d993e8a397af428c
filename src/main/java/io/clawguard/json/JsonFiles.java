package io.clawguard.json;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/** Reads a JSON file: absent is {@code empty}, present but unusable is an error naming it. */
public final class JsonFiles {
    private JsonFiles() {
    }

    public static Optional<Object> read(Path file) throws InvalidJsonFileException {
        return read(file, false);
    }

    /** As {@link #read(Path)}, accepting comments and trailing commas (hand-edited config). */
    public static Optional<Object> readLenient(Path file) throws InvalidJsonFileException {
        return read(file, true);
    }

    private static Optional<Object> read(Path file, boolean lenient) throws InvalidJsonFileException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(
                    ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (CharacterCodingException e) {
            throw new InvalidJsonFileException(file.toString(), "not valid UTF-8");
        } catch (IOException e) {
            throw new InvalidJsonFileException(file.toString(), "cannot be read (" + e.getMessage() + ")");
        }
        Object value;
        try {
            value = lenient ? JsonValues.parseLenient(text) : JsonValues.parse(text);
        } catch (IOException e) {
            throw new InvalidJsonFileException(file.toString(), "invalid JSON: " + firstLine(e.getMessage()));
        }
        if (value == null) {
            throw new InvalidJsonFileException(file.toString(), "the document is null");
        }
        return Optional.of(value);
    }

    private static String firstLine(String message) {
        int nl = message == null ? -1 : message.indexOf('\n');
        return nl < 0 ? String.valueOf(message) : message.substring(0, nl);
    }
}

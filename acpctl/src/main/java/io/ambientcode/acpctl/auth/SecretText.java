package io.ambientcode.acpctl.auth;

import io.ambientcode.acpctl.cli.CliException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a secret (a credential token, an OIDC token) from a stream or a file: at most 64 KiB, UTF-8, trailing line
 * breaks removed (what {@code echo} and editors add), nothing else changed. Errors name the source, never the content.
 */
public final class SecretText {

    /** The credential API's request limit; a token cannot be larger. */
    public static final int MAX_BYTES = 64 * 1024;

    private SecretText() {
    }

    public static String fromStream(InputStream in, String source) {
        byte[] bytes;
        try {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw CliException.general("cannot read the token from " + source + ": " + e.getClass().getSimpleName());
        }
        return decode(bytes, source);
    }

    public static String fromFile(Path file) {
        String source = "file " + file;
        if (!Files.isRegularFile(file)) {
            throw CliException.usage("token file " + file + " does not exist or is not a regular file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return fromStream(in, source);
        } catch (IOException e) {
            throw CliException.usage("cannot read token file " + file + ": " + e.getClass().getSimpleName());
        }
    }

    public static String fromChars(char[] chars, String source) {
        if (chars == null) {
            throw CliException.usage("no token entered at the " + source);
        }
        String s = new String(chars);
        java.util.Arrays.fill(chars, '\0');
        return normalize(s, source);
    }

    static String decode(byte[] bytes, String source) {
        if (bytes.length > MAX_BYTES) {
            throw CliException.usage("the token from " + source + " is larger than " + MAX_BYTES / 1024 + " KiB");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw CliException.usage("the token from " + source + " is not UTF-8 text");
        }
        return normalize(text, source);
    }

    /** Removes trailing CR/LF only: a kubeconfig or JSON document keeps its inner layout. */
    static String normalize(String text, String source) {
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        String s = text.substring(0, end);
        if (s.isBlank()) {
            throw CliException.usage("no token on " + source);
        }
        return s;
    }
}

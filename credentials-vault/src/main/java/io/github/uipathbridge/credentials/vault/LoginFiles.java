package io.github.uipathbridge.credentials.vault;

import io.github.uipathbridge.credentials.CredentialsException;
import io.github.uipathbridge.credentials.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads login material (a JWT, a role id, a secret id) from files, which are read again at every login. */
final class LoginFiles {

    private LoginFiles() {}

    /**
     * Checks at open time that a file exists and is readable, so a wrong path is reported then.
     *
     * @throws CredentialsException with reason {@code CONFIGURATION} naming the setting and the path
     */
    static Path requireReadable(Path file, String key) {
        if (!Files.isReadable(file)) {
            throw VaultOptions.configuration("Setting " + key + ": file " + file + " does not exist or cannot be read");
        }
        return file;
    }

    /**
     * The file's content without surrounding white space (the newline {@code echo} and Kubernetes leave).
     *
     * @throws CredentialsException with reason {@code CONFIGURATION} naming the setting and the path, never the content
     */
    static Secret read(Path file, String key) {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new CredentialsException(
                    CredentialsException.Reason.CONFIGURATION,
                    "Setting " + key + ": file " + file + " cannot be read ("
                            + e.getClass().getSimpleName() + ")",
                    e);
        }
        if (content.isEmpty()) {
            throw VaultOptions.configuration("Setting " + key + ": file " + file + " is empty");
        }
        return Secret.of(content);
    }
}

package io.github.uipathbridge.credentials;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The {@code file:} store: files {@code client_id} and {@code client_secret} in a folder, as Kubernetes mounts a
 * secret ({@code file:/run/secrets/uipath}). {@code ?idFile=} and {@code ?secretFile=} name other files. Surrounding
 * white space (the trailing newline of {@code echo > file}) is removed.
 *
 * <p>The files are read on every call: Kubernetes updates a mounted secret by swapping a symbolic link, and a read
 * happens only when a token is fetched, so caching would save little and hide a rotation.
 */
public final class FileCredentialStore implements CredentialStore {

    private final Path idFile;

    private final Path secretFile;

    FileCredentialStore(Path idFile, Path secretFile) {
        this.idFile = idFile;
        this.secretFile = secretFile;
    }

    @Override
    public ClientCredentials read() {
        String clientId = readFile(idFile);
        Secret secret = Secret.of(readFile(secretFile));
        return ClientCredentials.of(clientId, secret, Versions.digestOf(clientId, secret), describe());
    }

    @Override
    public ClientCredentials readFresh() {
        return read();
    }

    @Override
    public String describe() {
        return "file:" + idFile + "," + secretFile;
    }

    private static String readFile(Path file) {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (NoSuchFileException e) {
            throw new CredentialsException(
                    CredentialsException.Reason.NOT_FOUND, "Credential file " + file + " does not exist", e);
        } catch (AccessDeniedException e) {
            throw new CredentialsException(
                    CredentialsException.Reason.ACCESS_DENIED,
                    "Credential file " + file + " cannot be read: permission denied",
                    e);
        } catch (IOException e) {
            throw new CredentialsException(
                    CredentialsException.Reason.UNAVAILABLE,
                    "Credential file " + file + " cannot be read: "
                            + e.getClass().getSimpleName(),
                    e);
        }
        if (content.isEmpty()) {
            throw new CredentialsException(
                    CredentialsException.Reason.INVALID_CONTENT, "Credential file " + file + " is empty");
        }
        return content;
    }

    /** Serves {@code file:}. */
    public static final class Provider implements CredentialStoreProvider {

        @Override
        public String scheme() {
            return "file";
        }

        @Override
        public CredentialStore open(CredentialReference reference, StoreConfig config) {
            reference.requireOnlyOptions("idFile", "secretFile");
            if (reference.path().isBlank()) {
                throw CredentialReference.invalid(
                        reference.toString(), "name the folder holding client_id and client_secret");
            }
            Path folder = Path.of(reference.path());
            return new FileCredentialStore(
                    folder.resolve(reference.option("idFile").orElse("client_id")),
                    folder.resolve(reference.option("secretFile").orElse("client_secret")));
        }
    }
}

package io.github.uipathbridge.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileCredentialStoreTest {

    private static final String SECRET = "CANARY-SECRET-file";

    @TempDir
    Path folder;

    @Test
    void readsClientIdAndSecretFilesWithoutTheTrailingNewline() throws IOException {
        write("client_id", "app\n");
        write("client_secret", SECRET + "\n");

        ClientCredentials credentials = open("file:" + folder).read();

        assertThat(credentials.clientId()).isEqualTo("app");
        assertThat(credentials.clientSecret().reveal()).isEqualTo(SECRET);
    }

    @Test
    void optionsNameOtherFiles() throws IOException {
        write("id.txt", "app");
        write("secret.txt", SECRET);

        ClientCredentials credentials =
                open("file:" + folder + "?idFile=id.txt&secretFile=secret.txt").read();

        assertThat(credentials.clientSecret().reveal()).isEqualTo(SECRET);
    }

    @Test
    void rotatedFileIsSeenOnTheNextReadWithANewVersion() throws IOException {
        write("client_id", "app");
        write("client_secret", SECRET);
        CredentialStore store = open("file:" + folder);
        String before = store.read().version();

        write("client_secret", SECRET + "-rotated");

        assertThat(store.readFresh().version()).isNotEqualTo(before);
    }

    @Test
    void missingFileIsNotFound() {
        CredentialsException e = catchThrowableOfType(
                CredentialsException.class, () -> open("file:" + folder).read());

        assertThat(e.reason()).isEqualTo(CredentialsException.Reason.NOT_FOUND);
        assertThat(e.getMessage()).contains("client_id");
    }

    @Test
    void emptyFileIsInvalidContent() throws IOException {
        write("client_id", "app");
        write("client_secret", "\n");

        CredentialsException e = catchThrowableOfType(
                CredentialsException.class, () -> open("file:" + folder).read());

        assertThat(e.reason()).isEqualTo(CredentialsException.Reason.INVALID_CONTENT);
    }

    @Test
    void referenceWithoutFolderIsRejectedWhenOpened() {
        CredentialsException e = catchThrowableOfType(CredentialsException.class, () -> open("file:"));

        assertThat(e.reason()).isEqualTo(CredentialsException.Reason.INVALID_REFERENCE);
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(folder.resolve(name), content);
    }

    private static CredentialStore open(String reference) {
        return CredentialStores.open(reference, StoreConfig.of(Map.of(), Map.of()));
    }
}

package io.github.uipathbridge.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FolderContextTest {

    @Test
    void asciiPathGoesInThePlainHeader() {
        assertThat(FolderContext.byPath("Finance/AP").headers()).isEqualTo(Map.of("X-UIPATH-FolderPath", "Finance/AP"));
    }

    @Test
    void nonAsciiPathGoesBase64Utf16LeInTheEncodedHeader() {
        Map<String, String> headers = FolderContext.byPath("Finanzen/Zürich").headers();

        assertThat(headers).containsOnlyKeys("X-UIPATH-FolderPath-Encoded");
        byte[] decoded = Base64.getDecoder().decode(headers.get("X-UIPATH-FolderPath-Encoded"));
        assertThat(new String(decoded, StandardCharsets.UTF_16LE)).isEqualTo("Finanzen/Zürich");
    }

    @Test
    void keyGoesInTheFolderKeyHeader() {
        assertThat(FolderContext.of(null, "6F9619FF-8B86-D011-B42D-00C04FC964FF", null)
                        .headers())
                .isEqualTo(Map.of("X-UIPATH-FolderKey", "6f9619ff-8b86-d011-b42d-00c04fc964ff"));
    }

    @Test
    void idGoesInTheOrganizationUnitHeader() {
        assertThat(FolderContext.of(42L, null, null).headers()).isEqualTo(Map.of("X-UIPATH-OrganizationUnitId", "42"));
    }

    @Test
    void twoWaysOfNamingTheFolderAreRefused() {
        assertThatThrownBy(() -> FolderContext.of(42L, null, "Finance"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("set only one of folderId, folderKey and folderPath");
    }

    @Test
    void noFolderSendsNoHeader() {
        assertThat(FolderContext.of(null, null, " ").headers()).isEmpty();
    }
}

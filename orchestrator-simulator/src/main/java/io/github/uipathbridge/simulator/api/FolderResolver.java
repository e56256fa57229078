package io.github.uipathbridge.simulator.api;

import io.github.uipathbridge.simulator.data.Folder;
import io.github.uipathbridge.simulator.data.TenantData;
import io.github.uipathbridge.simulator.http.ApiException;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Finds the folder of a folder-scoped call from any one of the four headers the real service accepts: {@code
 * X-UIPATH-OrganizationUnitId} (numeric id), {@code X-UIPATH-FolderKey} (GUID), {@code X-UIPATH-FolderPath} and
 * {@code X-UIPATH-FolderPath-Encoded} (Base64 of the UTF-16LE path, for non-ASCII names).
 */
final class FolderResolver {

    static final String ID = "X-UIPATH-OrganizationUnitId";
    static final String KEY = "X-UIPATH-FolderKey";
    static final String PATH = "X-UIPATH-FolderPath";
    static final String PATH_ENCODED = "X-UIPATH-FolderPath-Encoded";

    private final TenantData data;

    FolderResolver(TenantData data) {
        this.data = data;
    }

    /** The folder named by the headers; 400 / 1101 when none is given, 400 / 1100 when it does not exist. */
    Folder require(HttpServerExchange exchange) {
        HeaderMap headers = exchange.getRequestHeaders();
        Optional<Folder> folder;
        String value;
        if ((value = headers.getFirst(ID)) != null) {
            folder = byId(value);
        } else if ((value = headers.getFirst(KEY)) != null) {
            folder = byKey(value);
        } else if ((value = headers.getFirst(PATH_ENCODED)) != null) {
            folder = data.folderByPath(decodePath(value));
        } else if ((value = headers.getFirst(PATH)) != null) {
            folder = data.folderByPath(value);
        } else {
            throw new ApiException(
                    400, ApiException.FOLDER_REQUIRED, "An organization unit is required for this action.");
        }
        // The status and code for an unknown folder (400 / 1100) follow observed answers, not a published contract.
        return folder.orElseThrow(() -> new ApiException(
                400,
                ApiException.FOLDER_NOT_FOUND,
                "Folder does not exist or the user does not have access to the folder."));
    }

    private Optional<Folder> byId(String value) {
        try {
            return data.folderById(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            throw ApiException.badQuery("The value of header " + ID + " must be a number.");
        }
    }

    private Optional<Folder> byKey(String value) {
        try {
            return data.folderByKey(UUID.fromString(value.strip()));
        } catch (IllegalArgumentException e) {
            throw ApiException.badQuery("The value of header " + KEY + " must be a GUID.");
        }
    }

    private static String decodePath(String value) {
        try {
            return new String(Base64.getDecoder().decode(value.strip()), StandardCharsets.UTF_16LE);
        } catch (IllegalArgumentException e) {
            throw ApiException.badQuery("The value of header " + PATH_ENCODED + " must be Base64.");
        }
    }
}

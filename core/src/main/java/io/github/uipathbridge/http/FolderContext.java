package io.github.uipathbridge.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/**
 * The folder a call runs in, sent as exactly one of Orchestrator's four folder headers.
 *
 * <ul>
 *   <li>by key: {@code X-UIPATH-FolderKey} with the folder's GUID, stable for the folder's life (preferred);
 *   <li>by path: {@code X-UIPATH-FolderPath} ({@code Finance/AP}) when the path is printable ASCII, otherwise
 *       {@code X-UIPATH-FolderPath-Encoded} with the path as Base64 of its UTF-16LE bytes, since HTTP header values
 *       cannot carry other characters reliably;
 *   <li>by id: {@code X-UIPATH-OrganizationUnitId}, which changes when a tenant's licence plan changes.
 * </ul>
 *
 * <p>Instances are immutable. {@link #NONE} sends no header, for tenant-level entity sets.
 */
public final class FolderContext {

    /** Header carrying the folder's numeric id. */
    public static final String FOLDER_ID_HEADER = "X-UIPATH-OrganizationUnitId";

    /** Header carrying the folder's GUID. */
    public static final String FOLDER_KEY_HEADER = "X-UIPATH-FolderKey";

    /** Header carrying the folder's path in printable ASCII. */
    public static final String FOLDER_PATH_HEADER = "X-UIPATH-FolderPath";

    /** Header carrying the folder's path as Base64 of UTF-16LE. */
    public static final String FOLDER_PATH_ENCODED_HEADER = "X-UIPATH-FolderPath-Encoded";

    /** No folder: the call is tenant-level. */
    public static final FolderContext NONE = new FolderContext(null, null);

    private final String header;

    private final String value;

    private FolderContext(String header, String value) {
        this.header = header;
        this.value = value;
    }

    /**
     * The folder named by whichever one of the three is set.
     *
     * @param folderId the numeric folder (organization unit) id, or null
     * @param folderKey the folder GUID, or null
     * @param folderPath the folder path such as {@code Finance/AP}, or null
     * @return the context, {@link #NONE} when none is set
     * @throws IllegalArgumentException if more than one is set, or the key is not a GUID
     */
    public static FolderContext of(Long folderId, String folderKey, String folderPath) {
        int given = (folderId != null ? 1 : 0) + (isSet(folderKey) ? 1 : 0) + (isSet(folderPath) ? 1 : 0);
        if (given > 1) {
            throw new IllegalArgumentException("set only one of folderId, folderKey and folderPath");
        }
        if (folderId != null) {
            return new FolderContext(FOLDER_ID_HEADER, Long.toString(folderId));
        }
        if (isSet(folderKey)) {
            return byKey(folderKey.strip());
        }
        return isSet(folderPath) ? byPath(folderPath.strip()) : NONE;
    }

    /** The folder with this GUID, given without surrounding white space. */
    public static FolderContext byKey(String folderKey) {
        try {
            return new FolderContext(
                    FOLDER_KEY_HEADER, UUID.fromString(folderKey).toString());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("folderKey must be a GUID, got: " + folderKey, e);
        }
    }

    /** The folder at this path, sent as given; non-ASCII paths go in the encoded header. */
    public static FolderContext byPath(String folderPath) {
        if (isPrintableAscii(folderPath)) {
            return new FolderContext(FOLDER_PATH_HEADER, folderPath);
        }
        String encoded = Base64.getEncoder().encodeToString(folderPath.getBytes(StandardCharsets.UTF_16LE));
        return new FolderContext(FOLDER_PATH_ENCODED_HEADER, encoded);
    }

    /** The header to send, empty for {@link #NONE}. */
    public Map<String, String> headers() {
        return header == null ? Map.of() : Map.of(header, value);
    }

    /** The name of the header to send, null for {@link #NONE}. */
    public String headerName() {
        return header;
    }

    /** The value of the header to send, null for {@link #NONE}. */
    public String headerValue() {
        return value;
    }

    /** Whether a folder is set. */
    public boolean isSet() {
        return header != null;
    }

    @Override
    public String toString() {
        return header == null ? "no folder" : header + "=" + value;
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    private static boolean isPrintableAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }
}

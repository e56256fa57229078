package io.github.uipathbridge.credentials.vault;

import io.github.uipathbridge.credentials.CredentialReference;
import io.github.uipathbridge.credentials.CredentialsException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A parsed {@code vault:} reference: the KV mount and version, the secret path under the mount, the two field names and
 * an optional version pin. It builds the HTTP paths, adding the KV v2 {@code data/} and {@code metadata/} parts after
 * the mount itself, so users write the logical path ({@code vault:secret/uipath/prod}) whatever the KV version.
 *
 * <p>Reference form: {@code vault:<mount>/<path>[?idField=client_id&secretField=client_secret&version=3&mount=m]}.
 * {@code version} pins a KV v2 version (refused on KV v1, which keeps none). Immutable; holds no secret.
 */
final class KvSecret {

    static final String DEFAULT_ID_FIELD = "client_id";

    static final String DEFAULT_SECRET_FIELD = "client_secret";

    private final String reference;

    private final KvMounts.KvLocation location;

    private final String idField;

    private final String secretField;

    private final Integer pinnedVersion;

    private KvSecret(
            String reference, KvMounts.KvLocation location, String idField, String secretField, Integer version) {
        this.reference = reference;
        this.location = location;
        this.idField = idField;
        this.secretField = secretField;
        this.pinnedVersion = version;
    }

    /**
     * Parses a {@code vault:} reference.
     *
     * @throws CredentialsException with reason {@code INVALID_REFERENCE} for an unknown option, a path without a
     *     secret under its mount, an empty or {@code ..} segment, or a bad version pin
     */
    static KvSecret parse(CredentialReference reference, KvMounts mounts) {
        reference.requireOnlyOptions("idField", "secretField", "version", "mount");
        String text = reference.toString();
        KvMounts.KvLocation location = mounts.locate(text, reference.path(), reference.option("mount"));
        requireSegments(text, location.mount());
        requireSegments(text, location.path());
        String idField = field(text, reference.option("idField"), DEFAULT_ID_FIELD, "idField");
        String secretField = field(text, reference.option("secretField"), DEFAULT_SECRET_FIELD, "secretField");
        Integer version =
                reference.option("version").map(value -> version(text, value)).orElse(null);
        if (version != null && location.kvVersion() == 1) {
            throw invalid(
                    text,
                    "version= needs KV version 2, but mount '" + location.mount()
                            + "' is configured as KV version 1, which keeps no versions");
        }
        return new KvSecret(text, location, idField, secretField, version);
    }

    String mount() {
        return location.mount();
    }

    /** The secret path under the mount, without {@code data/}. */
    String path() {
        return location.path();
    }

    int kvVersion() {
        return location.kvVersion();
    }

    /** Whether the mount was taken as the first path segment because neither the reference nor settings named it. */
    boolean mountGuessed() {
        return location.guessed();
    }

    String idField() {
        return idField;
    }

    String secretField() {
        return secretField;
    }

    OptionalInt pinnedVersion() {
        return pinnedVersion == null ? OptionalInt.empty() : OptionalInt.of(pinnedVersion);
    }

    /** The path to GET, relative to {@code /v1/}, segments percent-encoded, with {@code ?version=} when pinned. */
    String readPath() {
        if (kvVersion() == 1) {
            return encode(mount()) + "/" + encode(path());
        }
        return dataPath() + (pinnedVersion == null ? "" : "?version=" + pinnedVersion);
    }

    /** KV v2: {@code <mount>/data/<path>}, where the secret's values are read and written. */
    String dataPath() {
        requireVersion2("data/");
        return encode(mount()) + "/data/" + encode(path());
    }

    /** KV v2: {@code <mount>/metadata/<path>}, where versions are listed and the secret is deleted for good. */
    String metadataPath() {
        requireVersion2("metadata/");
        return encode(mount()) + "/metadata/" + encode(path());
    }

    /** The path as a Vault policy names it, not encoded: {@code secret/data/uipath/prod} or {@code kv1/uipath}. */
    String policyPath() {
        return mount() + (kvVersion() == 2 ? "/data/" : "/") + path();
    }

    /** The reference as written, safe to log. */
    String reference() {
        return reference;
    }

    /** Mount, path and KV version, for messages: {@code mount 'secret', path 'uipath/prod' (KV v2)}. */
    String describeLocation() {
        return "mount '" + mount() + "', path '" + path() + "' (KV v" + kvVersion()
                + (pinnedVersion == null ? "" : ", version " + pinnedVersion) + ")";
    }

    @Override
    public String toString() {
        return reference;
    }

    private void requireVersion2(String part) {
        if (kvVersion() != 2) {
            throw new IllegalStateException("KV version 1 has no " + part + " path part");
        }
    }

    private static void requireSegments(String reference, String path) {
        if (path.isEmpty()) {
            throw invalid(reference, "expected vault:<mount>/<path>, for example vault:secret/uipath/prod");
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw invalid(reference, "the path has an empty, '.' or '..' segment");
            }
        }
    }

    private static String field(String reference, Optional<String> option, String fallback, String name) {
        if (option.isEmpty()) {
            return fallback;
        }
        String value = option.get().strip();
        if (value.isEmpty()) {
            throw invalid(reference, name + " must not be empty");
        }
        return value;
    }

    private static int version(String reference, String value) {
        try {
            int version = Integer.parseInt(value.strip());
            if (version > 0) {
                return version;
            }
        } catch (NumberFormatException e) {
            // reported below with the reference
        }
        throw invalid(reference, "version must be a positive whole number, not '" + value + "'");
    }

    /**
     * Percent-encodes each segment (RFC 3986 unreserved characters stay), keeping the slashes between them. The driver
     * decodes and re-quotes the path when it builds its URI, so a secret name containing a literal {@code %41}-style
     * sequence would reach Vault decoded; such names cannot be read through this store.
     */
    static String encode(String path) {
        StringBuilder encoded = new StringBuilder(path.length());
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c == '/' || isUnreserved(c)) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
                encoded.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return encoded.toString();
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '~';
    }

    private static CredentialsException invalid(String reference, String why) {
        return new CredentialsException(
                CredentialsException.Reason.INVALID_REFERENCE, "Credential reference '" + reference + "': " + why);
    }
}

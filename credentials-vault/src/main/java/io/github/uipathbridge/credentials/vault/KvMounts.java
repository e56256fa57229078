package io.github.uipathbridge.credentials.vault;

import io.github.uipathbridge.credentials.CredentialsException;
import io.github.uipathbridge.credentials.StoreConfig;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which KV secrets engines are mounted where, and which KV version each speaks, taken from configuration so the store
 * never needs permission to read {@code sys/mounts}.
 *
 * <p>A mount is named by one of, first match wins:
 *
 * <ol>
 *   <li>the reference option {@code ?mount=team/apps/kv}; the reference path must start with it;
 *   <li>the longest leading part of the reference path that is configured, through
 *       {@code uipath.credentials.vault.kv-version.<mount>=1|2} (one key per mount; a system property, since an
 *       environment variable cannot hold {@code /}) or the list {@code uipath.credentials.vault.kv-mounts=secret:2,
 *       kv1:1,team/apps/kv:2} (a version left out means the default);
 *   <li>otherwise the first segment of the path, as for {@code vault:secret/uipath/prod}.
 * </ol>
 *
 * <p>A mount without a configured version uses {@code uipath.credentials.vault.kv-version}, default 2 (what
 * {@code secret/} is on a fresh Vault or OpenBao). Instances are immutable.
 */
public final class KvMounts {

    static final String VERSION_KEY = VaultOptions.PREFIX + "kv-version";

    static final String LIST_KEY = VaultOptions.PREFIX + "kv-mounts";

    private final int defaultVersion;

    private final Map<String, Integer> listed;

    private final Function<String, Optional<String>> settings;

    private KvMounts(int defaultVersion, Map<String, Integer> listed, Function<String, Optional<String>> settings) {
        this.defaultVersion = requireVersion(defaultVersion, VERSION_KEY);
        this.listed = Collections.unmodifiableMap(new LinkedHashMap<>(listed));
        this.settings = settings;
    }

    /** No mounts configured; every mount speaks KV version 2. */
    public static KvMounts defaults() {
        return new KvMounts(2, Map.of(), key -> Optional.empty());
    }

    static KvMounts from(StoreConfig config) {
        int defaultVersion = config.get(VERSION_KEY)
                .map(value -> parseVersion(VERSION_KEY, value))
                .orElse(2);
        Map<String, Integer> listed = new LinkedHashMap<>();
        config.get(LIST_KEY).ifPresent(list -> parseList(list, defaultVersion, listed));
        return new KvMounts(defaultVersion, listed, config::get);
    }

    /** A copy that also knows {@code mount} (for example {@code team/apps/kv}) speaks KV {@code version}. */
    public KvMounts withMount(String mount, int version) {
        Map<String, Integer> copy = new LinkedHashMap<>(listed);
        copy.put(normalize(mount), requireVersion(version, LIST_KEY));
        return new KvMounts(defaultVersion, copy, settings);
    }

    /** A copy whose mounts without a configured version speak KV {@code version}. */
    public KvMounts withDefaultVersion(int version) {
        return new KvMounts(version, listed, settings);
    }

    /**
     * Splits a reference path into mount and secret path.
     *
     * @param path the reference path, {@code mount/secret/path}
     * @param mountOption the {@code ?mount=} option, if given
     * @throws CredentialsException with reason {@code INVALID_REFERENCE} if the path does not start with the named
     *     mount or leaves no secret path after it
     */
    KvLocation locate(String reference, String path, Optional<String> mountOption) {
        String normalized = normalize(path);
        if (mountOption.isPresent()) {
            String mount = normalize(mountOption.get());
            if (mount.isEmpty() || !normalized.startsWith(mount + "/")) {
                throw invalid(
                        reference, "the path must start with the mount '" + mount + "' and name a secret under it");
            }
            return new KvLocation(mount, normalized.substring(mount.length() + 1), versionOf(mount), false);
        }
        int slash = normalized.lastIndexOf('/');
        while (slash > 0) {
            String candidate = normalized.substring(0, slash);
            Optional<Integer> version = configuredVersion(candidate);
            if (version.isPresent()) {
                return new KvLocation(candidate, normalized.substring(slash + 1), version.get(), false);
            }
            slash = candidate.lastIndexOf('/');
        }
        int first = normalized.indexOf('/');
        if (first <= 0) {
            throw invalid(reference, "expected vault:<mount>/<path>, for example vault:secret/uipath/prod");
        }
        String mount = normalized.substring(0, first);
        return new KvLocation(mount, normalized.substring(first + 1), defaultVersion, true);
    }

    private int versionOf(String mount) {
        return configuredVersion(mount).orElse(defaultVersion);
    }

    private Optional<Integer> configuredVersion(String mount) {
        String key = VERSION_KEY + "." + mount;
        Optional<Integer> single = settings.apply(key).map(value -> parseVersion(key, value));
        return single.or(() -> Optional.ofNullable(listed.get(mount)));
    }

    private static void parseList(String list, int defaultVersion, Map<String, Integer> into) {
        for (String entry : list.split("[,\\s]+")) {
            if (entry.isBlank()) {
                continue;
            }
            int colon = entry.lastIndexOf(':');
            String mount = normalize(colon < 0 ? entry : entry.substring(0, colon));
            int version = colon < 0 ? defaultVersion : parseVersion(LIST_KEY, entry.substring(colon + 1));
            if (mount.isEmpty()) {
                throw VaultOptions.configuration("Setting " + LIST_KEY + " has an entry without a mount: '" + entry
                        + "'; expected mount:version, for example secret:2,kv1:1");
            }
            into.put(mount, version);
        }
    }

    private static int parseVersion(String key, String value) {
        return switch (value.strip()) {
            case "1" -> 1;
            case "2" -> 2;
            default -> throw VaultOptions.configuration("Setting " + key + " must be 1 or 2, not '" + value + "'");
        };
    }

    private static int requireVersion(int version, String key) {
        if (version != 1 && version != 2) {
            throw VaultOptions.configuration("Setting " + key + " must be 1 or 2, not " + version);
        }
        return version;
    }

    /** Strips white space and leading and trailing slashes. */
    static String normalize(String path) {
        Objects.requireNonNull(path, "path must not be null");
        String stripped = path.strip();
        int start = 0;
        int end = stripped.length();
        while (start < end && stripped.charAt(start) == '/') {
            start++;
        }
        while (end > start && stripped.charAt(end - 1) == '/') {
            end--;
        }
        return stripped.substring(start, end);
    }

    private static CredentialsException invalid(String reference, String why) {
        return new CredentialsException(
                CredentialsException.Reason.INVALID_REFERENCE, "Credential reference '" + reference + "': " + why);
    }

    @Override
    public String toString() {
        return "KvMounts[defaultVersion=" + defaultVersion + ", listed=" + listed + "]";
    }

    /**
     * Where one secret lives.
     *
     * @param mount the mount path, for example {@code secret} or {@code team/apps/kv}
     * @param path the secret path under the mount
     * @param kvVersion 1 or 2
     * @param guessed whether the mount was taken as the first path segment because nothing named it
     */
    record KvLocation(String mount, String path, int kvVersion, boolean guessed) {}
}

package io.github.uipathbridge.credentials.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.uipathbridge.credentials.CredentialReference;
import io.github.uipathbridge.credentials.CredentialsException;
import io.github.uipathbridge.credentials.CredentialsException.Reason;
import io.github.uipathbridge.credentials.StoreConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KvSecretTest {

    private static KvSecret parse(String reference) {
        return parse(reference, KvMounts.defaults());
    }

    private static KvSecret parse(String reference, KvMounts mounts) {
        return KvSecret.parse(CredentialReference.parse(reference), mounts);
    }

    private static KvMounts mounts(Map<String, String> settings) {
        return KvMounts.from(StoreConfig.of(settings, Map.of()));
    }

    @Test
    void shouldTakeFirstSegmentAsMountWithDefaultFieldsAndKvVersion2() {
        KvSecret secret = parse("vault:secret/uipath/prod");

        assertThat(secret.mount()).isEqualTo("secret");
        assertThat(secret.path()).isEqualTo("uipath/prod");
        assertThat(secret.kvVersion()).isEqualTo(2);
        assertThat(secret.mountGuessed()).isTrue();
        assertThat(secret.idField()).isEqualTo("client_id");
        assertThat(secret.secretField()).isEqualTo("client_secret");
        assertThat(secret.pinnedVersion()).isEmpty();
    }

    @Test
    void shouldAddDataAfterMountForKvVersion2Read() {
        assertThat(parse("vault:secret/uipath/prod").readPath()).isEqualTo("secret/data/uipath/prod");
    }

    @Test
    void shouldAddMetadataAfterMountForKvVersion2Metadata() {
        assertThat(parse("vault:secret/uipath/prod").metadataPath()).isEqualTo("secret/metadata/uipath/prod");
    }

    @Test
    void shouldNamePolicyPathUnencodedWithDataForKvVersion2() {
        assertThat(parse("vault:secret/my app?version=2").policyPath()).isEqualTo("secret/data/my app");
    }

    @Test
    void shouldAppendPinnedVersionAsQueryToKvVersion2Read() {
        assertThat(parse("vault:secret/uipath/prod?version=7").readPath())
                .isEqualTo("secret/data/uipath/prod?version=7");
    }

    @Test
    void shouldReadKvVersion1PathAsWritten() {
        KvSecret secret =
                parse("vault:kv1/uipath/prod", mounts(Map.of("uipath.credentials.vault.kv-version.kv1", "1")));

        assertThat(secret.readPath()).isEqualTo("kv1/uipath/prod");
        assertThat(secret.mountGuessed()).isFalse();
    }

    @Test
    void shouldRefuseDataPathForKvVersion1() {
        KvSecret secret = parse("vault:kv1/uipath", mounts(Map.of("uipath.credentials.vault.kv-version", "1")));

        assertThatThrownBy(secret::dataPath).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldPutDataAfterWholeMultiSegmentMountNamedByOption() {
        KvSecret secret = parse("vault:team/apps/kv/uipath/prod?mount=team/apps/kv");

        assertThat(secret.mount()).isEqualTo("team/apps/kv");
        assertThat(secret.readPath()).isEqualTo("team/apps/kv/data/uipath/prod");
    }

    @Test
    void shouldMatchConfiguredMountsLongestFirst() {
        KvMounts mounts = mounts(Map.of("uipath.credentials.vault.kv-mounts", "team:1, team/apps/kv:2"));

        KvSecret secret = parse("vault:team/apps/kv/uipath", mounts);

        assertThat(secret.mount()).isEqualTo("team/apps/kv");
        assertThat(secret.path()).isEqualTo("uipath");
        assertThat(secret.kvVersion()).isEqualTo(2);
    }

    @Test
    void shouldMatchMountConfiguredByItsOwnKey() {
        KvMounts mounts = mounts(Map.of("uipath.credentials.vault.kv-version.team/apps/kv", "1"));

        KvSecret secret = parse("vault:team/apps/kv/uipath/prod", mounts);

        assertThat(secret.mount()).isEqualTo("team/apps/kv");
        assertThat(secret.readPath()).isEqualTo("team/apps/kv/uipath/prod");
    }

    @Test
    void shouldPreferPerMountKeyOverList() {
        KvMounts mounts = mounts(
                Map.of("uipath.credentials.vault.kv-mounts", "kv:2", "uipath.credentials.vault.kv-version.kv", "1"));

        assertThat(parse("vault:kv/uipath", mounts).kvVersion()).isEqualTo(1);
    }

    @Test
    void shouldUseDefaultVersionForListedMountWithoutVersion() {
        KvMounts mounts =
                mounts(Map.of("uipath.credentials.vault.kv-mounts", "a/b", "uipath.credentials.vault.kv-version", "1"));

        KvSecret secret = parse("vault:a/b/c", mounts);

        assertThat(secret.mount()).isEqualTo("a/b");
        assertThat(secret.kvVersion()).isEqualTo(1);
    }

    @Test
    void shouldPercentEncodeSegmentsButKeepSlashes() {
        assertThat(parse("vault:secret/my app/prod#1").readPath()).isEqualTo("secret/data/my%20app/prod%231");
    }

    @Test
    void shouldReadCustomFieldNamesFromOptions() {
        KvSecret secret = parse("vault:secret/uipath?idField=appId&secretField=appSecret");

        assertThat(secret.idField()).isEqualTo("appId");
        assertThat(secret.secretField()).isEqualTo("appSecret");
    }

    @Test
    void shouldRejectUnknownOptionNamingKnownOnes() {
        assertThatThrownBy(() -> parse("vault:secret/uipath?versionStage=AWSCURRENT"))
                .isInstanceOf(CredentialsException.class)
                .hasMessageContaining("versionStage")
                .hasMessageContaining("idField, secretField, version, mount")
                .extracting(e -> ((CredentialsException) e).reason())
                .isEqualTo(Reason.INVALID_REFERENCE);
    }

    @Test
    void shouldRejectVersionThatIsNotPositive() {
        assertThatThrownBy(() -> parse("vault:secret/uipath?version=0"))
                .isInstanceOf(CredentialsException.class)
                .hasMessageContaining("version must be a positive whole number, not '0'");
    }

    @Test
    void shouldRejectVersionPinOnKvVersion1Mount() {
        KvMounts mounts = mounts(Map.of("uipath.credentials.vault.kv-version.kv1", "1"));

        assertThatThrownBy(() -> parse("vault:kv1/uipath?version=2", mounts))
                .isInstanceOf(CredentialsException.class)
                .hasMessageContaining("KV version 1");
    }

    @Test
    void shouldRejectPathWithoutSecretUnderMount() {
        assertThatThrownBy(() -> parse("vault:secret"))
                .isInstanceOf(CredentialsException.class)
                .hasMessageContaining("vault:<mount>/<path>");
    }

    @Test
    void shouldRejectMountOptionThatIsNotPrefixOfPath() {
        assertThatThrownBy(() -> parse("vault:secret/uipath?mount=team/kv"))
                .isInstanceOf(CredentialsException.class)
                .hasMessageContaining("must start with the mount 'team/kv'");
    }

    @Test
    void shouldRejectDotDotSegment() {
        assertThatThrownBy(() -> parse("vault:secret/../sys/uipath"))
                .isInstanceOf(CredentialsException.class)
                .hasMessageContaining("'..'");
    }

    @Test
    void shouldRejectKvVersionOtherThanOneOrTwo() {
        assertThatThrownBy(() -> mounts(Map.of("uipath.credentials.vault.kv-mounts", "secret:3")))
                .isInstanceOf(CredentialsException.class)
                .hasMessageContaining("uipath.credentials.vault.kv-mounts must be 1 or 2, not '3'");
    }
}

package io.github.uipathbridge.credentials.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.uipathbridge.credentials.ClientCredentials;
import io.github.uipathbridge.credentials.CredentialReference;
import io.github.uipathbridge.credentials.CredentialsException;
import io.github.uipathbridge.credentials.CredentialsException.Reason;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;

class SecretContentParserTest {

    private static final String VALUE = "CANARY_SECRET_parser0123456789";

    @Test
    void shouldReadJsonObjectInSecretString() {
        ClientCredentials credentials =
                parse("aws:x", string("{\"client_id\":\"app\",\"client_secret\":\"" + VALUE + "\"}"));

        assertThat(credentials.clientId()).isEqualTo("app");
        assertThat(credentials.clientSecret().reveal()).isEqualTo(VALUE);
        assertThat(credentials.version()).isEqualTo("v1");
        assertThat(credentials.source()).isEqualTo("source");
    }

    @Test
    void shouldReadJsonObjectInSecretBinary() {
        GetSecretValueResponse response = GetSecretValueResponse.builder()
                .versionId("v1")
                .secretBinary(SdkBytes.fromUtf8String("{\"client_id\":\"app\",\"client_secret\":\"" + VALUE + "\"}"))
                .build();

        ClientCredentials credentials = parse("aws:x", response);

        assertThat(credentials.clientSecret().reveal()).isEqualTo(VALUE);
        assertThat(SecretContentParser.formatOf(response)).isEqualTo("JSON in SecretBinary");
    }

    @Test
    void shouldReadPlainTextWithClientIdFromReference() {
        GetSecretValueResponse response = string("  " + VALUE + "\n");

        ClientCredentials credentials = parse("aws:x?clientId=app", response);

        assertThat(credentials.clientId()).isEqualTo("app");
        assertThat(credentials.clientSecret().reveal()).isEqualTo(VALUE);
        assertThat(SecretContentParser.formatOf(response)).isEqualTo("plain text in SecretString");
    }

    @Test
    void shouldReadCustomKeys() {
        ClientCredentials credentials =
                parse("aws:x?idKey=a&secretKey=b", string("{\"a\":\"app\",\"b\":\"" + VALUE + "\",\"c\":1}"));

        assertThat(credentials.clientId()).isEqualTo("app");
        assertThat(credentials.clientSecret().reveal()).isEqualTo(VALUE);
    }

    @Test
    void shouldAskForClientIdWhenPlainTextHasNone() {
        CredentialsException e = refused("aws:x", string(VALUE));

        assertThat(e.reason()).isEqualTo(Reason.CONFIGURATION);
        assertThat(e.getMessage())
                .isEqualTo("Secret 'x' version v1 holds plain text in SecretString, not JSON; a plain-text secret holds"
                        + " only the client secret, so give the client id with ?clientId= in the reference or the"
                        + " setting uipath.credentials.aws.client-id");
    }

    @Test
    void shouldRefuseJsonArrayNamingFormat() {
        CredentialsException e = refused("aws:x", string("[\"" + VALUE + "\"]"));

        assertThat(e.reason()).isEqualTo(Reason.INVALID_CONTENT);
        assertThat(e.getMessage())
                .isEqualTo("Secret 'x' version v1 holds a JSON array in SecretString; expected a JSON object with the"
                        + " keys 'client_id' and 'client_secret'");
    }

    @Test
    void shouldRefuseMalformedJsonWithoutQuotingIt() {
        CredentialsException e = refused("aws:x", string("{\"client_id\":\"app\",\"client_secret\":" + VALUE + "}"));

        assertThat(e.reason()).isEqualTo(Reason.INVALID_CONTENT);
        assertThat(e.getMessage())
                .startsWith("Secret 'x' version v1 holds text in SecretString that starts like JSON but is not valid"
                        + " JSON (error at line 1, column")
                .doesNotContain("CANARY");
        assertThat(e.getCause()).isNull();
    }

    @Test
    void shouldRefuseMissingKeyListingKeysFound() {
        CredentialsException e = refused("aws:x", string("{\"client_id\":\"app\",\"secret\":\"" + VALUE + "\"}"));

        assertThat(e.reason()).isEqualTo(Reason.INVALID_CONTENT);
        assertThat(e.getMessage())
                .isEqualTo("Secret 'x' version v1 has no key 'client_secret' in the JSON object in SecretString; its"
                        + " keys are 'client_id', 'secret'");
    }

    @Test
    void shouldRefuseNonStringValueNamingItsKind() {
        CredentialsException e = refused("aws:x", string("{\"client_id\":42,\"client_secret\":\"" + VALUE + "\"}"));

        assertThat(e.reason()).isEqualTo(Reason.INVALID_CONTENT);
        assertThat(e.getMessage())
                .isEqualTo("Secret 'x' version v1 has a JSON number under key 'client_id' in SecretString; expected a"
                        + " non-empty string");
    }

    @Test
    void shouldRefuseBinaryThatIsNotUtf8() {
        GetSecretValueResponse response = GetSecretValueResponse.builder()
                .versionId("v1")
                .secretBinary(SdkBytes.fromByteArray(new byte[] {(byte) 0xff, (byte) 0xfe, 0x01}))
                .build();

        CredentialsException e = refused("aws:x", response);

        assertThat(e.reason()).isEqualTo(Reason.INVALID_CONTENT);
        assertThat(e.getMessage()).contains("3 bytes of SecretBinary that are not UTF-8 text");
    }

    @Test
    void shouldRefusePlainTextInBinary() {
        GetSecretValueResponse response = GetSecretValueResponse.builder()
                .versionId("v1")
                .secretBinary(SdkBytes.fromUtf8String(VALUE))
                .build();

        CredentialsException e = refused("aws:x?clientId=app", response);

        assertThat(e.reason()).isEqualTo(Reason.INVALID_CONTENT);
        assertThat(e.getMessage())
                .contains("SecretBinary that are not JSON (plain text is read from SecretString only)")
                .doesNotContain("CANARY");
    }

    @Test
    void shouldRefuseAnswerWithoutValue() {
        CredentialsException e = refused(
                "aws:x", GetSecretValueResponse.builder().versionId("v1").build());

        assertThat(e.reason()).isEqualTo(Reason.INVALID_CONTENT);
        assertThat(e.getMessage()).isEqualTo("Secret 'x' version v1 has neither a SecretString nor a SecretBinary");
    }

    private static GetSecretValueResponse string(String value) {
        return GetSecretValueResponse.builder()
                .versionId("v1")
                .secretString(value)
                .build();
    }

    private static ClientCredentials parse(String reference, GetSecretValueResponse response) {
        AwsSecretReference secret = AwsSecretReference.parse(
                CredentialReference.parse(reference),
                SecretsManagerOptions.builder().build());
        return SecretContentParser.parse(secret, response, "source");
    }

    private static CredentialsException refused(String reference, GetSecretValueResponse response) {
        return catchThrowableOfType(CredentialsException.class, () -> parse(reference, response));
    }
}

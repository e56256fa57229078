package io.github.uipathbridge.component.odata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ODataFilterTest {

    @Test
    void stringLiteralDoublesEverySingleQuote() {
        assertThat(ODataFilter.eq("Reference", "O'Brien's 'file'").toString())
                .isEqualTo("Reference eq 'O''Brien''s ''file'''");
    }

    @Test
    void stringLiteralKeepsOperatorsInsideTheQuotes() {
        assertThat(ODataFilter.eq("Name", "x' or 1 eq 1 or Name eq '").toString())
                .isEqualTo("Name eq 'x'' or 1 eq 1 or Name eq '''");
    }

    @Test
    void longIsWrittenWithTheInt64Suffix() {
        assertThat(ODataFilter.gt("Id", 9_007_199_254_740_993L).toString()).isEqualTo("Id gt 9007199254740993L");
    }

    @Test
    void intIsWrittenAsPlainDigits() {
        assertThat(ODataFilter.ge("Priority", 2).toString()).isEqualTo("Priority ge 2");
    }

    @Test
    void instantIsUnquotedIsoInUtc() {
        assertThat(ODataFilter.gt("CreationTime", Instant.parse("2024-05-01T10:00:00.250Z"))
                        .toString())
                .isEqualTo("CreationTime gt 2024-05-01T10:00:00.250Z");
    }

    @Test
    void offsetDateTimeKeepsItsOffsetAndSeconds() {
        OffsetDateTime time = OffsetDateTime.of(2024, 5, 1, 10, 0, 0, 0, ZoneOffset.ofHours(2));

        assertThat(ODataLiteral.of(time)).isEqualTo("2024-05-01T10:00:00+02:00");
    }

    @Test
    void dateIsUnquoted() {
        assertThat(ODataLiteral.of(LocalDate.of(2024, 2, 29))).isEqualTo("2024-02-29");
    }

    @Test
    void guidIsUnquotedAndLowerCase() {
        UUID key = UUID.fromString("6F9619FF-8B86-D011-B42D-00C04FC964FF");

        assertThat(ODataFilter.eq("Key", key).toString()).isEqualTo("Key eq 6f9619ff-8b86-d011-b42d-00c04fc964ff");
    }

    @Test
    void guidTextThatIsNotAGuidIsRefused() {
        assertThatThrownBy(() -> ODataLiteral.guid("6f9619ff' or 1 eq 1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("guid must have the form");
    }

    @Test
    void nullAndBooleansAreKeywords() {
        assertThat(ODataFilter.eq("Robot", null)
                        .and(ODataFilter.ne("Encrypted", true))
                        .toString())
                .isEqualTo("(Robot eq null) and (Encrypted ne true)");
    }

    @Test
    void combinationsAreParenthesised() {
        ODataFilter filter = ODataFilter.eq("Status", "New")
                .or(ODataFilter.eq("Status", "Retried"))
                .and(ODataFilter.contains("Reference", "a'b"));

        assertThat(filter.toString())
                .isEqualTo("((Status eq 'New') or (Status eq 'Retried')) and (contains(Reference,'a''b'))");
    }

    @Test
    void notWrapsTheExpression() {
        assertThat(ODataFilter.startsWith("Name", "Inv").not().toString()).isEqualTo("not (startswith(Name,'Inv'))");
    }

    @Test
    void fieldWithSomethingOtherThanAPropertyPathIsRefused() {
        assertThatThrownBy(() -> ODataFilter.eq("Id eq 1 or Id", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("field must be an OData property name or path, got: Id eq 1 or Id");
    }

    @Test
    void navigationPathIsAccepted() {
        assertThat(ODataFilter.eq("Robot/Name", "bot").toString()).isEqualTo("Robot/Name eq 'bot'");
    }

    @Test
    void doubleIsRefusedRatherThanGuessed() {
        assertThatThrownBy(() -> ODataLiteral.of(1.5d))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Double");
    }

    @Test
    void queryStringEncodesSpacesAsPercent20AndQuotes() {
        ODataQuery query = ODataQuery.empty()
                .withFilter(ODataFilter.eq("Reference", "O'Brien & Co").toString())
                .withOrderBy("Id asc")
                .withTop(100);

        assertThat(query.toQueryString())
                .isEqualTo("$filter=Reference%20eq%20%27O%27%27Brien%20%26%20Co%27&$orderby=Id%20asc&$top=100");
    }
}

package io.github.uipathbridge.component;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UiPathPollingConsumerTest {

    @Test
    void idWatermarkAsksForGreaterIds() {
        assertThat(UiPathPollingConsumer.afterWatermark("Id", "1500")).isEqualTo("Id gt 1500L");
    }

    @Test
    void timeWatermarkBreaksTiesOnId() {
        assertThat(UiPathPollingConsumer.afterWatermark("CreationTime", "2024-05-01T10:00:00.123Z|42"))
                .isEqualTo("(CreationTime gt 2024-05-01T10:00:00.123Z) or "
                        + "((CreationTime eq 2024-05-01T10:00:00.123Z) and (Id gt 42L))");
    }

    @Test
    void noTimeWatermarkAsksForRecordsThatHaveTheTime() {
        assertThat(UiPathPollingConsumer.afterWatermark("LastModificationTime", null))
                .isEqualTo("LastModificationTime ne null");
    }

    @Test
    void noWatermarkAsksForEverything() {
        assertThat(UiPathPollingConsumer.afterWatermark("Id", null)).isNull();
    }
}

package io.github.uipathbridge.component;

import org.apache.camel.spi.Metadata;

/** Message headers the {@code uipath} component reads and sets. */
public final class UiPathConstants {

    @Metadata(
            label = "producer",
            description = "The id of the entity for operation get on an entity set, or of the job for stopJob;"
                    + " overrides the entityId option.",
            javaType = "Long")
    public static final String ID = "CamelUiPathId";

    @Metadata(
            label = "producer",
            description = "The key (GUID) of the entity for operation get; overrides the key option.",
            javaType = "String")
    public static final String KEY = "CamelUiPathKey";

    @Metadata(
            label = "producer",
            description = "A $filter expression that replaces the filter option for this message; build it with"
                    + " io.github.uipathbridge.component.odata.ODataFilter so values are escaped.",
            javaType = "String")
    public static final String FILTER = "CamelUiPathFilter";

    @Metadata(
            label = "producer",
            description = "The queue for addQueueItem and bulkAddQueueItems; overrides the queueName option.",
            javaType = "String")
    public static final String QUEUE_NAME = "CamelUiPathQueueName";

    @Metadata(
            label = "producer",
            description = "The HTTP method of a raw call; overrides the method option.",
            javaType = "String")
    public static final String METHOD = "CamelUiPathMethod";

    @Metadata(
            label = "producer",
            description = "The path of a raw call below the Orchestrator URL, with its query; overrides the path"
                    + " option.",
            javaType = "String")
    public static final String PATH = "CamelUiPathPath";

    @Metadata(
            label = "consumer",
            description = "The webhook event type, such as job.completed or queueItem.added.",
            javaType = "String")
    public static final String EVENT_TYPE = "CamelUiPathEventType";

    @Metadata(label = "consumer", description = "The webhook event's EventId.", javaType = "String")
    public static final String EVENT_ID = "CamelUiPathEventId";

    @Metadata(
            label = "consumer",
            description = "The watermark of the record a polling consumer hands out: its Id, or its time and Id"
                    + " separated by a bar.",
            javaType = "String")
    public static final String WATERMARK = "CamelUiPathWatermark";

    @Metadata(description = "The entity set or action of the endpoint.", javaType = "String")
    public static final String RESOURCE = "CamelUiPathResource";

    private UiPathConstants() {}
}

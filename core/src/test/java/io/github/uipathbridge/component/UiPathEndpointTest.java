package io.github.uipathbridge.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UiPathEndpointTest {

    private final AtomicInteger calls = new AtomicInteger();

    private CamelContext context;

    @BeforeEach
    void createContext() {
        context = new DefaultCamelContext();
        UiPathComponent component = new UiPathComponent();
        component.getConfiguration().setOrchestratorUrl("https://cloud.uipath.com/acme/DefaultTenant/orchestrator_");
        component.setTransport(request -> {
            calls.incrementAndGet();
            throw new IOException("no calls expected");
        });
        context.addComponent("uipath", component);
    }

    @AfterEach
    void stopContext() {
        context.stop();
    }

    @Test
    void unknownEntitySetFailsTheRouteAtStart() {
        assertThatThrownBy(() -> start("uipath:QueueItem?folderPath=Shared"))
                .rootCause()
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown resource 'QueueItem': not an Orchestrator entity set");
        assertThat(calls).hasValue(0);
    }

    @Test
    void unknownOperationFailsTheRouteAtStart() {
        assertThatThrownBy(() -> start("uipath:Jobs?operation=delete"))
                .rootCause()
                .hasMessage("operation must be list or get, got: delete");
    }

    @Test
    void unknownOptionFailsTheRouteAtStart() {
        assertThatThrownBy(() -> start("uipath:Jobs?folderPth=Shared"))
                .hasMessageContaining("Unknown parameters=[{folderPth=Shared}]");
    }

    @Test
    void twoFoldersFailTheRouteAtStart() {
        assertThatThrownBy(() -> start("uipath:Jobs?folderPath=Shared&folderId=3"))
                .rootCause()
                .hasMessage("set only one of folderId, folderKey and folderPath");
    }

    @Test
    void watermarkFieldTheEntityLacksFailsTheRouteAtStart() {
        assertThatThrownBy(() -> start("uipath:QueueItems?folderPath=Shared&watermarkField=LastModificationTime"))
                .rootCause()
                .hasMessageStartingWith("watermarkField LastModificationTime is not available on QueueItems");
    }

    @Test
    void webhookWithoutSecretFailsTheRouteAtStart() {
        assertThatThrownBy(() -> start("uipath:webhook?path=/events"))
                .rootCause()
                .hasMessage("webhookSecret must be set");
    }

    @Test
    void entitySetNamesAreMatchedIgnoringCase() throws Exception {
        start("uipath:queueitems?folderPath=Shared");

        UiPathEndpoint endpoint = context.getEndpoints().stream()
                .filter(UiPathEndpoint.class::isInstance)
                .map(UiPathEndpoint.class::cast)
                .findFirst()
                .orElseThrow();
        assertThat(endpoint.canonicalResource()).isEqualTo("QueueItems");
        assertThat(calls).hasValue(0);
    }

    @Test
    void orderByOtherThanIdSwitchesListingToSkipPaging() throws Exception {
        start("uipath:Jobs?folderPath=Shared&orderBy=StartTime desc");

        UiPathEndpoint endpoint =
                context.getEndpoint("uipath:Jobs?folderPath=Shared&orderBy=StartTime desc", UiPathEndpoint.class);
        assertThat(endpoint.effectivePaging()).isEqualTo(io.github.uipathbridge.component.odata.Paging.SKIP);
    }

    private void start(String uri) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to(uri);
            }
        });
        context.start();
    }
}

package io.github.uipathbridge.benchmarks.export;

import io.github.uipathbridge.component.UiPathComponent;
import io.github.uipathbridge.credentials.CredentialStores;
import io.github.uipathbridge.credentials.StoreConfig;
import io.github.uipathbridge.token.TokenOptions;
import io.github.uipathbridge.token.TokenService;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.dataformat.JsonLibrary;

/**
 * Exports the queue items of folder Shared from a running simulator to JSON-lines files and prints, for each way,
 * records per second and peak heap. Arguments: simulator base URL, record count, time cap of the plain route in
 * seconds, output folder. Credentials come from BENCH_CLIENT_ID and BENCH_CLIENT_SECRET.
 */
public final class ExportBenchmark {

    private static final String SCOPES = "OR.Queues OR.Folders";

    /** The simulator's capacity is measured over at most this many records; its rate does not depend on depth. */
    private static final long CAPACITY_SAMPLE = 200_000;

    private final String orchestratorUrl;

    private final String tokenUrl;

    private final long records;

    private final long plainCapSeconds;

    private final Path out;

    private ExportBenchmark(String base, long records, long plainCapSeconds, Path out) {
        this.orchestratorUrl = base + "/acme/DefaultTenant/orchestrator_";
        this.tokenUrl = base + "/acme/identity_/connect/token";
        this.records = records;
        this.plainCapSeconds = plainCapSeconds;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        ExportBenchmark benchmark =
                new ExportBenchmark(args[0], Long.parseLong(args[1]), Long.parseLong(args[2]), Path.of(args[3]));
        benchmark.awaitSimulator();
        System.out.printf("JVM: %s, max heap %d MiB, %d processors%n", System.getProperty("java.vm.version"),
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
        System.out.printf("%-44s %12s %10s %12s %14s %16s%n",
                "way", "records", "seconds", "records/s", "peak heap MiB", "peak after GC MiB");
        benchmark.report("simulator capacity (keyset GETs, bodies dropped)", benchmark::capacity);
        benchmark.report("uipath: component (keyset, streamed)", benchmark::ours);
        benchmark.report("plain camel-http route ($top/$skip, list, split)", benchmark::plain);
    }

    private interface Phase {
        long run() throws Exception;
    }

    private void report(String name, Phase phase) throws Exception {
        System.gc();
        long count;
        long started;
        long elapsed;
        try (HeapSampler heap = new HeapSampler()) {
            started = System.nanoTime();
            count = phase.run();
            elapsed = System.nanoTime() - started;
            double seconds = elapsed / 1e9;
            System.out.printf("%-44s %12d %10.1f %12.0f %14.1f %16.1f%n", name, count, seconds, count / seconds,
                    heap.peakUsedBytes() / 1048576.0, heap.peakAfterGcBytes() / 1048576.0);
        }
    }

    /** What one client thread can pull from the simulator: keyset pages of 100, bytes read and dropped. */
    private long capacity() throws Exception {
        try (TokenService tokens = TokenService.create()) {
            TokenOptions options = TokenOptions.builder()
                    .tokenEndpoint(URI.create(tokenUrl))
                    .credentialStore(CredentialStores.open("env:BENCH", StoreConfig.system()))
                    .scope(SCOPES)
                    .build();
            String authorization = tokens.token(options).authorizationHeaderValue();
            HttpClient http = HttpClient.newHttpClient();
            long read = 0;
            long sample = Math.min(records, CAPACITY_SAMPLE);
            for (long after = 0; after < sample; after += 100) {
                String query = "$filter=Id%20gt%20" + after + "L&$orderby=Id&$top=100";
                HttpRequest request = HttpRequest.newBuilder(URI.create(orchestratorUrl + "/odata/QueueItems?" + query))
                        .header("Authorization", authorization)
                        .header("X-UIPATH-FolderPath", "Shared")
                        .build();
                HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream body = response.body()) {
                    body.transferTo(OutputStream.nullOutputStream());
                }
                read += Math.min(100, sample - after);
            }
            return read;
        }
    }

    private long ours() throws Exception {
        AtomicLong written = new AtomicLong();
        Path file = out.resolve("ours.jsonl");
        Files.deleteIfExists(file);
        CamelContext context = new DefaultCamelContext();
        UiPathComponent uipath = new UiPathComponent();
        uipath.getConfiguration().setOrchestratorUrl(orchestratorUrl);
        uipath.getConfiguration().setIdentityUrl(tokenUrl);
        uipath.getConfiguration().setCredentials("env:BENCH");
        uipath.getConfiguration().setScopes(SCOPES);
        uipath.getConfiguration().setRequestsPerMinute(0);
        context.addComponent("uipath", uipath);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:ours")
                        .to("uipath:QueueItems?folderPath=Shared&recordFormat=JSON&pageSize=100")
                        .split(body())
                        .streaming()
                        .process(exchange -> written.incrementAndGet())
                        .transform(body().append("\n"))
                        .to("file:" + out + "?fileName=ours.jsonl&fileExist=Append");
            }
        });
        return runRoute(context, "direct:ours", written);
    }

    private long plain() throws Exception {
        AtomicLong written = new AtomicLong();
        Files.deleteIfExists(out.resolve("plain.jsonl"));
        long deadline = System.nanoTime() + plainCapSeconds * 1_000_000_000L;
        String http = orchestratorUrl + "/odata/QueueItems"
                + "?oauth2ClientId=" + System.getenv("BENCH_CLIENT_ID")
                + "&oauth2ClientSecret=RAW(" + System.getenv("BENCH_CLIENT_SECRET") + ")"
                + "&oauth2TokenEndpoint=" + tokenUrl
                + "&oauth2Scope=" + SCOPES.replace(' ', '+')
                + "&oauth2BodyAuthentication=true&oauth2CacheTokens=true";
        CamelContext context = new DefaultCamelContext();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:plain")
                        .setProperty("skip", constant(0L))
                        .setProperty("more", constant(true))
                        .loopDoWhile(exchangeProperty("more"))
                        .removeHeaders("*")
                        .setHeader("X-UIPATH-FolderPath", constant("Shared"))
                        .setHeader(Exchange.HTTP_QUERY, simple("$top=100&$skip=${exchangeProperty.skip}"))
                        .setBody(constant(""))
                        .to(http)
                        .unmarshal()
                        .json(JsonLibrary.Jackson, Map.class)
                        .setBody(simple("${body[value]}"))
                        .process(exchange -> {
                            List<?> page = exchange.getMessage().getBody(List.class);
                            long skip = exchange.getProperty("skip", Long.class) + page.size();
                            exchange.setProperty("skip", skip);
                            exchange.setProperty("more", page.size() == 100 && System.nanoTime() < deadline);
                        })
                        .split(body())
                        .process(exchange -> written.incrementAndGet())
                        .marshal()
                        .json(JsonLibrary.Jackson)
                        .convertBodyTo(String.class)
                        .transform(body().append("\n"))
                        .to("file:" + out + "?fileName=plain.jsonl&fileExist=Append")
                        .end()
                        .end();
            }
        });
        return runRoute(context, "direct:plain", written);
    }

    private static long runRoute(CamelContext context, String uri, AtomicLong written) throws Exception {
        context.start();
        try {
            Exchange done = context.createProducerTemplate().request(uri, exchange -> {});
            if (done.getException() != null) {
                throw done.getException();
            }
            return written.get();
        } finally {
            context.stop();
        }
    }

    private void awaitSimulator() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (int attempt = 0; attempt < 300; attempt++) {
            try {
                http.send(HttpRequest.newBuilder(URI.create(tokenUrl)).build(), HttpResponse.BodyHandlers.discarding());
                return;
            } catch (java.io.IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("the simulator did not start at " + tokenUrl);
    }
}

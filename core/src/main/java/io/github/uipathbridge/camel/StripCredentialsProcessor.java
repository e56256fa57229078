package io.github.uipathbridge.camel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes every header that carries a credential from the message, and every exchange property under the prefix this
 * library reserves for its internal names, so that what the route forwards next (to a queue, a file, a webhook)
 * carries none of them.
 *
 * <p>Which headers carry a credential is decided by {@link CredentialHeaderFilterStrategy#isCredential(String,
 * Object)}: {@code Authorization}, {@code Proxy-Authorization}, {@code Cookie}, {@code Set-Cookie}, names that speak
 * of tokens, secrets, passwords, API keys or signatures, and values that look like a bearer or basic credential or a
 * JWT. Exchange properties are removed when their name starts with
 * {@value CredentialHeaderFilterStrategy#INTERNAL_PREFIX}. The message body is left as it is: a token or secret inside
 * the body (for example an identity server's answer forwarded as is) is not detected.
 *
 * <p>Put it right before every step that forwards data out of the route:
 *
 * <pre>{@code
 * from("direct:machines")
 *     .process(auth).to("https://cloud.uipath.com/org/tenant/orchestrator_/odata/Machines")
 *     .process(new StripCredentialsProcessor())
 *     .to("jms:queue:machines");
 * }</pre>
 *
 * <p>Stateless and safe to share between threads and routes. Only header names are logged, at DEBUG, never values.
 */
public final class StripCredentialsProcessor implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(StripCredentialsProcessor.class);

    @Override
    public void process(Exchange exchange) {
        removeCredentialHeaders(exchange.getMessage());
        removeInternalProperties(exchange);
    }

    private static void removeCredentialHeaders(Message message) {
        Map<String, Object> headers = message.getHeaders();
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, Object> header : headers.entrySet()) {
            if (CredentialHeaderFilterStrategy.isCredential(header.getKey(), header.getValue())) {
                names.add(header.getKey());
            }
        }

        for (String name : names) {
            message.removeHeader(name);
        }
        if (!names.isEmpty()) {
            LOG.debug("Removed credential headers {}", names);
        }
    }

    private static void removeInternalProperties(Exchange exchange) {
        List<String> names = new ArrayList<>();
        for (String name : exchange.getProperties().keySet()) {
            if (CredentialHeaderFilterStrategy.isInternal(name)) {
                names.add(name);
            }
        }

        for (String name : names) {
            exchange.removeProperty(name);
        }
    }
}

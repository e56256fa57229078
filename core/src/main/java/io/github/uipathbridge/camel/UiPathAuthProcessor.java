package io.github.uipathbridge.camel;

import io.github.uipathbridge.http.FolderContext;
import io.github.uipathbridge.token.AccessToken;
import io.github.uipathbridge.token.TokenProvider;
import java.util.List;
import java.util.Objects;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.http.base.HttpOperationFailedException;

/**
 * Puts a bearer token and the Orchestrator folder header on the message, for routes that call Orchestrator with plain
 * camel-http. The token comes from a {@link TokenProvider}, so a cached token is reused and refreshed ahead of expiry.
 *
 * <p>The token must come off the message once the call returns, and a 401 answer must evict the token that was sent.
 * Two ways to get both:
 *
 * <pre>{@code
 * UiPathAuthProcessor auth = UiPathAuthProcessor.builder(tokenService.provider(options)).folderPath("Finance").build();
 *
 * // Recommended: one step that authorizes, calls, retries once on 401 and removes the token, even on failure.
 * from("timer:jobs").process(auth.call("https://cloud.uipath.com/org/tenant/orchestrator_/odata/Jobs"))
 *     .to("file:out");
 *
 * // Plain steps: no retry; the 401 evicts the token so the next exchange gets a new one.
 * from("timer:jobs").process(auth).to("https://...?throwExceptionOnFailure=false").process(auth.after())
 *     .to("file:out");
 * }</pre>
 *
 * <p>With the plain steps, a camel-http endpoint left at {@code throwExceptionOnFailure=true} throws on a 401, the
 * route stops before {@link #after()} and the token stays on the message that reaches the error handler; use {@link
 * #call(String)}, {@code throwExceptionOnFailure=false} or a {@code doTry()/doFinally()} around the call.
 *
 * <p>This library never logs the token, but the Apache HTTP client under camel-http logs every request header, the
 * token included, at DEBUG on {@code org.apache.hc.client5.http.headers} and {@code org.apache.hc.client5.http.wire};
 * keep those loggers at INFO or above wherever logs are kept.
 *
 * <p>The folder header is one of {@value #ORGANIZATION_UNIT_ID}, {@value #FOLDER_KEY}, {@value #FOLDER_PATH} or, for a
 * path that is not printable ASCII, {@value #FOLDER_PATH_ENCODED} (Base64 of the path in UTF-16LE, as Orchestrator
 * expects). When a folder is configured the processor removes the other three, so a message carries exactly one; when
 * none is configured, folder headers already on the message are left alone (tenant-level calls need none).
 *
 * <p>Safe to share between routes and threads. Its only mutable state is the last token it handed out with that
 * token's header value, kept so the hot path does not rebuild the header for every message.
 */
public final class UiPathAuthProcessor implements Processor {

    /** Folder header holding the numeric folder (organization unit) id. */
    public static final String ORGANIZATION_UNIT_ID = FolderContext.FOLDER_ID_HEADER;

    /** Folder header holding the folder key, a GUID. */
    public static final String FOLDER_KEY = FolderContext.FOLDER_KEY_HEADER;

    /** Folder header holding the fully qualified folder path, printable ASCII only. */
    public static final String FOLDER_PATH = FolderContext.FOLDER_PATH_HEADER;

    /** Folder header holding the folder path as Base64 of its UTF-16LE bytes, for paths outside ASCII. */
    public static final String FOLDER_PATH_ENCODED = FolderContext.FOLDER_PATH_ENCODED_HEADER;

    static final String AUTHORIZATION = "Authorization";

    private static final List<String> FOLDER_HEADERS =
            List.of(ORGANIZATION_UNIT_ID, FOLDER_KEY, FOLDER_PATH, FOLDER_PATH_ENCODED);

    private static final int UNAUTHORIZED = 401;

    private final TokenProvider tokenProvider;

    private final String folderHeader;

    private final String folderValue;

    private final Processor after = this::removeToken;

    private volatile Stamp stamp;

    private UiPathAuthProcessor(Builder builder) {
        this.tokenProvider = builder.tokenProvider;
        this.folderHeader = builder.folder.headerName();
        this.folderValue = builder.folder.headerValue();
    }

    /**
     * Starts a processor for the tokens of one provider.
     *
     * @param tokenProvider where tokens come from, typically {@code tokenService.provider(options)}
     */
    public static Builder builder(TokenProvider tokenProvider) {
        return new Builder(tokenProvider);
    }

    /**
     * Sets {@code Authorization: Bearer <token>} and the folder header. Nothing else is put on the exchange: the
     * processor remembers the last token it handed out, which is how {@link #after()} knows which token a 401 refused.
     *
     * @throws io.github.uipathbridge.token.TokenException if no token could be obtained; the message is then untouched
     */
    @Override
    public void process(Exchange exchange) {
        authorize(exchange);
    }

    /**
     * The step to run right after the HTTP call: if the answer was 401 it evicts the token that was sent (only that
     * one, so a late 401 never evicts a newer token), then it removes {@code Authorization}. It does not retry;
     * {@link #call(String)} does.
     */
    public Processor after() {
        return after;
    }

    /**
     * One step that authorizes the message, sends it to {@code endpointUri}, and on a 401 answer evicts the token
     * sent, puts a new one on the original request and sends it once more. The token comes off the message whatever
     * the outcome. See {@link AuthorizedCallProcessor}.
     *
     * @param endpointUri the Camel endpoint of the call, for example an {@code https:} camel-http URI
     */
    public AuthorizedCallProcessor call(String endpointUri) {
        return new AuthorizedCallProcessor(this, endpointUri);
    }

    /** The provider tokens come from. */
    public TokenProvider tokenProvider() {
        return tokenProvider;
    }

    /** Whether the call on this exchange was answered 401, by a response header or by camel-http's exception. */
    static boolean isUnauthorized(Exchange exchange) {
        if (exchange.getException() instanceof HttpOperationFailedException failure) {
            return failure.getStatusCode() == UNAUTHORIZED;
        }
        if (exchange.getException() != null) {
            return false;
        }
        Integer status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        return status != null && status == UNAUTHORIZED;
    }

    /** Puts the token and the folder header on the message and returns the token put there. */
    AccessToken authorize(Exchange exchange) {
        Stamp current = stamp(tokenProvider.get());

        Message message = exchange.getMessage();
        message.setHeader(AUTHORIZATION, current.header);
        if (folderHeader != null) {
            setFolderHeader(message);
        }
        return current.token;
    }

    static void stripToken(Exchange exchange) {
        exchange.getMessage().removeHeader(AUTHORIZATION);
    }

    private void removeToken(Exchange exchange) {
        try {
            if (isUnauthorized(exchange)) {
                evictIfSentByThis(exchange.getMessage().getHeader(AUTHORIZATION));
            }
        } finally {
            stripToken(exchange);
        }
    }

    // The message carries the Authorization value, not the token object. If it is the value of the last token this
    // processor handed out, that token is the one refused; if it is older, a newer token exists already and evicting
    // is not wanted (TokenProvider.invalidate would ignore it anyway).
    private void evictIfSentByThis(Object sentHeader) {
        Stamp last = stamp;
        if (last != null && last.header.equals(sentHeader)) {
            tokenProvider.invalidate(last.token);
        }
    }

    // The header value of the last token seen, so the hot path does not copy a JWT of a kilobyte or more per message.
    private Stamp stamp(AccessToken token) {
        Stamp last = stamp;
        if (last != null && last.token == token) {
            return last;
        }
        Stamp fresh = new Stamp(token);
        stamp = fresh;
        return fresh;
    }

    private void setFolderHeader(Message message) {
        for (String name : FOLDER_HEADERS) {
            if (!name.equals(folderHeader)) {
                message.removeHeader(name);
            }
        }
        message.setHeader(folderHeader, folderValue);
    }

    /** Builds a {@link UiPathAuthProcessor}; at most one folder setting may be given. */
    public static final class Builder {

        private final TokenProvider tokenProvider;

        private FolderContext folder = FolderContext.NONE;

        private Builder(TokenProvider tokenProvider) {
            this.tokenProvider = Objects.requireNonNull(tokenProvider, "tokenProvider must not be null");
        }

        /** The folder by its numeric id ({@value #ORGANIZATION_UNIT_ID}); it changes when the licence plan does. */
        public Builder folderId(long folderId) {
            if (folderId <= 0) {
                throw new IllegalArgumentException("folderId must be positive, not " + folderId);
            }
            return folder(FolderContext.of(folderId, null, null));
        }

        /** The folder by its key ({@value #FOLDER_KEY}), a GUID. */
        public Builder folderKey(String folderKey) {
            Objects.requireNonNull(folderKey, "folderKey must not be null");
            try {
                return folder(FolderContext.byKey(folderKey));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("folderKey must be a GUID, not '" + folderKey + "'", e);
            }
        }

        /**
         * The folder by its fully qualified path, for example {@code Finance/Invoices}. Sent as {@value #FOLDER_PATH}
         * when the path is printable ASCII, else as {@value #FOLDER_PATH_ENCODED}.
         */
        public Builder folderPath(String folderPath) {
            Objects.requireNonNull(folderPath, "folderPath must not be null");
            if (folderPath.isBlank()) {
                throw new IllegalArgumentException("folderPath must not be blank");
            }
            return folder(FolderContext.byPath(folderPath));
        }

        public UiPathAuthProcessor build() {
            return new UiPathAuthProcessor(this);
        }

        private Builder folder(FolderContext chosen) {
            if (folder.isSet()) {
                throw new IllegalStateException(
                        "only one folder setting is allowed; " + folder.headerName() + " is already set");
            }
            this.folder = chosen;
            return this;
        }
    }

    /** A token with its {@code Authorization} value; a class rather than a record so that toString shows neither. */
    private static final class Stamp {

        private final AccessToken token;

        private final String header;

        private Stamp(AccessToken token) {
            this.token = token;
            this.header = token.authorizationHeaderValue();
        }

        @Override
        public String toString() {
            return "Stamp[" + token + "]";
        }
    }
}

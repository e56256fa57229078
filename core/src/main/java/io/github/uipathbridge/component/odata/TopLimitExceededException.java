package io.github.uipathbridge.component.odata;

/**
 * A {@link PagedRecords.PageSource} raises this when the service refused a page because its {@code $top} was above
 * the service's limit; {@link PagedRecords} then asks again with the limit as page size.
 */
public class TopLimitExceededException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int limit;

    public TopLimitExceededException(int limit, RuntimeException cause) {
        super("the service accepts at most $top=" + limit, cause);
        this.limit = limit;
    }

    /** The largest page the service accepts. */
    public int limit() {
        return limit;
    }
}

package io.github.uipathbridge.component.odata;

/** How a collection is read past its first page. */
public enum Paging {
    /**
     * Keyset paging, the default: each page asks for records whose key is greater than the last one seen
     * ({@code Id gt N} with {@code $orderby=Id}). Records added or removed while reading neither shift nor repeat.
     */
    KEYSET,

    /**
     * {@code $top}/{@code $skip} paging, for an order other than the key. Records added or removed while reading can be
     * skipped or read twice, and deep pages cost the server more.
     */
    SKIP,

    /** One request only; what the service returns (with its silent cap when no {@code $top} is given). */
    NONE
}

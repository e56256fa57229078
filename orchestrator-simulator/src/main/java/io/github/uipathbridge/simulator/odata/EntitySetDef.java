package io.github.uipathbridge.simulator.odata;

import io.github.uipathbridge.simulator.data.EntitySource;
import java.util.Set;

/**
 * How one entity set behaves on the API.
 *
 * @param name the set's name in URLs and in {@code @odata.context}
 * @param source where the entities come from
 * @param scopeFamily the OAuth scope family, such as {@code OR.Jobs}
 * @param folderScoped whether a folder header is required and filters the set
 * @param navigation navigation properties that appear only with {@code $expand}
 * @param maxTop the largest {@code $top}, also the silent cap without one
 * @param countable whether {@code $count=true} adds {@code @odata.count}
 * @param rateLimited whether GET on the collection counts against the per-tenant rate limit (cloud profile)
 * @param catalog known properties, for query validation
 */
public record EntitySetDef(
        String name,
        EntitySource source,
        String scopeFamily,
        boolean folderScoped,
        Set<String> navigation,
        int maxTop,
        boolean countable,
        boolean rateLimited,
        PropertyCatalog catalog) {}

package io.github.uipathbridge.simulator.data;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/** Small deterministic value makers for seeded data. */
final class Values {

    private Values() {}

    /** A version 4 style UUID drawn from the random source, so the same seed gives the same keys. */
    static UUID uuid(SplittableRandom random) {
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least);
    }

    /** The SQL Server rowversion shape: eight bytes, Base64. */
    static String rowVersion(long value) {
        return Base64.getEncoder()
                .encodeToString(ByteBuffer.allocate(8).putLong(value).array());
    }

    /** A W3C trace id: 32 lowercase hex digits. */
    static String traceId(SplittableRandom random) {
        return String.format("%016x%016x", random.nextLong(), random.nextLong());
    }

    static <T> T pick(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** A random source for item {@code id} that does not depend on any other item. */
    static SplittableRandom forId(long seed, long salt, long id) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + salt * 0xC2B2AE3D27D4EB4FL + id);
    }
}

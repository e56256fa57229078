package io.github.uipathbridge.simulator;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Immutable settings of an {@link OrchestratorSimulator}; build with {@link #builder()}.
 *
 * <p>Defaults: free port on 127.0.0.1, org {@code acme}, tenant {@code DefaultTenant}, client id {@code
 * sandbox-client}, a generated client secret, tokens valid 3600 s, 1000 queue items, 50 jobs, 20 machines, 100
 * requests per minute on the limited collections, cloud profile, seed 42, a failing webhook disabled for one hour,
 * the system UTC clock and no automatic life ticks (call {@link SimulatorControl#advance()}).
 */
public final class SimulatorOptions {

    private final int port;
    private final String org;
    private final String tenant;
    private final String clientId;
    private final String clientSecret;
    private final Duration tokenTtl;
    private final int queueItems;
    private final int jobs;
    private final int machines;
    private final int rateLimitPerMinute;
    private final Profile profile;
    private final long seed;
    private final Duration webhookDisableDuration;
    private final Duration tickInterval;
    private final Clock clock;

    private SimulatorOptions(Builder b) {
        this.port = b.port;
        this.org = b.org;
        this.tenant = b.tenant;
        this.clientId = b.clientId;
        this.clientSecret = b.clientSecret;
        this.tokenTtl = b.tokenTtl;
        this.queueItems = b.queueItems;
        this.jobs = b.jobs;
        this.machines = b.machines;
        this.rateLimitPerMinute = b.rateLimitPerMinute;
        this.profile = b.profile;
        this.seed = b.seed;
        this.webhookDisableDuration = b.webhookDisableDuration;
        this.tickInterval = b.tickInterval;
        this.clock = b.clock;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Options with every default. */
    public static SimulatorOptions defaults() {
        return builder().build();
    }

    public int port() {
        return port;
    }

    public String org() {
        return org;
    }

    public String tenant() {
        return tenant;
    }

    public String clientId() {
        return clientId;
    }

    /** The configured secret, empty when the simulator generates one at start. */
    public Optional<String> clientSecret() {
        return Optional.ofNullable(clientSecret);
    }

    public Duration tokenTtl() {
        return tokenTtl;
    }

    public int queueItems() {
        return queueItems;
    }

    public int jobs() {
        return jobs;
    }

    public int machines() {
        return machines;
    }

    /** Requests per minute per tenant on GET Jobs and GET QueueItems (cloud profile only); 0 means no limit. */
    public int rateLimitPerMinute() {
        return rateLimitPerMinute;
    }

    public Profile profile() {
        return profile;
    }

    public long seed() {
        return seed;
    }

    public Duration webhookDisableDuration() {
        return webhookDisableDuration;
    }

    /** Interval of automatic life ticks; {@link Duration#ZERO} means ticks happen only through the control API. */
    public Duration tickInterval() {
        return tickInterval;
    }

    public Clock clock() {
        return clock;
    }

    @Override
    public String toString() {
        return "SimulatorOptions[port=" + port + ", org=" + org + ", tenant=" + tenant + ", clientId=" + clientId
                + ", clientSecret=" + (clientSecret == null ? "generated" : "****") + ", profile=" + profile + "]";
    }

    /** Builder of {@link SimulatorOptions}; every setter checks its argument at once. */
    public static final class Builder {
        private int port;
        private String org = "acme";
        private String tenant = "DefaultTenant";
        private String clientId = "sandbox-client";
        private String clientSecret;
        private Duration tokenTtl = Duration.ofHours(1);
        private int queueItems = 1000;
        private int jobs = 50;
        private int machines = 20;
        private int rateLimitPerMinute = 100;
        private Profile profile = Profile.CLOUD;
        private long seed = 42;
        private Duration webhookDisableDuration = Duration.ofHours(1);
        private Duration tickInterval = Duration.ZERO;
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /** TCP port on 127.0.0.1; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be between 0 and 65535: " + port);
            }
            this.port = port;
            return this;
        }

        public Builder org(String org) {
            this.org = requireName(org, "org");
            return this;
        }

        public Builder tenant(String tenant) {
            this.tenant = requireName(tenant, "tenant");
            return this;
        }

        public Builder clientId(String clientId) {
            this.clientId = requireName(clientId, "clientId");
            return this;
        }

        /** The default app's secret; when never set, a random one is generated at start. */
        public Builder clientSecret(String clientSecret) {
            this.clientSecret = requireName(clientSecret, "clientSecret");
            return this;
        }

        public Builder tokenTtl(Duration tokenTtl) {
            this.tokenTtl = requirePositive(tokenTtl, "tokenTtl");
            return this;
        }

        /** Number of seeded queue items (generated on demand, not held in memory), up to 10,000,000. */
        public Builder queueItems(int queueItems) {
            this.queueItems = requireRange(queueItems, 0, 10_000_000, "queueItems");
            return this;
        }

        public Builder jobs(int jobs) {
            this.jobs = requireRange(jobs, 0, 1_000_000, "jobs");
            return this;
        }

        /** Number of seeded machines (each with one unattended robot and one session), at least 1. */
        public Builder machines(int machines) {
            this.machines = requireRange(machines, 1, 100_000, "machines");
            return this;
        }

        public Builder rateLimitPerMinute(int rateLimitPerMinute) {
            this.rateLimitPerMinute = requireRange(rateLimitPerMinute, 0, Integer.MAX_VALUE, "rateLimitPerMinute");
            return this;
        }

        public Builder profile(Profile profile) {
            this.profile = Objects.requireNonNull(profile, "profile");
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder webhookDisableDuration(Duration webhookDisableDuration) {
            this.webhookDisableDuration = requirePositive(webhookDisableDuration, "webhookDisableDuration");
            return this;
        }

        public Builder tickInterval(Duration tickInterval) {
            Objects.requireNonNull(tickInterval, "tickInterval");
            if (tickInterval.isNegative()) {
                throw new IllegalArgumentException("tickInterval must not be negative: " + tickInterval);
            }
            this.tickInterval = tickInterval;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public SimulatorOptions build() {
            return new SimulatorOptions(this);
        }

        private static String requireName(String value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isBlank()) {
                throw new IllegalArgumentException(name + " must not be blank");
            }
            return value;
        }

        private static Duration requirePositive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isZero() || value.isNegative()) {
                throw new IllegalArgumentException(name + " must be positive: " + value);
            }
            return value;
        }

        private static int requireRange(int value, int min, int max, String name) {
            if (value < min || value > max) {
                throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ": " + value);
            }
            return value;
        }
    }
}

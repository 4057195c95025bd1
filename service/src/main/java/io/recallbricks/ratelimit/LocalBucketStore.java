package io.recallbricks.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

import java.time.Duration;

/**
 * Buckets of this instance. A bucket idle for two windows is full again anyway, so it is dropped, which keeps the
 * map bounded by the tenants active recently.
 */
final class LocalBucketStore implements BucketStore {

    private final Cache<String, Bucket> buckets;

    LocalBucketStore(Duration window) {
        this.buckets = Caffeine.newBuilder().expireAfterAccess(window.multipliedBy(2)).maximumSize(1_000_000).build();
    }

    @Override
    public ConsumptionProbe tryConsume(String key, BucketConfiguration configuration) {
        return bucket(key, configuration).tryConsumeAndReturnRemaining(1);
    }

    @Override
    public long available(String key, BucketConfiguration configuration) {
        return bucket(key, configuration).getAvailableTokens();
    }

    private Bucket bucket(String key, BucketConfiguration configuration) {
        return buckets.get(key, ignored -> Bucket.builder().addLimit(configuration.getBandwidths()[0]).build());
    }
}

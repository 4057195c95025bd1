package io.recallbricks.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

/** Where token buckets live: in this process, or in Redis for all instances. */
interface BucketStore {

    /** Takes one token from the bucket {@code key} (created full with {@code configuration} on first use). */
    ConsumptionProbe tryConsume(String key, BucketConfiguration configuration);

    /** Tokens left in the bucket, without taking one. */
    long available(String key, BucketConfiguration configuration);
}

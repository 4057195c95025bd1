package io.recallbricks.bench.resilience;

import io.recallbricks.ratelimit.Decision;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateLimitBenchmarkTest {

    @Test
    void tokensAreGrantedSoTheBenchmarkMeasuresAdmissionNotRefusal() {
        RateLimitBenchmark benchmark = new RateLimitBenchmark();
        benchmark.setUp();
        RateLimitBenchmark.Cursor cursor = new RateLimitBenchmark.Cursor();
        cursor.start();

        for (int i = 0; i < 10_000; i++) {
            Decision user = benchmark.userToken(cursor);
            Decision global = benchmark.globalToken();
            assertTrue(user.allowed() && global.allowed(), "refused at request " + i);
        }
        assertEquals(100_000_000L, benchmark.globalToken().limit());
    }
}

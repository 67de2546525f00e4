package dev.gansvc.ratelimits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The token buckets behind {@code gan.rates}, on a clock the test moves. */
class RateLimitTest {

    private final TestClock clock = new TestClock();

    private RateLimit perMinute(int limit) {
        return new RateLimit(
                limit, Duration.ofMinutes(1), "sampling requests", "a minute", "gan.rates.sampling-per-minute", clock);
    }

    @Test
    void aCallerMayMakeItsWholeAllowanceAtOnceAndNoMore() {
        RateLimit limit = perMinute(120);
        for (int i = 0; i < 120; i++) {
            assertThat(limit.take("key 1")).as("request %d", i + 1).isZero();
        }
        assertThat(limit.take("key 1")).as("one back every 500 ms").isEqualTo(1);
        assertThat(limit.wait("key 1")).isEqualTo(1);
        assertThat(limit.refusal("this API key", 1))
                .isEqualTo("this API key has used its 120 sampling requests a minute, the most allowed "
                        + "(gan.rates.sampling-per-minute); try again in 1 s");

        assertThat(limit.take("key 2")).as("another caller has its own").isZero();
        assertThat(limit.wait("key 3")).isZero();
    }

    @Test
    void requestsComeBackEvenlyOverThePeriod() {
        RateLimit limit = perMinute(6);
        for (int i = 0; i < 6; i++) {
            limit.take("a");
        }
        assertThat(limit.take("a")).as("the next is due in 10 s").isEqualTo(10);
        clock.advance(Duration.ofMillis(9_001));
        assertThat(limit.take("a")).as("a refused request is not counted").isEqualTo(1);
        clock.advance(Duration.ofMillis(998));
        assertThat(limit.wait("a")).isEqualTo(1);
        clock.advance(Duration.ofMillis(1));
        assertThat(limit.wait("a")).isZero();
        assertThat(limit.take("a")).isZero();
        assertThat(limit.take("a")).isEqualTo(10);

        clock.advance(Duration.ofHours(5));
        for (int i = 0; i < 6; i++) {
            assertThat(limit.take("a"))
                    .as("after a long wait, the whole allowance")
                    .isZero();
        }
        assertThat(limit.take("a")).as("and no more").isEqualTo(10);
    }

    @Test
    void aClockThatGoesBackGivesNothingBack() {
        RateLimit limit = perMinute(1);
        assertThat(limit.take("a")).isZero();
        clock.advance(Duration.ofSeconds(-30));
        assertThat(limit.take("a")).isEqualTo(60);
        clock.advance(Duration.ofSeconds(89));
        assertThat(limit.take("a")).as("due a minute after the last request").isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(limit.take("a")).isZero();
    }

    @Test
    void zeroIsNoLimit() {
        RateLimit limit = perMinute(0);
        for (int i = 0; i < 10_000; i++) {
            assertThat(limit.take("a")).isZero();
        }
        assertThat(limit.callers()).isZero();
    }

    @Test
    void theBucketsKeptAreBoundedWhateverCallersThereAre() {
        RateLimit limit = perMinute(1);
        limit.take("first");
        for (int i = 0; i < RateLimit.MAX_CALLERS + 500; i++) {
            limit.take("address " + i);
            limit.wait("first"); // seen often: kept
        }
        assertThat(limit.callers()).isEqualTo(RateLimit.MAX_CALLERS);
        assertThat(limit.take("first"))
                .as("the recently seen caller's bucket was kept")
                .isEqualTo(60);
        assertThat(limit.take("address 0"))
                .as("the least recently seen were dropped: their buckets are full again")
                .isZero();
    }

    private static final class TestClock extends Clock {

        private Instant now = Instant.parse("2025-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}

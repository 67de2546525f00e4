package dev.gansvc.ratelimits;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * At most {@code limit} requests per {@code period} for each caller: a token bucket per caller
 * that holds {@code limit} requests, so a caller may make them all at once, and refills evenly
 * over the period (one back every {@code period / limit}). A limit of 0 allows everything.
 *
 * <p>The buckets of at most {@link #MAX_CALLERS} callers are kept, the least recently seen
 * dropped first, so what clients send cannot make the map grow without bound; a dropped bucket
 * comes back full, which is what an idle caller's bucket is anyway.
 */
public final class RateLimit {

    static final int MAX_CALLERS = 10_000;

    private final int limit;
    private final long periodMillis;
    private final String what;
    private final String per;
    private final String property;
    private final Clock clock;

    /** Callers' buckets, the least recently used first. */
    private final LinkedHashMap<String, Bucket> buckets = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_CALLERS;
        }
    };

    /**
     * @param what     the requests counted, for the refusal: "sampling requests"
     * @param per      the period in words, for the refusal: "a minute"
     * @param property the property that sets {@code limit}, named in the refusal
     */
    public RateLimit(int limit, Duration period, String what, String per, String property, Clock clock) {
        if (limit < 0 || period.toMillis() <= 0) {
            throw new IllegalArgumentException("a limit of " + limit + " per " + period);
        }
        this.limit = limit;
        this.periodMillis = period.toMillis();
        this.what = what;
        this.per = per;
        this.property = property;
        this.clock = clock;
    }

    /**
     * Counts one request of {@code caller}'s: 0 when it was allowed, else the seconds (at least 1)
     * until the caller may make one again; a refused request is not counted.
     */
    public int take(String caller) {
        if (limit == 0) {
            return 0;
        }
        synchronized (buckets) {
            long now = clock.millis();
            Bucket bucket = buckets.computeIfAbsent(caller, c -> new Bucket(limit * periodMillis, now));
            bucket.refill(now);
            if (bucket.credit >= periodMillis) {
                bucket.credit -= periodMillis;
                return 0;
            }
            return bucket.secondsToNext();
        }
    }

    /** The seconds (at least 1) until {@code caller} may make a request, or 0 if it may now; counts nothing. */
    public int wait(String caller) {
        if (limit == 0) {
            return 0;
        }
        synchronized (buckets) {
            Bucket bucket = buckets.get(caller);
            if (bucket == null) {
                return 0;
            }
            bucket.refill(clock.millis());
            return bucket.credit >= periodMillis ? 0 : bucket.secondsToNext();
        }
    }

    /** Why a request of {@code who}'s ("this API key") was refused, naming the limit and its property. */
    public String refusal(String who, int retryAfterSeconds) {
        return "%s has used its %d %s %s, the most allowed (%s); try again in %d s"
                .formatted(who, limit, what, per, property, retryAfterSeconds);
    }

    /** Callers with a bucket kept. */
    int callers() {
        synchronized (buckets) {
            return buckets.size();
        }
    }

    /**
     * A caller's requests left, in milliseconds of refill: each request costs {@code periodMillis},
     * and {@code limit} are added every millisecond, up to {@code limit * periodMillis} (a full
     * bucket). Whole numbers, so that a request is back exactly when it is due.
     */
    private final class Bucket {

        long credit;
        long refilledAt;

        Bucket(long credit, long refilledAt) {
            this.credit = credit;
            this.refilledAt = refilledAt;
        }

        void refill(long now) {
            // At most one period counts: the bucket is full by then (and the product cannot overflow).
            long elapsed = Math.min(Math.max(0, now - refilledAt), periodMillis);
            credit = Math.min(limit * periodMillis, credit + elapsed * limit);
            refilledAt = Math.max(refilledAt, now);
        }

        int secondsToNext() {
            long millis = (periodMillis - credit + limit - 1) / limit;
            return (int) Math.max(1, (millis + 999) / 1000);
        }
    }
}

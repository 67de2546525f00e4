package dev.gansvc.events;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Live event streams ({@code gan.events}).
 *
 * @param interval   how often a stream looks for news and sends it: loss points are batched per interval
 * @param heartbeat  the longest a stream stays silent: a comment line then keeps proxies from closing it
 * @param timeout    when a stream is closed anyway; the browser reconnects with Last-Event-ID and loses nothing
 * @param maxStreams streams open at once on this instance; one more is refused with 429
 */
@ConfigurationProperties("gan.events")
public record EventProperties(Duration interval, Duration heartbeat, Duration timeout, int maxStreams) {

    public EventProperties {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("gan.events.interval must be positive");
        }
        if (maxStreams < 1) {
            throw new IllegalArgumentException("gan.events.max-streams must be at least 1");
        }
    }
}

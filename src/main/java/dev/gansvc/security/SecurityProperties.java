package dev.gansvc.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Everything under {@code gan.security}.
 *
 * @param mode               {@code open} (the default): every request is allowed without a key, and
 *                           the server listens on 127.0.0.1 only; {@code keys}: every request but the
 *                           health check and the API documentation needs {@code Authorization: Bearer KEY}
 * @param adminKey           a key (env {@code GAN_SECURITY_ADMIN_KEY}) stored, hashed, as an admin key
 *                           at start-up if it is not stored yet; the way to make the first key
 * @param allowOpenOnNetwork lets {@code open} mode listen on an address other than the loopback
 *                           ({@code server.address}); without it such a start is refused
 */
@ConfigurationProperties("gan.security")
public record SecurityProperties(Mode mode, String adminKey, boolean allowOpenOnNetwork) {

    public SecurityProperties {
        mode = mode == null ? Mode.OPEN : mode;
        adminKey = adminKey == null || adminKey.isBlank() ? null : adminKey.strip();
    }

    public enum Mode {
        OPEN,
        KEYS
    }
}

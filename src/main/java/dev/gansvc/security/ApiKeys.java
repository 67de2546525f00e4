package dev.gansvc.security;

import dev.gansvc.Hashes;
import dev.gansvc.web.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

/**
 * Making, listing, deleting and checking API keys. A key is 32 random bytes (base64url, prefixed
 * {@code gan_}); only its SHA-256 is stored: the keys are random, so a plain hash is as good as
 * a slow one. At start-up in {@code keys} mode, {@code gan.security.admin-key} is stored as an
 * admin key unless it is already.
 */
@Service
public class ApiKeys implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ApiKeys.class);
    private static final String PREFIX = "gan_";

    private final ApiKeyRepository keys;
    private final SecurityProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ApiKeys(ApiKeyRepository keys, SecurityProperties properties, Clock clock) {
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
    }

    /** A key made this once, with the key itself: it cannot be read again. */
    public record Created(ApiKey stored, String key) {}

    public Created create(String name, Role role) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiKey stored = keys.save(new ApiKey(name, role, hash(key), clock.instant()));
        return new Created(stored, key);
    }

    public List<ApiKey> list() {
        return keys.findAll(Sort.by("id"));
    }

    public void delete(long id) {
        if (!keys.existsById(id)) {
            throw new NotFoundException("key " + id + " does not exist");
        }
        keys.deleteById(id);
    }

    /** The stored key a presented key matches, if any; the hashes are compared in constant time. */
    public Optional<ApiKey> authenticate(String presented) {
        if (presented == null || presented.isEmpty() || presented.length() > 512) {
            return Optional.empty();
        }
        String hash = hash(presented);
        return keys.findByKeyHash(hash)
                .filter(k -> MessageDigest.isEqual(
                        k.getKeyHash().getBytes(StandardCharsets.US_ASCII), hash.getBytes(StandardCharsets.US_ASCII)));
    }

    static String hash(String key) {
        return Hashes.sha256(key.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (properties.mode() != SecurityProperties.Mode.KEYS) {
            return;
        }
        if (properties.adminKey() != null) {
            String hash = hash(properties.adminKey());
            if (!keys.existsByKeyHash(hash)) {
                keys.save(new ApiKey("admin (gan.security.admin-key)", Role.ADMIN, hash, clock.instant()));
                log.info("stored gan.security.admin-key as an admin key");
            }
        } else if (keys.count() == 0) {
            log.warn("gan.security.mode is keys but there are no keys and no gan.security.admin-key: "
                    + "every request but the health check and the API documentation will be refused");
        }
    }
}

package dev.gansvc.security;

import dev.gansvc.web.ForbiddenException;
import java.security.Principal;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The API key of the request being served, if it came with one: none in {@code open} mode, where
 * everything is allowed. As the request's principal ({@code getUserPrincipal()}) it is named by
 * the key's id, which the rate limits count requests by.
 */
public record Caller(long keyId, Role role) implements Principal {

    @Override
    public String getName() {
        return Long.toString(keyId);
    }

    public static Optional<Caller> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof Caller caller ? Optional.of(caller) : Optional.empty();
    }

    /** The id of the request's key; null without one (open mode). */
    public static Long currentKeyId() {
        return current().map(Caller::keyId).orElse(null);
    }

    /** Whether the caller may act only on what its own key made: a trainer (admins and open mode may on all). */
    public static boolean restrictedToOwn() {
        return current().map(c -> c.role() != Role.ADMIN).orElse(false);
    }

    /** 403 unless the caller may act on something its key {@code ownerKeyId} made. */
    public static void requireOwner(Long ownerKeyId, String what) {
        Optional<Caller> caller = current();
        if (caller.isPresent()
                && caller.get().role() != Role.ADMIN
                && !Objects.equals(ownerKeyId, caller.get().keyId())) {
            throw new ForbiddenException(
                    what + " belongs to another key: a trainer may act only on what its own key made");
        }
    }
}

package dev.gansvc.security;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** What a key may do. Each role may do everything the ones before it may. */
public enum Role {
    /** Every GET. */
    READER,
    /** Also submits jobs, uploads datasets, reconstructs; cancels, retries and deletes its own jobs and datasets. */
    TRAINER,
    /** Everything, keys included. */
    ADMIN;

    /** The name in the API and the database: lower case. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> of(String id) {
        for (Role r : values()) {
            if (r.id().equals(id)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** ROLE_READER for a reader; ROLE_READER and ROLE_TRAINER for a trainer; all three for an admin. */
    List<GrantedAuthority> authorities() {
        return java.util.Arrays.stream(values())
                .filter(r -> r.ordinal() <= ordinal())
                .<GrantedAuthority>map(r -> new SimpleGrantedAuthority("ROLE_" + r.name()))
                .toList();
    }
}

package dev.gansvc.security;

import dev.gansvc.web.FieldProblem;
import dev.gansvc.web.InvalidFieldException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Keys", description = "API keys and their roles (admin; gan.security.mode=keys)")
@RestController
@RequestMapping("/keys")
public class KeyController {

    private static final String PROBLEM = "application/problem+json";

    private final ApiKeys keys;

    public KeyController(ApiKeys keys) {
        this.keys = keys;
    }

    /** @param role reader, trainer or admin */
    public record KeyRequest(String name, String role) {}

    /** A key as listed: never the key or its hash. */
    public record KeyView(long id, String name, String role, Instant createdAt) {
        static KeyView of(ApiKey k) {
            return new KeyView(k.getId(), k.getName(), k.getRole().id(), k.getCreatedAt());
        }
    }

    /** A key just made: the only time the key is shown. */
    public record CreatedKeyView(long id, String name, String role, String key) {}

    @Operation(summary = "Make a key", description = "The answer holds the key: it is shown this once.")
    @ApiResponse(responseCode = "201", description = "Made; the key is in the body")
    @ApiResponse(
            responseCode = "400",
            description = "No name, or an unknown role",
            content = @Content(mediaType = PROBLEM))
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<CreatedKeyView> create(@RequestBody KeyRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty() || name.length() > 64) {
            problems.add(new FieldProblem("name", "must be 1 to 64 characters"));
        }
        Role role = Role.of(request.role()).orElse(null);
        if (role == null) {
            problems.add(new FieldProblem(
                    "role",
                    "must be one of "
                            + Arrays.stream(Role.values()).map(Role::id).toList()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldException(problems);
        }
        ApiKeys.Created created = keys.create(name, role);
        ApiKey k = created.stored();
        return ResponseEntity.created(URI.create("/keys/" + k.getId()))
                .body(new CreatedKeyView(k.getId(), k.getName(), k.getRole().id(), created.key()));
    }

    @Operation(summary = "Every key: id, name, role, when made (not the keys)")
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, List<KeyView>> list() {
        return Map.of("keys", keys.list().stream().map(KeyView::of).toList());
    }

    @Operation(summary = "Delete a key: requests with it are refused (401) from now on")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "404", description = "No such key", content = @Content(mediaType = PROBLEM))
    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(@PathVariable long id) {
        keys.delete(id);
        return ResponseEntity.noContent().build();
    }
}

package dev.gansvc.models;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ArtifactRepository extends JpaRepository<Artifact, Long> {

    /** Size and checksum without reading the bytes. */
    @Query(
            "select new dev.gansvc.models.ArtifactRepository$Summary(a.sizeBytes, a.sha256) from Artifact a where a.id = :id")
    Optional<Summary> findSummary(@Param("id") long id);

    record Summary(long sizeBytes, String sha256) {}
}

package dev.gansvc.datasets;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface UploadedDatasetRepository extends JpaRepository<UploadedDataset, Long> {

    Optional<UploadedDataset> findByName(String name);

    /** Every upload's description without its content. */
    @Query("""
            select new dev.gansvc.datasets.UploadedDatasetRepository$Summary(d.id, d.name, d.kind, d.exampleShape,
                   d.examples, d.classNames, d.sizeBytes, d.sha256, d.createdAt, d.uploadedBy)
              from UploadedDataset d order by d.name""")
    List<Summary> summaries();

    @Query("""
            select new dev.gansvc.datasets.UploadedDatasetRepository$Summary(d.id, d.name, d.kind, d.exampleShape,
                   d.examples, d.classNames, d.sizeBytes, d.sha256, d.createdAt, d.uploadedBy)
              from UploadedDataset d where d.name = :name""")
    Optional<Summary> summary(String name);

    /** The bytes stored for the datasets the key uploaded: what its storage quota counts. */
    @Query("select coalesce(sum(d.sizeBytes), 0) from UploadedDataset d where d.uploadedBy = :keyId")
    long storedBytesOf(long keyId);

    record Summary(
            long id,
            String name,
            String kind,
            String exampleShape,
            int examples,
            String classNames,
            long sizeBytes,
            String sha256,
            Instant createdAt,
            Long uploadedBy) {}
}

package dev.gansvc.models;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface TrainedModelRepository extends JpaRepository<TrainedModel, Long> {

    Optional<TrainedModel> findByJobId(long jobId);
}

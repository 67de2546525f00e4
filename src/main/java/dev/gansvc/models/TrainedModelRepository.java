package dev.gansvc.models;

import org.springframework.data.jpa.repository.JpaRepository;

public interface TrainedModelRepository extends JpaRepository<TrainedModel, Long> {}

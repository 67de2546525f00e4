package dev.gansvc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gansvc.engine.model.GeneratorModel;
import dev.gansvc.engine.model.LossPoint;
import dev.gansvc.engine.model.ModelArtifact;
import dev.gansvc.jobs.Job;
import dev.gansvc.jobs.JobRepository;
import dev.gansvc.jobs.JobRequest;
import dev.gansvc.jobs.JobService;
import dev.gansvc.jobs.JobStatus;
import dev.gansvc.jobs.LossPointRepository;
import dev.gansvc.models.ModelService;
import dev.gansvc.models.ModelView;
import dev.gansvc.support.Jobs;
import dev.gansvc.support.PostgresDatabase;
import dev.gansvc.support.RequiresPostgres;
import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The production database: a real training job, its losses, and its artifact through bytea. */
@RequiresPostgres
@SpringBootTest
@ActiveProfiles("postgres")
@DirtiesContext
class PostgresIntegrationTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresDatabase.get().register(registry);
    }

    @Autowired
    JobService service;

    @Autowired
    JobRepository jobs;

    @Autowired
    LossPointRepository lossPoints;

    @Autowired
    ModelService models;

    @Test
    void trainsAJobAndStoresItsModel() {
        long id = service.submit(new JobRequest("dcgan", "mnist-small", 2, 128, 32, 5L, null, null, null, null, null, null, null, null, null, null, null, null, null)).id();
        Job done = Jobs.awaitStatus(jobs, id, JobStatus.SUCCEEDED, Duration.ofMinutes(4));
        assertThat(lossPoints.find(id, 0, Long.MAX_VALUE, 4)).extracting(LossPoint::iteration)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, done.getTotalIterations()).boxed().toList());
        ModelView model = models.get(done.getModelId());
        assertThat(model.latentDim()).isEqualTo(32);
        GeneratorModel generator = ModelArtifact.readGenerator(models.artifact(model.id()).getContent());
        assertThat(generator.generate(4, 1).shape()).containsExactly(4, 1, 28, 28);
        assertThat(models.samplePng(model.id(), 4, 9, OptionalInt.empty()))
                .isEqualTo(models.samplePng(model.id(), 4, 9, OptionalInt.empty()));
    }
}

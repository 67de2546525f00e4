package dev.gansvc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gansvc.datasets.DatasetService;
import dev.gansvc.datasets.DatasetView;
import dev.gansvc.datasets.UploadedDatasetRepository;
import dev.gansvc.engine.family.ModelFamilies;
import dev.gansvc.engine.model.GeneratorModel;
import dev.gansvc.engine.model.LossPoint;
import dev.gansvc.engine.model.ModelArtifact;
import dev.gansvc.jobs.Job;
import dev.gansvc.jobs.JobRepository;
import dev.gansvc.jobs.JobService;
import dev.gansvc.jobs.JobStatus;
import dev.gansvc.jobs.JobView;
import dev.gansvc.jobs.LossPointRepository;
import dev.gansvc.models.ModelService;
import dev.gansvc.models.ModelView;
import dev.gansvc.support.Jobs;
import dev.gansvc.support.PostgresDatabase;
import dev.gansvc.support.Requests;
import dev.gansvc.support.RequiresPostgres;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The production database: a real training job, its losses, and its artifact through bytea; an upload and a job on it. */
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

    @Autowired
    DatasetService datasets;

    @Autowired
    UploadedDatasetRepository uploads;

    @Test
    void trainsAJobAndStoresItsModel() {
        long id = service.submit(Requests.of("dcgan", "mnist-small", 2, 128, 32, 5L))
                .id();
        Job done = Jobs.awaitStatus(jobs, id, JobStatus.SUCCEEDED, Duration.ofMinutes(4));
        assertThat(lossPoints.find(id, 0, Long.MAX_VALUE, 4))
                .extracting(LossPoint::iteration)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, done.getTotalIterations())
                        .boxed()
                        .toList());
        ModelView model = models.get(done.getModelId());
        assertThat(model.latentDim()).isEqualTo(32);
        GeneratorModel generator =
                ModelArtifact.readGenerator(models.artifact(model.id()).getContent(), ModelFamilies.all());
        assertThat(generator.generate(4, 1).shape()).containsExactly(4, 1, 28, 28);
        assertThat(models.samplePng(model.id(), 4, 9, OptionalInt.empty(), true))
                .isEqualTo(models.samplePng(model.id(), 4, 9, OptionalInt.empty(), true));

        // The listing's filters, each optional, as PostgreSQL binds them.
        PageRequest page = PageRequest.of(0, 200);
        assertThat(service.list(JobStatus.SUCCEEDED, "dcgan", "mnist-small", page)
                        .getContent())
                .extracting(JobView::id)
                .contains(id);
        assertThat(service.list(null, null, "mnist-small", page).getContent())
                .extracting(JobView::id)
                .contains(id);
        assertThat(service.list(JobStatus.QUEUED, "dcgan", null, page).getContent())
                .extracting(JobView::id)
                .doesNotContain(id);
        assertThat(service.list(null, "vae", null, page).getContent())
                .extracting(JobView::id)
                .doesNotContain(id);
    }

    @Test
    void storesAnUploadAndTrainsOnIt() {
        String csv = "x,y,kind\n" + "0.1,0.2,a\n".repeat(60) + "5,5.5,b\n".repeat(60);
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        DatasetView uploaded = datasets.uploadTable("pg-blobs", new ByteArrayInputStream(bytes), "kind");
        assertThat(uploaded.examples()).isEqualTo(120);
        byte[] stored = uploads.findByName("pg-blobs").orElseThrow().getContent();
        assertThat(stored).as("the stored form, read back through bytea").hasSize((int) (long) uploaded.sizeBytes());
        assertThat(Hashes.sha256(stored)).isEqualTo(uploaded.sha256());
        assertThat(datasets.get("pg-blobs").classes()).containsExactly("a", "b");

        long id = service.submit(Requests.packed("cgan", "pg-blobs", 2, 12, 4, 3L, 2))
                .id();
        Job done = Jobs.awaitStatus(jobs, id, JobStatus.SUCCEEDED, Duration.ofMinutes(2));
        GeneratorModel generator =
                ModelArtifact.readGenerator(models.artifact(done.getModelId()).getContent(), ModelFamilies.all());
        assertThat(generator.generate(3, 1, OptionalInt.of(1)).shape()).containsExactly(3, 2);
    }
}

package dev.gansvc.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gansvc.engine.model.LossPoint;
import dev.gansvc.support.PostgresDatabase;
import dev.gansvc.support.RequiresPostgres;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Several instances share one PostgreSQL database: claims racing from many workers give each
 * job to exactly one, and the job updates are fenced by the owning worker (the tests of
 * {@link JobTransitionsContract}, run here on PostgreSQL); loss points are written in batches.
 */
@RequiresPostgres
@SpringBootTest(properties = "gan.workers.enabled=false")
@ActiveProfiles("postgres")
@DirtiesContext
class PostgresJobClaimTest extends JobTransitionsContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresDatabase.get().register(registry);
    }

    @Autowired
    LossPointRepository lossPoints;

    @Test
    void lossPointsAreWrittenInBatchesAndTrimmedOnResume() {
        long id =
                jobs.save(new Job("dcgan", "mnist", "{}", 1000, Instant.now())).getId();
        List<LossPoint> points = new ArrayList<>();
        for (int i = 1; i <= 1200; i++) {
            points.add(new LossPoint(i, 1 + i / 100, new double[] {1.0 / i, 2.0, 0.6, Double.NaN}));
        }
        lossPoints.insertAll(id, points);
        List<LossPoint> found = lossPoints.find(id, 100, 199, 4);
        assertThat(found).hasSize(100);
        assertThat(found.get(0).values()).containsExactly(0.01, 2.0, 0.6, Double.NaN);
        lossPoints.deleteAfter(id, 700);
        assertThat(lossPoints.find(id, 0, Long.MAX_VALUE, 4)).hasSize(700);
        transitions.cancel(id, Instant.now()); // out of the way of workers of other test contexts
    }
}

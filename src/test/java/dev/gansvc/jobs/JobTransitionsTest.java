package dev.gansvc.jobs;

import org.springframework.boot.test.context.SpringBootTest;

/** {@link JobTransitionsContract} on the embedded H2 database ({@link PostgresJobClaimTest} runs it on PostgreSQL). */
@SpringBootTest(
        properties = {"spring.datasource.url=jdbc:h2:mem:transitions;DB_CLOSE_DELAY=-1", "gan.workers.enabled=false"})
class JobTransitionsTest extends JobTransitionsContract {}

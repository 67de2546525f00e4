package dev.gansvc.training;

import dev.gansvc.GanProperties;
import dev.gansvc.jobs.JobEvents;
import dev.gansvc.jobs.JobLease;
import dev.gansvc.jobs.JobRepository;
import dev.gansvc.jobs.JobTransitions;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * The training workers of this instance, one thread per device. Each claims the oldest queued
 * job that no other worker is claiming ({@link JobTransitions#claim}), so instances sharing a
 * database split the queue safely. On shutdown running jobs checkpoint and go back to the queue.
 *
 * <p>A worker's name is the instance's, {@code /worker-}, its index and its device. The instance's
 * name ({@code gan.workers.instance-id}, else the host name and the port it serves on) is the
 * same across its restarts, so that at start-up, before its workers claim anything, it takes
 * back the jobs its previous run held when it crashed or was killed, and resumes them first:
 * it does not wait for the stale-job reaper. No two running instances share that name (two
 * servers on one host cannot share a port; a configured id must be unique per instance). An
 * instance that serves on no port gets a random suffix instead, and one on a random port
 * ({@code server.port=0}) a name its next run will not have: they leave their previous run's
 * jobs to the reaper.
 */
@Component
public class WorkerPool implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WorkerPool.class);

    private final JobRepository jobs;
    private final JobTransitions transitions;
    private final JobExecutor executor;
    private final GanProperties.Workers settings;
    private final GanProperties.Jobs jobSettings;
    private final TrainingMeters meters;
    private final Clock clock;
    /** The port the web server listens on, once it does (it starts before the pool). */
    private volatile int port;
    /** Set by {@link #start()}, before the workers start. */
    private volatile String instance;
    /** Jobs of this instance's previous run, taken back at start-up: claimed before any other. */
    private final Queue<Long> resumeFirst = new ConcurrentLinkedQueue<>();

    private final Map<Long, JobControl> running = new ConcurrentHashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wakeUp = lock.newCondition();
    /** Whether the pool runs: set by {@link #start()} and cleared by {@link #stop()}, and by nothing else. */
    private volatile boolean active;

    public WorkerPool(
            JobRepository jobs,
            JobTransitions transitions,
            JobExecutor executor,
            GanProperties properties,
            TrainingMeters meters,
            Clock clock) {
        this.jobs = jobs;
        this.meters = meters;
        this.transitions = transitions;
        this.executor = executor;
        this.settings = properties.workers();
        this.jobSettings = properties.jobs();
        this.clock = clock;
    }

    @EventListener
    public void onWebServerStarted(WebServerInitializedEvent event) {
        String namespace = event.getApplicationContext().getServerNamespace();
        if (namespace == null || namespace.isEmpty()) { // not the management server's
            port = event.getWebServer().getPort();
        }
    }

    /** This instance's name, which begins its workers' names; set at start. */
    public String instance() {
        return instance;
    }

    public int size() {
        return size(settings);
    }

    /** The workers these settings start: one per GPU, or one on the CPU, unless counted. */
    static int size(GanProperties.Workers settings) {
        if (!settings.enabled()) {
            return 0;
        }
        return settings.count() > 0 ? settings.count() : Devices.count();
    }

    @Override
    public void start() {
        instance = instanceName(settings.instanceId(), port);
        active = true;
        if (size() > 0) {
            takeBackPreviousRun();
        }
        for (int i = 0; i < size(); i++) {
            int index = i;
            Thread t = new Thread(() -> work(index), "gan-worker-" + i);
            threads.add(t);
            t.start();
        }
        log.info("{} training worker(s) started on instance {}", threads.size(), instance);
    }

    @Override
    public void stop() {
        active = false;
        running.values().forEach(JobControl::shutDown);
        signal();
        for (Thread t : threads) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(50));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return active;
    }

    @EventListener
    public void onSubmitted(JobEvents.Submitted event) {
        signal();
    }

    @EventListener
    public void onCancelRequested(JobEvents.CancelRequested event) {
        JobControl control = running.get(event.jobId());
        if (control != null) {
            control.cancel();
        }
    }

    private void work(int index) {
        String device = Devices.bindCurrentThread(index);
        String worker = instance + "/worker-" + index + "@" + device;
        AtomicInteger runningJobs = meters.runningJobs(worker);
        while (active) {
            // An interrupt is no stop request (stop() clears active): one left over from the last
            // job must not fail the next claim or run, nor end the next wait at once.
            Thread.interrupted();
            try {
                JobLease lease = claimNext(worker);
                if (lease == null) {
                    await();
                    continue;
                }
                JobControl control = new JobControl();
                running.put(lease.jobId(), control);
                runningJobs.set(1);
                if (!active) {
                    // stop() came between the claim and the put, and did not see this job: pause
                    // it as stop() would have (stop() clears active before it reads running).
                    control.shutDown();
                }
                try {
                    executor.execute(lease, control);
                } finally {
                    running.remove(lease.jobId());
                    runningJobs.set(0);
                }
            } catch (RuntimeException e) {
                // e.g. the database is briefly unreachable: keep the worker alive and retry.
                log.error("worker {} could not claim or run a job", worker, e);
                await();
            }
        }
    }

    /**
     * Puts the jobs that this instance's previous run still holds back in the queue, to be
     * claimed before any other: that run is gone (two live instances never share a name), so
     * they are not running anywhere. If the database cannot be reached now, the stale-job
     * reaper takes them back later.
     */
    private void takeBackPreviousRun() {
        String prefix = instance + "/";
        try {
            for (long id : jobs.findRunningIdsByWorkerPrefix(prefix)) {
                switch (transitions.reclaimFromPreviousRun(id, prefix, jobSettings.maxAttempts(), clock.instant())) {
                    case REQUEUED -> {
                        resumeFirst.add(id);
                        log.warn("job {}: held by this instance when it stopped; resuming it first", id);
                    }
                    case GAVE_UP -> log.warn("job {}: held by this instance when it stopped, too often; FAILED", id);
                    case NONE -> {}
                }
            }
        } catch (RuntimeException e) {
            log.error("could not take back the jobs of this instance's previous run; the stale-job reaper will", e);
        }
    }

    private JobLease claimNext(String worker) {
        for (Long id = resumeFirst.poll(); id != null; id = resumeFirst.poll()) {
            if (!active) {
                return null;
            }
            // Empty if another instance claimed it meanwhile: it resumes there.
            Optional<JobLease> lease = transitions.claim(id, worker, clock.instant());
            if (lease.isPresent()) {
                return lease.get();
            }
        }
        for (Long id : jobs.findQueuedIds(PageRequest.of(0, 8))) {
            if (!active) {
                return null;
            }
            Optional<JobLease> lease = transitions.claim(id, worker, clock.instant());
            if (lease.isPresent()) {
                return lease.get();
            }
        }
        return null;
    }

    private void await() {
        lock.lock();
        try {
            if (active) {
                wakeUp.await(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            // Woken early: the caller looks for work again, or ends if stop() cleared active.
            // The pool's state is stop()'s alone to change.
        } finally {
            lock.unlock();
        }
    }

    private void signal() {
        lock.lock();
        try {
            wakeUp.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The configured id; else the host name and the port it serves on; else the host name and a random suffix. */
    static String instanceName(String configured, int port) {
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        return port > 0
                ? hostName() + ":" + port
                : hostName() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "host";
        }
    }
}

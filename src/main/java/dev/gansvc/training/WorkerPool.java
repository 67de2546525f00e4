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
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * The training workers of this instance, one thread per device. Each claims the oldest queued
 * job that no other worker is claiming ({@link JobTransitions#claim}), so instances sharing a
 * database split the queue safely. On shutdown running jobs checkpoint and go back to the queue.
 */
@Component
public class WorkerPool implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WorkerPool.class);

    private final JobRepository jobs;
    private final JobTransitions transitions;
    private final JobExecutor executor;
    private final GanProperties.Workers settings;
    private final Clock clock;
    private final String instance;
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
            Clock clock) {
        this.jobs = jobs;
        this.transitions = transitions;
        this.executor = executor;
        this.settings = properties.workers();
        this.clock = clock;
        this.instance = hostName() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public int size() {
        if (!settings.enabled()) {
            return 0;
        }
        return settings.count() > 0 ? settings.count() : Devices.count();
    }

    @Override
    public void start() {
        active = true;
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
                if (!active) {
                    // stop() came between the claim and the put, and did not see this job: pause
                    // it as stop() would have (stop() clears active before it reads running).
                    control.shutDown();
                }
                try {
                    executor.execute(lease, control);
                } finally {
                    running.remove(lease.jobId());
                }
            } catch (RuntimeException e) {
                // e.g. the database is briefly unreachable: keep the worker alive and retry.
                log.error("worker {} could not claim or run a job", worker, e);
                await();
            }
        }
    }

    private JobLease claimNext(String worker) {
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

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "host";
        }
    }
}

package fr.la27eregion.platform.schedule;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The runs of the scheduled jobs on {@code /metrics}, by job (the name each claims in {@code job_run}):
 * {@code jobs.runs{name=...}}, {@code jobs.failures{name=...}} and {@code jobs.last-success{name=...}} (the end of the
 * last run that succeeded, seconds since 1970; 0 before the first). Counted by the instance that claimed the day
 * and ran the job: in a cluster, sum the runs over the instances and take the largest last success.
 */
@ApplicationScoped
public class JobMetrics {

    @Inject
    private MetricRegistry metrics;

    private final Map<String, AtomicLong> lastSuccess = new ConcurrentHashMap<>();

    /** Runs {@code work}, the job's run after its claim, and counts it: a run, and a failure if it throws. */
    public <T> T measure(String job, Supplier<T> work) {
        Tag tag = new Tag("name", job);
        AtomicLong last = lastSuccess.computeIfAbsent(job, name -> {
            AtomicLong seconds = new AtomicLong();
            metrics.gauge("jobs.last-success", seconds, AtomicLong::get, tag);
            return seconds;
        });
        metrics.counter("jobs.runs", tag).inc();
        try {
            T result = work.get();
            last.set(System.currentTimeMillis() / 1000);
            return result;
        } catch (RuntimeException | Error failed) {
            metrics.counter("jobs.failures", tag).inc();
            throw failed;
        }
    }
}

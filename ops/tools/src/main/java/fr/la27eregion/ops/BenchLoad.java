package fr.la27eregion.ops;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load of a benchmark: N clients, each on its own thread and connection, running one operation again and again
 * for a given time, every operation timed; and what the servers spent meanwhile ({@link Measured}). Shared by the
 * workflow benchmarks ({@link TransitionBenchmark}, {@link LabelTransitionBenchmark}) and the read ones
 * ({@link ProjectBenchmark}, {@link JuryBenchmark}).
 */
final class BenchLoad {

    private BenchLoad() {
    }

    interface Worker extends AutoCloseable {
        void once() throws Exception;

        @Override
        default void close() throws Exception {
        }
    }

    /** Opens the worker of client number {@code client} (its connection). */
    interface Workers {
        Worker open(int client) throws Exception;
    }

    /**
     * How many operations finished per second, and how long each took; {@code total}: the operations run, those
     * finished after the time included (what the CPU was spent on).
     */
    record Run(double perSecond, long[] nanos) {
        long total() {
            return nanos.length;
        }

        double percentile(int p) {
            if (nanos.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(p / 100.0 * nanos.length);
            return nanos[Math.max(0, rank - 1)] / 1e6;
        }

        double mean() {
            return Arrays.stream(nanos).average().orElse(Double.NaN) / 1e6;
        }
    }

    /** Runs {@code clients} workers together for {@code millis}; counts what finished in that time. */
    static Run run(int clients, Workers workers, long millis) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong done = new AtomicLong();
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch start = new CountDownLatch(1);
        List<Throwable> failures = new ArrayList<>();
        List<long[]> latencies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread thread = new Thread(() -> {
                long[] nanos = new long[1024];
                int n = 0;
                try (Worker worker = workers.open(client)) {
                    ready.countDown();
                    start.await();
                    while (!stop.get()) {
                        long began = System.nanoTime();
                        worker.once();
                        if (n == nanos.length) {
                            nanos = Arrays.copyOf(nanos, n * 2);
                        }
                        nanos[n++] = System.nanoTime() - began;
                        done.incrementAndGet();
                    }
                } catch (Throwable failed) {
                    ready.countDown();
                    synchronized (failures) {
                        failures.add(failed);
                    }
                    stop.set(true);
                }
                synchronized (latencies) {
                    latencies.add(Arrays.copyOf(nanos, n));
                }
            }, "client-" + c);
            thread.start();
            threads.add(thread);
        }
        ready.await();
        long started = System.nanoTime();
        start.countDown();
        long deadline = started + millis * 1_000_000;
        while (!stop.get() && System.nanoTime() < deadline) {
            Thread.sleep(Math.min(100, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
        }
        stop.set(true);
        long count = done.get();
        double elapsed = (System.nanoTime() - started) / 1e9;
        for (Thread thread : threads) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("A client failed with " + clients + " clients", failures.get(0));
        }
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Run(count / elapsed, all);
    }

    /** A run with what it cost each process and how many statements PostgreSQL ran for it. */
    record Measured(Run run, BenchServers.Cpu.Spent spent, BenchServers.Statements.Counted statements) {
        String cpu() {
            return spent.perOperation(run.total());
        }

        double statementsPerOperation() {
            return statements.total() / (double) run.total();
        }
    }

    /** Runs the clients on the servers, counting the CPU each process spent and the statements PostgreSQL ran. */
    static Measured measured(BenchServers servers, int clients, Workers workers, long millis) throws Exception {
        servers.statements.reset();
        BenchServers.Cpu.Sample before = servers.cpu.sample();
        Run run = run(clients, workers, millis);
        BenchServers.Cpu.Spent spent = servers.cpu.sample().since(before);
        return new Measured(run, spent, servers.statements.count());
    }
}

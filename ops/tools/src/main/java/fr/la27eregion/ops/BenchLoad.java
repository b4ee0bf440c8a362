package fr.la27eregion.ops;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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

    /**
     * A run with what it cost each process and how many statements PostgreSQL ran for it; {@code compiler}: the CPU
     * ticks of Payara's JIT compiler threads, part of {@code spent.payara()}.
     */
    record Measured(Run run, BenchServers.Cpu.Spent spent, BenchServers.Statements.Counted statements,
            long compiler) {
        String cpu() {
            return spent.perOperation(run.total());
        }

        /** The share of Payara's CPU in this run that went to its JIT compilers (printed with the CPU tables). */
        double jitShare() {
            return compiler / (double) Math.max(1, spent.payara());
        }

        double statementsPerOperation() {
            return statements.total() / (double) run.total();
        }
    }

    /**
     * Runs the clients, not counted, in slices of 5 s until Payara Micro's JIT compilers spent less than a twentieth
     * of its CPU in the last slice (at least {@code minSlices} slices, at most 3 minutes): the figures then describe
     * the server in service, not the server compiling its path. A fixed 30 s was not enough: in a recording of
     * {@code ops/bench/label-transitions} after it, the compiler threads still took 0.2 to 0.6 of a processor
     * throughout the measures, a third of Payara's CPU per transition. Prints each slice's rate and the compilers'
     * share of Payara's CPU in it.
     */
    static void warmUp(BenchServers servers, String what, int clients, Workers workers, int minSlices)
            throws Exception {
        long started = System.nanoTime();
        StringBuilder slices = new StringBuilder();
        int slice = 0;
        double share = 1;
        while (slice < minSlices || (share >= 0.05 && slice < 36)) {
            long compilerBefore = servers.cpu.compilerTicks();
            BenchServers.Cpu.Sample before = servers.cpu.sample();
            Run run = run(clients, workers, 5000);
            long payara = servers.cpu.sample().since(before).payara();
            share = (servers.cpu.compilerTicks() - compilerBefore) / (double) Math.max(1, payara);
            slices.append(String.format(Locale.ROOT, " %.0f/s (JIT %.0f %%)", run.perSecond(), 100 * share));
            slice++;
        }
        System.out.printf(Locale.ROOT, "Warm-up of %s (not counted), slices of 5 s until the JIT compilers "
                + "take under 5 %% of Payara's CPU:%s; %.0f s%s%n", what, slices, (System.nanoTime() - started) / 1e9,
                share >= 0.05 ? " (still compiling after 3 minutes)" : "");
    }

    /** Runs the clients on the servers, counting the CPU each process spent and the statements PostgreSQL ran. */
    static Measured measured(BenchServers servers, int clients, Workers workers, long millis) throws Exception {
        servers.statements.reset();
        long compiler = servers.cpu.compilerTicks();
        BenchServers.Cpu.Sample before = servers.cpu.sample();
        Run run = run(clients, workers, millis);
        BenchServers.Cpu.Spent spent = servers.cpu.sample().since(before);
        return new Measured(run, spent, servers.statements.count(), servers.cpu.compilerTicks() - compiler);
    }
}

package fr.la27eregion.journal.control;

import fr.la27eregion.journal.chain.AnchorVerification;
import fr.la27eregion.journal.chain.Verification;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The verifications of the journal running in the background on this instance, by id, so the integrity page can
 * poll one's progress without holding a request while millions of entries are checked. One runs at a time: asking
 * again while one runs joins it (a verification reads the whole journal; two at once would only halve each).
 * Finished runs are kept a while for their page, then dropped ({@value #KEPT}).
 */
@ApplicationScoped
public class VerificationRuns {

    static final int KEPT = 20;

    private final Map<String, Run> runs = new ConcurrentHashMap<>();

    /** Where a run is: entries checked of the head's number, and the results once done (or the failure). */
    public record Progress(String id, long checked, long headSeq, boolean done, Verification result,
                           List<AnchorVerification.Check> anchors, String failure) implements Serializable {
    }

    /** One run, updated by the verifying thread. */
    public static final class Run {
        private final String id = UUID.randomUUID().toString();
        private final long started = System.nanoTime();
        private volatile long checked;
        private volatile long headSeq;
        private volatile boolean done;
        private volatile Verification result;
        private volatile List<AnchorVerification.Check> anchors = List.of();
        private volatile String failure;

        public String id() {
            return id;
        }

        public void checked(long entries, long head) {
            this.checked = entries;
            this.headSeq = head;
        }

        public void finish(Verification verification, List<AnchorVerification.Check> anchorChecks) {
            this.result = verification;
            this.anchors = List.copyOf(anchorChecks);
            this.done = true;
        }

        public void fail(String why) {
            this.failure = why;
            this.done = true;
        }

        Progress progress() {
            return new Progress(id, checked, headSeq, done, result, anchors, failure);
        }
    }

    /** The running verification, or a new one (the caller then starts its work). */
    public synchronized Start start() {
        Optional<Run> running = runs.values().stream().filter(run -> !run.done).findFirst();
        if (running.isPresent()) {
            return new Start(running.get(), false);
        }
        if (runs.size() >= KEPT) {
            runs.values().stream().min((a, b) -> Long.compare(a.started, b.started))
                    .ifPresent(oldest -> runs.remove(oldest.id));
        }
        Run run = new Run();
        runs.put(run.id, run);
        return new Start(run, true);
    }

    /** A run, and whether it is new (the caller must start it) or joined (already running). */
    public record Start(Run run, boolean fresh) {
    }

    /** Where the run {@code id} is; empty when unknown here (another instance's, or dropped). */
    public Optional<Progress> progress(String id) {
        return Optional.ofNullable(id == null ? null : runs.get(id)).map(Run::progress);
    }
}

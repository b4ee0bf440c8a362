package fr.la27eregion.audit.api;

import fr.la27eregion.audit.entity.ExportJob;

import java.time.Instant;

/**
 * An export as the API shows it: where it is and, once done, what proves it. {@code interrupted}: it was being
 * written and fell silent (its server stopped); ask for it again.
 */
public record ExportJson(long id, String kind, String format, String state, boolean interrupted, Long rowsExpected,
                         long rowsWritten, int percent, String requestedAt, String finishedAt, String fileName,
                         Long bytes, String sha256, Long headSeq, String headHash, String problem, String file,
                         String manifest) {

    static ExportJson of(ExportJob job, Instant now, String base) {
        boolean done = job.state() == ExportJob.State.DONE;
        return new ExportJson(job.id(), job.kind().name(), job.format().name(), job.state().name(),
                job.interrupted(now), job.rowsExpected(), job.rowsWritten(), job.percent(),
                job.requestedAt().toString(), job.finishedAt() == null ? null : job.finishedAt().toString(),
                job.fileName(), job.fileBytes(), job.sha256(), job.headSeq(), job.headHash(), job.problem(),
                done ? base + "/file" : null, done ? base + "/manifest" : null);
    }
}

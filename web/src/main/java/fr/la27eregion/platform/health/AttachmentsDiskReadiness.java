package fr.la27eregion.platform.health;

import fr.la27eregion.platform.files.AttachmentSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The disk of the attachments, when the installation keeps their bytes in a folder
 * ({@code projects.attachments.folder}): a check named {@code attachments-disk}, DOWN when the folder is missing,
 * cannot take a file (a probe file is written and removed: a read-only mount fails it even for root), or has less
 * free space than {@code health.attachments.min-free-megabytes} (default 1024). Then uploads would fail, and reads
 * too for a missing folder, on this instance: it leaves the load balancer until the disk is fixed. Without a folder
 * the bytes are in PostgreSQL, which the {@code database} check covers: UP, "store: database".
 */
@Readiness
@ApplicationScoped
public class AttachmentsDiskReadiness implements HealthCheck {

    static final String NAME = "attachments-disk";
    private static final long MEGABYTE = 1024L * 1024;

    @Inject
    private AttachmentSettings settings;

    @Inject
    @ConfigProperty(name = "health.attachments.min-free-megabytes", defaultValue = "1024")
    long minFreeMegabytes;

    @Override
    public HealthCheckResponse call() {
        Verdict verdict = settings.folder().map(folder -> check(folder, minFreeMegabytes))
                .orElseGet(() -> new Verdict(true, Map.of("store", "database")));
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).status(verdict.up());
        verdict.data().forEach((key, value) -> {
            if (value instanceof Long number) {
                response.withData(key, number);
            } else {
                response.withData(key, value.toString());
            }
        });
        return response.build();
    }

    /** Whether the disk serves, and what the check found (numbers as {@code Long}, the rest as text). */
    record Verdict(boolean up, Map<String, Object> data) {
    }

    /** The verdict on {@code folder}, needing {@code minFreeMegabytes} free. */
    static Verdict check(Path folder, long minFreeMegabytes) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("folder", folder.toString());
        if (!Files.isDirectory(folder)) {
            data.put("problem", "missing: the folder does not exist");
            return new Verdict(false, data);
        }
        try {
            Files.delete(Files.createTempFile(folder, ".health-", ".probe"));
            long free = Files.getFileStore(folder).getUsableSpace();
            data.put("free-megabytes", free / MEGABYTE);
            data.put("min-free-megabytes", minFreeMegabytes);
            if (!enough(free, minFreeMegabytes)) {
                data.put("problem", "low: less free space than health.attachments.min-free-megabytes");
            }
            return new Verdict(enough(free, minFreeMegabytes), data);
        } catch (IOException | SecurityException unwritable) {
            data.put("problem", "not writable: " + unwritable.getMessage());
            return new Verdict(false, data);
        }
    }

    static boolean enough(long freeBytes, long minFreeMegabytes) {
        return freeBytes >= minFreeMegabytes * MEGABYTE;
    }
}

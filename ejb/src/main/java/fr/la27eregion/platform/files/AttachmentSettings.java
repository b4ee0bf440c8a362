package fr.la27eregion.platform.files;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where and how large attached files may be (MicroProfile Config; defaults in
 * microprofile-config.properties): {@code projects.attachments.max-bytes} (20 MB) and
 * {@code projects.attachments.folder} (empty: the bytes go to PostgreSQL). The keys keep the name they had when
 * projects alone took files; a label application's files follow the same two settings, so an installation chooses
 * its store and its limit once.
 */
@ApplicationScoped
public class AttachmentSettings {

    /** 20 MB: a report with pictures; the limit of the pages and of the API alike. */
    public static final long DEFAULT_MAX_BYTES = 20L * 1024 * 1024;

    @Inject
    @ConfigProperty(name = "projects.attachments.max-bytes", defaultValue = "20971520")
    long maxBytes;

    /** The largest attachment taken, in bytes. */
    public long maxBytes() {
        return maxBytes;
    }

    /** The folder that holds new attachments' bytes, when the installation chose one over PostgreSQL. */
    public Optional<Path> folder() {
        // read by the application's own class loader: the disk readiness check may be the first to ask, on a health
        // thread whose injected configuration lacks the application's own properties (as MailServer's did)
        return ConfigProvider.getConfig(AttachmentSettings.class.getClassLoader())
                .getOptionalValue("projects.attachments.folder", String.class)
                .map(String::strip).filter(folder -> !folder.isEmpty()).map(Path::of);
    }
}

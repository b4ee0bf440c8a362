package fr.la27eregion.testing;

import fr.la27eregion.platform.files.AttachmentSettings;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.interceptor.Interceptor;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Test-only: the attachments' folder store switched on and off while the shared server runs
 * ({@link PlatformDriverServlet}, {@code POST attachments-folder?path=}), so both stores are tested on one server.
 * An alternative of {@link AttachmentSettings} in the test deployment only; the size limit stays the configured
 * one. A test that sets a folder sets it back to none after it ran ({@code @AfterEach}).
 */
@ApplicationScoped
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 100)
public class MovableAttachmentFolder extends AttachmentSettings {

    private static final AtomicReference<Path> FOLDER = new AtomicReference<>();

    /** The folder of new attachments from now on; null: PostgreSQL again. */
    public static void use(Path folder) {
        FOLDER.set(folder);
    }

    @Override
    public Optional<Path> folder() {
        return Optional.ofNullable(FOLDER.get());
    }
}

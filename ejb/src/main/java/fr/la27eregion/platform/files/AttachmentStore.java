package fr.la27eregion.platform.files;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Receiving a file ({@link #receive}: the checks every feature shares) and keeping its bytes: in PostgreSQL (the
 * feature's table of bytes, {@link StoredFile#bytes}; the default: one backup holds everything) or a folder of the server ({@code projects.attachments.folder}: the choice of large installations,
 * whose backups must then include the folder).
 *
 * <p>In the folder a file is written under a name the server chose (a random UUID, never the sender's), as a
 * temporary file of the same folder moved into place in one atomic step: a reader never sees half a file. The move
 * happens in the use case's transaction; if that transaction rolls back, the file is removed, and a removed
 * attachment's file goes only once its removal committed. A new attachment goes where the settings say now; an
 * older one is read from where it was stored (a {@link StoredFile#storedName()} or not), so switching to a
 * folder needs no migration of the existing bytes.
 */
@Dependent
public class AttachmentStore {

    private static final Logger LOG = Logger.getLogger(AttachmentStore.class.getName());

    @Inject
    private AttachmentSettings settings;

    @PersistenceContext
    private EntityManager em;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    /**
     * Receives an upload where it will be kept (into the folder store's own folder, or a temporary file) and checks
     * it: size, type read from the content, name cleaned and agreeing with the type. A refusal is in the feature's
     * family of rules.
     *
     * @param family   the feature's rules ({@code project.attachment}): the refusal's key is {@code family.REASON}
     * @param fileName the name the sender gave; never trusted for the type
     * @throws AttachmentRefused empty, too large, a type not taken, a name that says another type, a path, no name
     */
    public Upload receive(String family, String fileName, InputStream content) {
        try {
            AttachmentName name = AttachmentName.of(fileName);
            ReceivedFile received = ReceivedFile.receive(content, settings.folder().orElse(null),
                    settings.maxBytes());
            try {
                AttachmentType type = AttachmentTypes.of(received.path());
                return new Upload(name.checkedFor(type), type, received);
            } catch (RuntimeException refused) {
                received.close();
                throw refused;
            }
        } catch (AttachmentRefused refused) {
            throw refused.in(family);
        }
    }

    /** The name the bytes of a new attachment will have in the folder, or none when they go to PostgreSQL. */
    public Optional<String> newStoredName() {
        return settings.folder().map(folder -> UUID.randomUUID() + ".bin");
    }

    /** Keeps the received bytes of a persisted attachment (its id known) where its stored name says. */
    public void keep(StoredFile attachment, Upload upload) {
        try {
            if (attachment.storedName() == null) {
                em.persist(attachment.bytes(Files.readAllBytes(upload.received().path())));
                return;
            }
            Path target = folder(attachment).resolve(attachment.storedName());
            Files.move(upload.received().path(), target, StandardCopyOption.ATOMIC_MOVE);
            transactions.registerInterposedSynchronization(afterCompletion(false, target));
        } catch (IOException failed) {
            throw new UncheckedIOException("The bytes of attachment " + attachment.id() + " could not be kept",
                    failed);
        }
    }

    /** The bytes of an attachment, to be closed by the reader. */
    public InputStream open(StoredFile attachment) {
        if (attachment.storedName() == null) {
            StoredBytes content = em.find(attachment.bytesEntity(), attachment.id());
            if (content == null) {
                throw new IllegalStateException("Attachment " + attachment.id() + " has no content in the database");
            }
            return new ByteArrayInputStream(content.content());
        }
        try {
            return Files.newInputStream(folder(attachment).resolve(attachment.storedName()));
        } catch (IOException failed) {
            throw new UncheckedIOException("The file of attachment " + attachment.id() + " cannot be read", failed);
        }
    }

    /**
     * Forgets the bytes of a removed attachment: its database row goes with it (ON DELETE CASCADE), its file once
     * the removal committed.
     */
    public void discard(StoredFile attachment) {
        if (attachment.storedName() != null) {
            transactions.registerInterposedSynchronization(
                    afterCompletion(true, folder(attachment).resolve(attachment.storedName())));
        }
    }

    private Path folder(StoredFile attachment) {
        return settings.folder().orElseThrow(() -> new IllegalStateException("Attachment " + attachment.id()
                + " is stored in a folder, but projects.attachments.folder is not set"));
    }

    /** Removes the file after a commit ({@code onCommit}) or after a rollback (not {@code onCommit}). */
    private static Synchronization afterCompletion(boolean onCommit, Path file) {
        return new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing before
            }

            @Override
            public void afterCompletion(int status) {
                if ((status == Status.STATUS_COMMITTED) == onCommit) {
                    try {
                        Files.deleteIfExists(file);
                    } catch (IOException failed) {
                        LOG.log(Level.WARNING, "An attachment's file could not be removed: " + file, failed);
                    }
                }
            }
        };
    }
}

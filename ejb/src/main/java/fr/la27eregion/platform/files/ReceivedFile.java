package fr.la27eregion.platform.files;

import fr.la27eregion.platform.files.AttachmentRefused;
import fr.la27eregion.platform.files.AttachmentRefused.Reason;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The bytes of an upload, copied from the sender's stream to a temporary file while their SHA-256 is computed and
 * their number counted: no whole file in memory, and a stream that goes on past the limit is cut at one byte over
 * it, never read to its end. Closing it removes the temporary file if it was not moved into the folder store.
 */
public final class ReceivedFile implements AutoCloseable {

    private static final int BUFFER = 64 * 1024;

    private final Path path;
    private final long size;
    private final String sha256;

    private ReceivedFile(Path path, long size, String sha256) {
        this.path = path;
        this.size = size;
        this.sha256 = sha256;
    }

    /**
     * Copies the stream into a new temporary file of the folder.
     *
     * @param folder   where the temporary file goes: the store's folder (so moving it there is atomic), or the
     *                 system's temporary folder for the database store
     * @param maxBytes the most bytes taken; one more is a refusal
     */
    public static ReceivedFile receive(InputStream content, Path folder, long maxBytes) {
        Path temporary;
        try {
            temporary = folder == null ? Files.createTempFile("attachment-", ".part")
                    : Files.createTempFile(Files.createDirectories(folder), ".attachment-", ".part");
        } catch (IOException failed) {
            throw new UncheckedIOException("No temporary file for an upload in " + folder, failed);
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            long size = 0;
            try (InputStream in = new DigestInputStream(content, digest);
                 OutputStream out = Files.newOutputStream(temporary)) {
                byte[] buffer = new byte[BUFFER];
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    size += read;
                    if (size > maxBytes) {
                        throw new AttachmentRefused(Reason.TOO_LARGE, "The file is larger than "
                                + megabytes(maxBytes) + " MB, the most an attached file may be.",
                                megabytes(maxBytes));
                    }
                    out.write(buffer, 0, read);
                }
            }
            if (size == 0) {
                throw new AttachmentRefused(Reason.EMPTY, "The file is empty.");
            }
            return new ReceivedFile(temporary, size, HexFormat.of().formatHex(digest.digest()));
        } catch (IOException | NoSuchAlgorithmException | RuntimeException failed) {
            delete(temporary);
            if (failed instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("An upload could not be received", failed);
        }
    }

    /** The limit in megabytes as people count them (1 MB = 1,048,576 bytes here, as file managers show). */
    public static long megabytes(long bytes) {
        return Math.max(1, bytes / (1024 * 1024));
    }

    public Path path() {
        return path;
    }

    public long size() {
        return size;
    }

    /** Lowercase hexadecimal. */
    public String sha256() {
        return sha256;
    }

    @Override
    public void close() {
        delete(path);
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temporary file left behind is swept by the system's temporary folder cleaning
        }
    }
}

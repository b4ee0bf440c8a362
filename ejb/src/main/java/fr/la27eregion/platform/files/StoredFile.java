package fr.la27eregion.platform.files;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A received file as {@link AttachmentStore} keeps it: the row that describes it (its id known once persisted) and
 * where its bytes are. Each feature has its own table of files and its own table of bytes
 * ({@code project_attachment} + {@code _content}, {@code application_attachment} + {@code _content}): the store
 * asks the file for the row that keeps its bytes in PostgreSQL.
 */
public interface StoredFile {

    /** The row's id (null before it is persisted). */
    Long id();

    /** The server-chosen name of its bytes in the folder store; null when they are in PostgreSQL. */
    String storedName();

    /** The name it is shown and downloaded under (cleaned, agreeing with its type). */
    String fileName();

    /** The media type read from its content. */
    String mediaType();

    long sizeBytes();

    /** SHA-256 of its bytes, lowercase hexadecimal. */
    String sha256();

    /** What the journal keeps of it: everything but its bytes. */
    default Map<String, Object> describe() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("attachment", id());
        details.put("fileName", fileName());
        details.put("mediaType", mediaType());
        details.put("sizeBytes", sizeBytes());
        details.put("sha256", sha256());
        details.put("storage", storedName() == null ? "database" : "folder");
        return details;
    }

    /** A new row holding these bytes in PostgreSQL, keyed by this file's id. */
    StoredBytes bytes(byte[] content);

    /** The entity of the rows {@link #bytes} makes, to read them back by the file's id. */
    Class<? extends StoredBytes> bytesEntity();
}

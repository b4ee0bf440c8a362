package fr.la27eregion.platform.files;

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

    /** A new row holding these bytes in PostgreSQL, keyed by this file's id. */
    StoredBytes bytes(byte[] content);

    /** The entity of the rows {@link #bytes} makes, to read them back by the file's id. */
    Class<? extends StoredBytes> bytesEntity();
}

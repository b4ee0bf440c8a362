package fr.la27eregion.platform.files;

/** The bytes of a {@link StoredFile} kept in PostgreSQL, in a table of their own so that lists never read them. */
public interface StoredBytes {

    byte[] content();
}

package fr.la27eregion.platform.files;

/**
 * A file received and checked ({@link AttachmentStore#receive}): its name cleaned and agreeing with its type, its
 * type read from its content, its bytes in a temporary file with their size and SHA-256. Closing it removes the
 * temporary file if it was not kept.
 */
public record Upload(String fileName, AttachmentType type, ReceivedFile received) implements AutoCloseable {

    public long size() {
        return received.size();
    }

    public String sha256() {
        return received.sha256();
    }

    @Override
    public void close() {
        received.close();
    }
}

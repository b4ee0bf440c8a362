package fr.la27eregion.platform.files;

import java.io.InputStream;

/**
 * A file and its bytes, opened for one download: the reader copies {@link #content()} to the client and closes it
 * (the bytes of a folder store are streamed from the file, never held whole).
 *
 * @param <F> the feature's file (a project's, a label application's)
 */
public record FileDownload<F extends StoredFile>(F attachment, InputStream content) {
}

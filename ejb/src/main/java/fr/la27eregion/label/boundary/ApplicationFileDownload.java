package fr.la27eregion.label.boundary;

import fr.la27eregion.label.entity.ApplicationAttachment;

import java.io.InputStream;

/**
 * A file of a label application and its bytes, opened for one download: the reader copies {@link #content()} to
 * the client and closes it (the bytes of a folder store are streamed from the file, never held whole).
 */
public record ApplicationFileDownload(ApplicationAttachment attachment, InputStream content) {
}

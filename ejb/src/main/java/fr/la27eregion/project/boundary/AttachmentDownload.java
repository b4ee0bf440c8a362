package fr.la27eregion.project.boundary;

import fr.la27eregion.project.entity.ProjectAttachment;

import java.io.InputStream;

/**
 * An attachment and its bytes, opened for one download: the reader copies {@link #content()} to the client and
 * closes it (the bytes of a folder store are streamed from the file, never held whole).
 */
public record AttachmentDownload(ProjectAttachment attachment, InputStream content) {
}

package fr.la27eregion.platform.files;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of file a project or a label application may carry (issues 10 and 11): documents a civil servant of another region can open anywhere
 * (PDF, OpenDocument text, Word) and pictures (PNG, JPEG). Nothing that runs, nothing that holds other files.
 * The type of a file is read from its content ({@link AttachmentTypes}); its name must not say another.
 */
public enum AttachmentType {
    PDF("application/pdf", "pdf"),
    ODT("application/vnd.oasis.opendocument.text", "odt"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    PNG("image/png", "png"),
    JPEG("image/jpeg", "jpg", "jpeg", "jpe", "jfif");

    private final String mediaType;
    private final List<String> extensions;

    AttachmentType(String mediaType, String... extensions) {
        this.mediaType = mediaType;
        this.extensions = List.of(extensions);
    }

    public String mediaType() {
        return mediaType;
    }

    /** Every extension a file of this type may have, the usual one first. */
    public List<String> extensions() {
        return extensions;
    }

    /** The usual extension, added to a name that has none. */
    public String extension() {
        return extensions.get(0);
    }

    /** Whether a file of this type may be named with this extension (any case). */
    public boolean named(String extension) {
        return extensions.contains(extension.toLowerCase(Locale.ROOT));
    }

    /** The type of this media type, if the catalogue takes it. */
    public static Optional<AttachmentType> of(String mediaType) {
        return Arrays.stream(values()).filter(type -> type.mediaType.equals(mediaType)).findFirst();
    }
}

package fr.la27eregion.platform.files;

import fr.la27eregion.platform.files.AttachmentRefused;
import fr.la27eregion.platform.files.AttachmentRefused.Reason;
import fr.la27eregion.platform.files.AttachmentType;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads the type of a received file from its bytes, never from its name nor from the browser's
 * {@code Content-Type} (both are the sender's word).
 *
 * <p>Apache Tika core's magic bytes ({@link MimeTypes}, without any name: a name would let {@code x.pdf} tip the
 * balance) recognise PDF, PNG, JPEG, an OpenDocument text (its uncompressed {@code mimetype} entry sits at a fixed
 * place) and executables. A Word document is a ZIP (Office Open XML) that Tika core alone calls
 * {@code application/x-tika-ooxml} or {@code application/zip}: its container detectors live in Tika's parser
 * modules, which bring POI and dozens of libraries for one question. So a ZIP is opened here with
 * {@code java.util.zip}, reading only its directory and two small entries:
 * <ul>
 *     <li>DOCX: a {@code [Content_Types].xml} that declares the main part of a Word document
 *     ({@code wordprocessingml.document.main+xml}, so not a macro-enabled {@code .docm}) and a
 *     {@code word/document.xml};</li>
 *     <li>ODT: a {@code mimetype} entry that says exactly {@code application/vnd.oasis.opendocument.text} and a
 *     {@code content.xml}.</li>
 * </ul>
 * Any other ZIP (and a broken one) is refused like any other type.
 */
public final class AttachmentTypes {

    private static final MimeTypes MAGIC = MimeTypes.getDefaultMimeTypes();
    private static final Set<String> CONTAINERS = Set.of("application/zip", "application/x-tika-ooxml",
            "application/x-tika-msoffice", AttachmentType.ODT.mediaType());
    private static final String WORD_MAIN_PART =
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    /** The most read of a ZIP's {@code [Content_Types].xml}: a real one is a few kilobytes. */
    private static final int MAX_MANIFEST = 64 * 1024;

    private AttachmentTypes() {
    }

    /** The type of the file's content, or the refusal saying what it is instead. */
    public static AttachmentType of(Path file) {
        String detected = detected(file);
        Optional<AttachmentType> type = CONTAINERS.contains(detected) ? inZip(file) : AttachmentType.of(detected);
        return type.orElseThrow(() -> new AttachmentRefused(Reason.TYPE, "The content of this file is "
                + detected + ", which the platform does not take: PDF, ODT, DOCX, PNG or JPEG only.", detected));
    }

    private static String detected(Path file) {
        try (TikaInputStream in = TikaInputStream.get(file)) {
            MediaType type = MAGIC.detect(in, new Metadata());
            return type.getBaseType().toString();
        } catch (IOException unreadable) {
            throw new IllegalStateException("A received file could not be read back", unreadable);
        }
    }

    private static Optional<AttachmentType> inZip(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.getEntry("word/document.xml") != null
                    && entry(zip, "[Content_Types].xml").filter(types -> types.contains(WORD_MAIN_PART)).isPresent()) {
                return Optional.of(AttachmentType.DOCX);
            }
            if (zip.getEntry("content.xml") != null
                    && entry(zip, "mimetype").filter(AttachmentType.ODT.mediaType()::equals).isPresent()) {
                return Optional.of(AttachmentType.ODT);
            }
            return Optional.empty();
        } catch (ZipException broken) {
            return Optional.empty();
        } catch (IOException unreadable) {
            throw new IllegalStateException("A received file could not be read back", unreadable);
        }
    }

    private static Optional<String> entry(ZipFile zip, String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null || entry.isDirectory()) {
            return Optional.empty();
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return Optional.of(new String(in.readNBytes(MAX_MANIFEST), StandardCharsets.UTF_8).strip());
        }
    }
}

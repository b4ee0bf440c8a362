package fr.la27eregion.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Small but well-formed files of each kind an upload test needs, made here rather than committed as binaries: the
 * platform reads their type from their first bytes and, for DOCX and ODT, from their ZIP entries.
 */
public final class SampleFiles {

    private SampleFiles() {
    }

    public static byte[] pdf() {
        return ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] "
                + "/Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** A PNG of one grey pixel. */
    public static byte[] png() {
        return HexFormat.of().parseHex("89504e470d0a1a0a0000000d49484452000000010000000108000000003a7e9b55"
                + "0000000a49444154789c636800000082008177cd72b60000000049454e44ae426082");
    }

    /** The start of a JPEG (JFIF): what its type is read from. */
    public static byte[] jpeg() {
        return HexFormat.of().parseHex("ffd8ffe000104a46494600010100000100010000ffdb004300" + "08".repeat(64)
                + "ffd9");
    }

    /** A Word document: the entries of Office Open XML that say so. */
    public static byte[] docx() {
        return zip(Map.of(
                "[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/"
                        + "package/2006/content-types\"><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                        + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-"
                        + "officedocument.wordprocessingml.document.main+xml\"/></Types>",
                "_rels/.rels", "<?xml version=\"1.0\"?><Relationships/>",
                "word/document.xml", "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats"
                        + ".org/wordprocessingml/2006/main\"><w:body><w:p/></w:body></w:document>"), null);
    }

    /** An OpenDocument text: its {@code mimetype} entry first and uncompressed, as the format requires. */
    public static byte[] odt() {
        return zip(Map.of("content.xml", "<?xml version=\"1.0\"?><office:document-content xmlns:office=\"urn:oasis:"
                        + "names:tc:opendocument:xmlns:office:1.0\"/>",
                "META-INF/manifest.xml", "<?xml version=\"1.0\"?><manifest/>"),
                "application/vnd.oasis.opendocument.text");
    }

    /** A plain ZIP: neither DOCX nor ODT. */
    public static byte[] zip() {
        return zip(Map.of("notes.txt", "Rien à voir."), null);
    }

    /** The start of a Linux executable (ELF, x86-64). */
    public static byte[] elf() {
        byte[] elf = new byte[128];
        byte[] header = HexFormat.of().parseHex("7f454c4602010100" + "0000000000000000" + "02003e0001000000");
        System.arraycopy(header, 0, elf, 0, header.length);
        return elf;
    }

    /** The start of a Windows executable (MZ header pointing to a PE header). */
    public static byte[] exe() {
        byte[] exe = new byte[256];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[0x3c] = (byte) 0x80;
        exe[0x80] = 'P';
        exe[0x81] = 'E';
        return exe;
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static byte[] zip(Map<String, String> entries, String odfMimetype) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            if (odfMimetype != null) {
                byte[] mimetype = odfMimetype.getBytes(StandardCharsets.US_ASCII);
                ZipEntry first = new ZipEntry("mimetype");
                first.setMethod(ZipEntry.STORED);
                first.setSize(mimetype.length);
                CRC32 crc = new CRC32();
                crc.update(mimetype);
                first.setCrc(crc.getValue());
                zip.putNextEntry(first);
                zip.write(mimetype);
                zip.closeEntry();
            }
            for (Map.Entry<String, String> entry : new java.util.TreeMap<>(entries).entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return bytes.toByteArray();
    }
}

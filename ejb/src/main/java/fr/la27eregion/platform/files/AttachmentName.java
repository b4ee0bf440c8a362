package fr.la27eregion.platform.files;

import fr.la27eregion.platform.files.AttachmentRefused.Reason;

import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name an attachment is shown and downloaded under, from the name its sender gave. That name is text a
 * stranger typed: it never names a file of the server (the bytes are stored under a name the server chose), but it
 * goes back to browsers in {@code Content-Disposition} and in pages, so it is cleaned first:
 * <ul>
 *     <li>a name with a folder path ({@code ../../etc/passwd.pdf}, {@code C:\x\y.pdf}) is refused, not silently
 *     cut: it is an old browser's or a hostile client's, and the person sees why;</li>
 *     <li>control and format characters (line breaks, the right-to-left override that makes
 *     {@code gpj.exe} read {@code exe.jpg}) are removed, spaces collapsed, leading dots dropped (no hidden file
 *     name, no {@code ..}), Unicode composed (NFC);</li>
 *     <li>a name with nothing left is refused; a longer one is shortened to {@value #MAX}
 *     characters, its extension kept.</li>
 * </ul>
 * The extension is then compared with the type read from the content ({@link #checkedFor(AttachmentType)}).
 */
public final class AttachmentName {

    /** The longest name kept, in characters (the tables' {@code file_name varchar(200)}). */
    public static final int MAX = 200;

    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** An extension: a last dot followed by up to five letters or digits, one letter at least ("v2.3" has none). */
    private static final Pattern EXTENSION = Pattern.compile("\\.(?=[A-Za-z0-9]{0,4}[A-Za-z])([A-Za-z0-9]{1,5})$");

    private final String name;

    private AttachmentName(String name) {
        this.name = name;
    }

    /** The cleaned name; refused when it carries a path or has nothing left. */
    public static AttachmentName of(String given) {
        if (given == null || given.isBlank()) {
            throw new AttachmentRefused(Reason.NAME, "The file has no name.");
        }
        if (given.indexOf('/') >= 0 || given.indexOf('\\') >= 0) {
            throw new AttachmentRefused(Reason.PATH,
                    "The file name contains a folder path (/ or \\): send the file under its own name only.");
        }
        String cleaned = Normalizer.normalize(given, Normalizer.Form.NFC);
        cleaned = INVISIBLE.matcher(cleaned).replaceAll("");
        cleaned = SPACES.matcher(cleaned).replaceAll(" ").strip();
        cleaned = cleaned.replaceFirst("^[.\\s]+", "");
        if (cleaned.isEmpty()) {
            throw new AttachmentRefused(Reason.NAME, "The file name is empty once cleaned: give the file a name.");
        }
        return new AttachmentName(shortened(cleaned, MAX));
    }

    /**
     * The name for a file whose content is of this type: refused when its extension names another type
     * ({@code photo.pdf} holding a PNG: a reader who trusts the name would open it with the wrong program); a name
     * without an extension gets the type's.
     */
    public String checkedFor(AttachmentType type) {
        Optional<String> extension = extension(name);
        if (extension.isEmpty()) {
            return shortened(name, MAX - type.extension().length() - 1)
                    + "." + type.extension();
        }
        if (!type.named(extension.get())) {
            throw new AttachmentRefused(Reason.MISLABELLED, "The file is named ." + extension.get()
                    + " but its content is " + type.name() + ": rename it ." + type.extension() + " or send the"
                    + " right file.", extension.get(), type.name(), type.extension());
        }
        return name;
    }

    /** The cleaned name as given (before the check against the content). */
    public String value() {
        return name;
    }

    private static Optional<String> extension(String name) {
        Matcher matcher = EXTENSION.matcher(name);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private static String shortened(String name, int max) {
        if (name.codePointCount(0, name.length()) <= max) {
            return name;
        }
        String suffix = extension(name).map(ext -> "." + ext).orElse("");
        String base = name.substring(0, name.length() - suffix.length());
        int keep = max - suffix.length();
        return base.substring(0, base.offsetByCodePoints(0, Math.min(keep, base.codePointCount(0, base.length()))))
                .strip() + suffix;
    }
}

package fr.la27eregion.platform.web;

/** A file's size as pages show it, in the reader's language: kilobytes under a megabyte, else megabytes. */
public final class FileSizes {

    private FileSizes() {
    }

    public static String text(long bytes) {
        if (bytes < 1024 * 1024) {
            return RuleMessages.text("project.attachments.sizeKb", Math.max(1, Math.round(bytes / 1024.0)));
        }
        return RuleMessages.text("project.attachments.sizeMb", bytes / (1024.0 * 1024));
    }
}

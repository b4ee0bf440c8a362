package fr.la27eregion.platform.rules;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * What the platform accepts as a web address a person typed (an organisation's website, a project's link): an
 * absolute {@code http} or {@code https} address with a host, so no {@code javascript:}, {@code data:} or relative
 * address ever reaches a page as a link.
 */
public final class WebAddress {

    private WebAddress() {
    }

    /** Whether the text (trimmed) is an absolute http(s) address with a host. */
    public static boolean isWebAddress(String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        try {
            URI uri = new URI(text.strip());
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}

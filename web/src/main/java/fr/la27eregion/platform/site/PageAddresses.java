package fr.la27eregion.platform.site;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The platform's public addresses, absolute (search engines want them so): from {@code platform.base-url}, the
 * address the platform is reached at. The public template uses it for the {@code hreflang} alternates of a page:
 * the same address with {@code lang=fr} or {@code lang=en}.
 */
@Named
@ApplicationScoped
public class PageAddresses {

    @Inject
    @ConfigProperty(name = "platform.base-url", defaultValue = "http://localhost:8080")
    String baseUrl;

    /** The platform's address, without a trailing slash. */
    public String base() {
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** A path of the application ({@code /public/members.xhtml}) in a language: an absolute address. */
    public String in(String path, String query, String language) {
        StringBuilder address = new StringBuilder(base()).append(path);
        char separator = '?';
        if (query != null && !query.isEmpty()) {
            address.append('?').append(query);
            separator = '&';
        }
        if (language != null) {
            address.append(separator).append("lang=").append(language);
        }
        return address.toString();
    }

    /**
     * The current page in a language ({@code null}: without a language, the {@code x-default}): its address as the
     * reader asked for it (a readable project address forwarded to its view included), its query kept but for
     * {@code lang}.
     */
    public String current(String language) {
        HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext()
                .getRequest();
        String uri = (String) request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
        String query = uri != null ? (String) request.getAttribute(RequestDispatcher.FORWARD_QUERY_STRING)
                : request.getQueryString();
        if (uri == null) {
            uri = request.getRequestURI();
        }
        String path = uri.substring(request.getContextPath().length());
        if (path.equals("/index.xhtml")) {
            path = "/";
        }
        String kept = query == null ? null : query.replaceAll("(^|&)lang=[^&]*", "").replaceFirst("^&", "");
        return in(path, kept, language);
    }
}

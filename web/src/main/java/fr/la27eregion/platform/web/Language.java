package fr.la27eregion.platform.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.util.Locale;
import java.util.Map;

/**
 * The language the reader chose: French by default, English on request. Any page accepts {@code ?lang=en} or
 * {@code ?lang=fr} (the language switch of the templates), so a link can be shared in either language; the choice
 * is then kept in a cookie ({@value #COOKIE}) and holds for the pages that follow. After a login the pages start in
 * the language kept with the account ("My account").
 *
 * <p>Request scoped, and kept in a cookie rather than in the HTTP session: the public pages are stateless
 * (no session for anonymous readers, see {@code platform.cache}), and their language must hold all the same.
 * {@code Accept-Language} is not read: French is the platform's language unless the reader asks for English, and a
 * page whose language followed that header would also have to be cached by it. The language of a public page is
 * in its address ({@code ?lang=en}, the {@code hreflang} alternates) or in the cookie, which shared caches are told
 * of ({@code Vary: Cookie}).
 */
@Named
@RequestScoped
public class Language {

    private static final Map<String, Locale> SUPPORTED = Map.of("fr", Locale.FRENCH, "en", Locale.ENGLISH);
    /** The cookie that keeps the reader's choice ({@code fr}, {@code en}). */
    public static final String COOKIE = "lang";
    private static final int YEAR_SECONDS = 365 * 24 * 3600;

    /**
     * The HTTP session attribute by which a login hands over the language its account reads ({@code fr},
     * {@code en}): taken once, by the first page after the login; a {@code lang} parameter still overrides it.
     */
    public static final String ACCOUNT_CHOICE = Language.class.getName() + ".accountChoice";

    private Locale locale;

    /** The locale of the current request: the {@code lang} parameter, else the account's or the cookie's choice. */
    public Locale getLocale() {
        if (locale == null) {
            FacesContext faces = FacesContext.getCurrentInstance();
            locale = faces == null ? Locale.FRENCH
                    : of((HttpServletRequest) faces.getExternalContext().getRequest(),
                    (HttpServletResponse) faces.getExternalContext().getResponse());
        }
        return locale;
    }

    /** Switches the reader to this language ({@code fr}, {@code en}; anything else changes nothing). */
    public void choose(String code) {
        if (code != null && SUPPORTED.containsKey(code)) {
            locale = SUPPORTED.get(code);
            FacesContext faces = FacesContext.getCurrentInstance();
            if (faces != null) {
                remember((HttpServletRequest) faces.getExternalContext().getRequest(),
                        (HttpServletResponse) faces.getExternalContext().getResponse(), code);
            }
        }
    }

    /** The ISO 639-1 code of the language, for the {@code lang} attribute of pages. */
    public String getCode() {
        return getLocale().getLanguage();
    }

    /**
     * The reader's language for this request, outside Faces too (the public responses' cache key): the {@code lang}
     * parameter, then the account's language handed over by a login (once), then the cookie, then French. A choice
     * the cookie does not hold yet is written to it ({@code response} may be null: nothing is written then).
     */
    public static Locale of(HttpServletRequest request, HttpServletResponse response) {
        String requested = request.getParameter("lang");
        String chosen = requested != null && SUPPORTED.containsKey(requested) ? requested : null;
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(ACCOUNT_CHOICE) instanceof String account) {
            session.removeAttribute(ACCOUNT_CHOICE);
            if (chosen == null && SUPPORTED.containsKey(account)) {
                chosen = account;
            }
        }
        if (chosen != null) {
            if (response != null) {
                remember(request, response, chosen);
            }
            return SUPPORTED.get(chosen);
        }
        String kept = cookie(request);
        return kept != null ? SUPPORTED.get(kept) : Locale.FRENCH;
    }

    /** The language the cookie holds, when it holds a supported one. */
    public static String cookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (COOKIE.equals(cookie.getName()) && SUPPORTED.containsKey(cookie.getValue())) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }

    /** Writes the choice to the cookie, unless it holds it already or the response is already on its way. */
    private static void remember(HttpServletRequest request, HttpServletResponse response, String code) {
        if (code.equals(cookie(request)) || response.isCommitted()) {
            return;
        }
        Cookie cookie = new Cookie(COOKIE, code);
        String context = request.getContextPath();
        cookie.setPath(context == null || context.isEmpty() ? "/" : context);
        cookie.setMaxAge(YEAR_SECONDS);
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }
}

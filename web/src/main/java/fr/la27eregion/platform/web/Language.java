package fr.la27eregion.platform.web;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.Locale;
import java.util.Map;

/**
 * The language the reader chose: French by default, English on request. Any page accepts {@code ?lang=en} or
 * {@code ?lang=fr} (the language switch of the templates), so a link can be shared in either language;
 * the choice then holds for the rest of the session. After a login the pages start in the language kept with the
 * account ("My account").
 */
@Named
@SessionScoped
public class Language implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Map<String, Locale> SUPPORTED = Map.of("fr", Locale.FRENCH, "en", Locale.ENGLISH);

    /**
     * The HTTP session attribute by which a login hands over the language its account reads ({@code fr},
     * {@code en}): taken once, by the first page after the login; a {@code lang} parameter still overrides it.
     */
    public static final String ACCOUNT_CHOICE = Language.class.getName() + ".accountChoice";

    private Locale locale = Locale.FRENCH;

    /**
     * The locale of the current view: the account's language after a login, switched by a {@code lang} request
     * parameter for the rest of the session.
     */
    public Locale getLocale() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces != null) {
            Map<String, Object> session = faces.getExternalContext().getSessionMap();
            if (session.get(ACCOUNT_CHOICE) instanceof String chosen) {
                session.remove(ACCOUNT_CHOICE);
                choose(chosen);
            }
            String requested = faces.getExternalContext().getRequestParameterMap().get("lang");
            if (requested != null && SUPPORTED.containsKey(requested)) {
                locale = SUPPORTED.get(requested);
            }
        }
        return locale;
    }

    /** Switches the session to this language ({@code fr}, {@code en}; anything else changes nothing). */
    public void choose(String code) {
        if (code != null && SUPPORTED.containsKey(code)) {
            locale = SUPPORTED.get(code);
        }
    }

    /** The ISO 639-1 code of the language, for the {@code lang} attribute of pages. */
    public String getCode() {
        return getLocale().getLanguage();
    }
}

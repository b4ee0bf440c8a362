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
 * the choice then holds for the rest of the session.
 */
@Named
@SessionScoped
public class Language implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Map<String, Locale> SUPPORTED = Map.of("fr", Locale.FRENCH, "en", Locale.ENGLISH);

    private Locale locale = Locale.FRENCH;

    /** The locale of the current view, switched by a {@code lang} request parameter. */
    public Locale getLocale() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces != null) {
            String requested = faces.getExternalContext().getRequestParameterMap().get("lang");
            if (requested != null && SUPPORTED.containsKey(requested)) {
                locale = SUPPORTED.get(requested);
            }
        }
        return locale;
    }

    /** The ISO 639-1 code of the language, for the {@code lang} attribute of pages. */
    public String getCode() {
        return getLocale().getLanguage();
    }
}

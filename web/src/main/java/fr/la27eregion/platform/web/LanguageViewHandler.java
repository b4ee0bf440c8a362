package fr.la27eregion.platform.web;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;

import java.util.Locale;

/**
 * Gives every view the reader's language ({@link Language}) from the moment it is created, not only once the
 * template's {@code <f:view locale>} is rendered: a page's view actions, its converters and the message bundle
 * ({@code #{msg}}, {@code getResourceBundle}) all read the view root's locale, which Faces otherwise calculates from
 * the browser's {@code Accept-Language}. So code reads {@code getViewRoot().getLocale()} and gets the language
 * the reader chose, wherever it runs in the request.
 */
public class LanguageViewHandler extends ViewHandlerWrapper {

    public LanguageViewHandler(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public Locale calculateLocale(FacesContext context) {
        return CDI.current().select(Language.class).get().getLocale();
    }

    @Override
    public UIViewRoot createView(FacesContext context, String viewId) {
        UIViewRoot root = super.createView(context, viewId);
        if (root != null && isPublic(viewId)) {
            root.setTransient(true);
        }
        return root;
    }

    /** The citizens' pages: the home page and everything under {@code /public/}. */
    public static boolean isPublic(String viewId) {
        return viewId != null && (viewId.equals("/index.xhtml") || viewId.startsWith("/public/"));
    }
}

package fr.la27eregion.platform.web;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.application.ViewHandler;
import jakarta.faces.FacesException;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import jakarta.faces.render.ResponseStateManager;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;

/**
 * Gives every view the reader's language ({@link Language}) from the moment it is created, not only once the
 * template's {@code <f:view locale>} is rendered: a page's view actions, its converters and the message bundle
 * ({@code #{msg}}, {@code getResourceBundle}) all read the view root's locale, which Faces otherwise calculates from
 * the browser's {@code Accept-Language}. So code reads {@code getViewRoot().getLocale()} and gets the language
 * the reader chose, wherever it runs in the request.
 */
public class LanguageViewHandler extends ViewHandlerWrapper {

    /** The intranet's views kept in no session ({@link #isStateless}). */
    private static final Set<String> STATELESS_INTRANET = Set.of("/app/audit/journal.xhtml");

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
        if (root != null && isStateless(viewId)) {
            root.setTransient(true);
        }
        return root;
    }

    /**
     * A postback of a stateless public view (its form says {@code jakarta.faces.ViewState=stateless}) is built again
     * from its page, as Faces does for a stateless view, but through {@link #createView}, so that it is transient
     * (Faces' own stateless restore creates it through the view declaration language, where it would not be, and
     * refuses it).
     */
    @Override
    public UIViewRoot restoreView(FacesContext context, String viewId) {
        String state = context.getExternalContext().getRequestParameterMap()
                .get(ResponseStateManager.VIEW_STATE_PARAM);
        if (!isStateless(viewId) || !"stateless".equals(state)) {
            return super.restoreView(context, viewId);
        }
        UIViewRoot root = createView(context, viewId);
        context.setViewRoot(root);
        try {
            getViewDeclarationLanguage(context, viewId).buildView(context, root);
        } catch (IOException e) {
            throw new FacesException("The stateless view " + viewId + " cannot be built", e);
        }
        return root;
    }

    /**
     * The views kept in no session: the citizens' pages, and the intranet pages read by GET alone, whose only forms
     * can be built again from the page and their own fields. The journal's page is one: its filters and its pages
     * are addresses, and its export buttons send the filters in hidden fields (a post from another site carries no
     * session: its cookie is {@code SameSite=Lax}, web.xml). Each view kept made the session grow
     * with every page of the journal read, and a distributable session is written whole, and read back, by Payara
     * after every request (28 % of the journal page's request time in a flight recording; 8 % once stateless).
     */
    public static boolean isStateless(String viewId) {
        return isPublic(viewId) || STATELESS_INTRANET.contains(viewId);
    }

    /** The citizens' pages: the home page and everything under {@code /public/}. */
    public static boolean isPublic(String viewId) {
        return viewId != null && (viewId.equals("/index.xhtml") || viewId.startsWith("/public/"));
    }
}

package fr.la27eregion.audit.web;

import fr.la27eregion.platform.export.ExportFormat;
import fr.la27eregion.platform.web.RuleMessages;
import jakarta.faces.context.FacesContext;

import java.util.function.Consumer;

/**
 * Asks for an export from a page of the workspace (the buttons of {@code WEB-INF/includes/audit/export-buttons.xhtml}):
 * on success the exports page, where it is followed, with a message; a refusal is said on the same page.
 */
public final class ExportAsking {

    private ExportAsking() {
    }

    /** The outcome of the button: the exports page, or null to stay with the refusal shown. */
    public static String ask(String format, Consumer<ExportFormat> ask) {
        try {
            ask.accept(ExportFormat.named(format));
        } catch (RuntimeException refused) {
            RuleMessages.show(refused, field -> null, null);
            return null;
        }
        RuleMessages.info("export.asked");
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
        return "/app/audit/exports?faces-redirect=true";
    }
}

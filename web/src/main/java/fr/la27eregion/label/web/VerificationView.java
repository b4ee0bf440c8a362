package fr.la27eregion.label.web;

import fr.la27eregion.label.boundary.Verification;
import fr.la27eregion.platform.cache.PublicResponses;
import fr.la27eregion.platform.limits.LimitReached;
import fr.la27eregion.platform.web.Language;
import fr.la27eregion.platform.web.RuleMessages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Backs {@code public/verification.xhtml}: anyone types a label's code (or scans the certificate's QR code, whose
 * address {@link LabelVerificationAddress} forwards here) and reads the verdict with the label's public facts. The
 * code is the address's parameter (a GET form): a verification is an address like the QR code's. A code no label
 * has, or a text that cannot be one, gets the same answer beside the field; too many of them from one address in a
 * minute, and verifications are refused for the rest of it ({@link PublicVerification}).
 */
@Named
@RequestScoped
public class VerificationView {

    @Inject
    private PublicVerification verification;

    @Inject
    private Language language;

    private String code;
    private Verification result;
    private String error;

    /** Verifies the code of the address, when there is one (f:viewAction). */
    public void load() {
        if (code == null || code.isBlank()) {
            return;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.getViewRoot().setLocale(language.getLocale());
        try {
            result = verification.verify(code, (HttpServletRequest) faces.getExternalContext().getRequest())
                    .orElse(null);
            if (result == null) {
                error = RuleMessages.text("labels.verify.unknown");
            }
        } catch (LimitReached limited) {
            error = RuleMessages.text("labels.verify.limitReached", limited.retryAfterMinutes());
        }
        if (result == null) {
            // every code that finds nothing is counted against its client's address: never answered from a copy
            PublicResponses.doNotKeep((HttpServletRequest) faces.getExternalContext().getRequest());
        }
    }

    /** The verdict, null before a code was typed or when none was found. */
    public Verification getResult() {
        return result;
    }

    /** What is wrong with the code typed, null when nothing is. */
    public String getError() {
        return error;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }
}

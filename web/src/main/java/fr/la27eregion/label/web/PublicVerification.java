package fr.la27eregion.label.web;

import fr.la27eregion.label.boundary.LabelRegister;
import fr.la27eregion.label.boundary.Verification;
import fr.la27eregion.platform.limits.ClientLimits;
import fr.la27eregion.platform.limits.LimitReached;
import fr.la27eregion.platform.limits.LimitSettings;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Optional;

/**
 * Verifies a label's code for the public page and the API alike, throttled per client address as failed logins
 * are ({@code limits.failed-verifications.per-minute}, the same {@link ClientLimits} buckets): a verification
 * that finds no label counts against the address, and once its allowance is spent every verification from it is
 * refused until the minute passes, found or not (so a guesser cannot tell a hit by the limit lifting). A code
 * that is found costs nothing: a town hall scanning its certificates is never held back.
 */
@ApplicationScoped
public class PublicVerification {

    @EJB
    private LabelRegister register;

    @Inject
    private ClientLimits limits;

    @Inject
    private LimitSettings settings;

    /**
     * The verdict on the label of the code typed, empty when no label has it.
     *
     * @throws LimitReached the client's address found nothing too often in the last minute: nothing was read
     */
    public Optional<Verification> verify(String typedCode, HttpServletRequest request) {
        String address = limits.clientAddress(request);
        limits.requireLeft(settings.failedVerifications(), address);
        Optional<Verification> found = register.verify(typedCode);
        if (found.isEmpty()) {
            limits.count(settings.failedVerifications(), address);
        }
        return found;
    }
}

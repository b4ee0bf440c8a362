package fr.la27eregion.identity.web;

import fr.la27eregion.identity.boundary.MyAccount;
import fr.la27eregion.platform.limits.ClientLimits;
import fr.la27eregion.platform.limits.LimitSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * A person changes their password, from "My account" or the API: the wrong current passwords of a client address
 * count against the same allowance as its failed logins ({@code limits.failed-logins.per-minute}), so a borrowed
 * session guesses no faster than the login page allows; past it the current password is not even checked. The
 * account's own lockout is the boundary's ({@link MyAccount}).
 */
@ApplicationScoped
public class PasswordChanges {

    @Inject
    private MyAccount myAccount;

    @Inject
    private ClientLimits limits;

    @Inject
    private LimitSettings limitSettings;

    /**
     * Changes the caller's password (see {@link MyAccount#changePassword}).
     *
     * @throws fr.la27eregion.platform.limits.LimitReached when the client's address has failed too often lately
     */
    public MyAccount.PasswordChange change(HttpServletRequest request, int version, String current,
                                           String newPassword, String confirmation, String thisSession) {
        String address = limits.clientAddress(request);
        limits.requireLeft(limitSettings.failedLogins(), address);
        MyAccount.PasswordChange change = myAccount.changePassword(version, current, newPassword, confirmation,
                thisSession);
        if (change.outcome() != MyAccount.Outcome.CHANGED) {
            limits.count(limitSettings.failedLogins(), address);
        }
        return change;
    }
}

package fr.la27eregion.identity.web;

import fr.la27eregion.identity.boundary.Accounts;
import fr.la27eregion.platform.web.RuleMessages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;

/**
 * Setting a new password with a one-time reset link ({@code /reset-password.xhtml?token=...}). The boundary
 * checks the link and the password policy; the page says which rule the password breaks.
 */
@Named
@ViewScoped
public class ResetPasswordView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private Accounts accounts;

    private String token;
    private transient String password;
    private boolean done;

    public void save() {
        try {
            accounts.resetPassword(token, password);
            done = true;
        } catch (RuntimeException refused) {
            // a rule beside its field; a link used twice at once (stale account) or anything else refused for the
            // form as a whole; what is not a refusal goes on to the error page
            RuleMessages.show(refused, field -> "reset:" + field, null);
        } finally {
            password = null;
        }
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public boolean isDone() {
        return done;
    }
}

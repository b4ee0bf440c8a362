package fr.la27eregion.identity.web;

import fr.la27eregion.platform.web.Reinjected;
import fr.la27eregion.identity.control.IdentitySettings;
import fr.la27eregion.identity.security.PlatformAuthentication;
import fr.la27eregion.platform.limits.LimitReached;
import fr.la27eregion.platform.web.RuleMessages;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.Serializable;
import java.text.MessageFormat;

/**
 * The login form ({@code /login.xhtml}). It hands the credential to Jakarta Security and reports the outcome;
 * a refusal says the same thing whatever the reason (unknown account, wrong password, disabled or locked), so
 * the page never tells whether an account exists.
 */
@Named
@ViewScoped
public class LoginView implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String HOME = "/app/index.xhtml";

    @Inject
    private transient SecurityContext security;

    /** Jakarta Security's context, looked up again when this view was restored on another instance (the field is transient). */
    private SecurityContext security() {
        security = Reinjected.orLookUp(security, SecurityContext.class);
        return security;
    }

    @Inject
    private IdentitySettings settings;

    private String username;
    private transient String password;

    public void login() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        AuthenticationStatus status = security().authenticate((HttpServletRequest) external.getRequest(),
                (HttpServletResponse) external.getResponse(), AuthenticationParameters.withParams()
                        .credential(new UsernamePasswordCredential(username, new Password(password)))
                        .newAuthentication(true));
        password = null;
        switch (status) {
            case SUCCESS -> external.redirect(external.getRequestContextPath() + HOME);
            case SEND_CONTINUE -> faces.responseComplete();
            default -> {
                if (external.getRequestMap().get(PlatformAuthentication.LIMIT_REACHED) instanceof LimitReached limited) {
                    RuleMessages.error("login:password", "login.limitReached", limited.retryAfterMinutes());
                    return;
                }
                String text = MessageFormat.format(faces.getApplication().getResourceBundle(faces, "msg")
                        .getString("login.failed"), settings.maxFailures(), settings.lock().toMinutes());
                faces.addMessage("login:password", new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
                faces.validationFailed();
            }
        }
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username == null ? null : username.strip();
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}

package fr.la27eregion.identity.web;

import fr.la27eregion.identity.boundary.MyAccount;
import fr.la27eregion.identity.entity.PasswordPolicy;
import fr.la27eregion.identity.security.PlatformAuthentication;
import fr.la27eregion.platform.limits.LimitReached;
import fr.la27eregion.platform.web.Language;
import fr.la27eregion.platform.web.RuleMessages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;

/**
 * "My account" ({@code /app/account/index.xhtml}) of every signed-in person: who they are, the language of their
 * pages and mails, a new password, the sessions signed in (end the others), and the way to their access tokens.
 * Thin: the rules and rights are the {@link MyAccount} boundary's; this view passes it the key of its own session
 * (from the HTTP session, never shown) so that "this session" is kept and marked.
 *
 * <p>The passwords typed are transient and cleared after each attempt: they never go into the view's state.
 */
@Named
@ViewScoped
public class AccountView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String FORM = "password:";

    @Inject
    private MyAccount myAccount;

    @Inject
    private PasswordChanges passwordChanges;

    @Inject
    private Language language;

    private MyAccount.Profile profile;
    private List<MyAccount.SessionLine> sessions;
    private String chosenLanguage;

    private transient String current;
    private transient String newPassword;
    private transient String confirmation;

    @PostConstruct
    void initialize() {
        profile = myAccount.me();
        chosenLanguage = profile.language();
        sessions = myAccount.sessions(sessionKey());
    }

    /** Keeps the language chosen with the account and shows the page in it at once. */
    public void saveLanguage() throws IOException {
        try {
            profile = myAccount.changeLanguage(profile.version(), chosenLanguage);
        } catch (RuntimeException refused) {
            RuleMessages.show(refused, field -> "language:" + field, null);
            return;
        }
        language.choose(profile.language());
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.getViewRoot().setLocale(language.getLocale());
        RuleMessages.info("account.language.saved");
        ExternalContext external = faces.getExternalContext();
        external.getFlash().setKeepMessages(true);
        external.redirect(external.getRequestContextPath() + "/app/account/index.xhtml");
    }

    public void changePassword() {
        try {
            MyAccount.PasswordChange change = passwordChanges.change(request(), profile.version(), current,
                    newPassword, confirmation, sessionKey());
            switch (change.outcome()) {
                case CHANGED -> {
                    RuleMessages.info(change.otherSessionsEnded() == 0 ? "account.password.changed"
                            : "account.password.changedAndEnded", change.otherSessionsEnded());
                    sessions = myAccount.sessions(sessionKey());
                }
                case WRONG_CURRENT -> RuleMessages.error(FORM + "current", "account.password.wrongCurrent");
                case LOCKED -> RuleMessages.error(FORM + "current", "account.password.locked");
            }
            profile = myAccount.me();
        } catch (LimitReached limited) {
            RuleMessages.error(FORM + "current", "login.limitReached", limited.retryAfterMinutes());
        } catch (RuntimeException refused) {
            RuleMessages.show(refused, field -> FORM + (field.equals("password") ? "newPassword" : field), null);
            profile = myAccount.me();
        } finally {
            current = null;
            newPassword = null;
            confirmation = null;
        }
    }

    public void endSession(MyAccount.SessionLine line) {
        try {
            if (myAccount.endSession(line.id(), sessionKey())) {
                RuleMessages.info("account.sessions.ended");
            }
        } catch (RuntimeException refused) {
            RuleMessages.show(refused, field -> null, null);
        }
        sessions = myAccount.sessions(sessionKey());
    }

    public void endOtherSessions() {
        RuleMessages.info("account.sessions.endedOthers", myAccount.endOtherSessions(sessionKey()));
        sessions = myAccount.sessions(sessionKey());
    }

    /** The browser and system of a session, as a person recognises them. */
    public String browser(MyAccount.SessionLine line) {
        return UserAgents.shorten(line.userAgent());
    }

    public boolean isOthers() {
        return sessions.stream().anyMatch(line -> !line.current());
    }

    public int getMinimumLength() {
        return PasswordPolicy.MINIMUM_LENGTH;
    }

    private static String sessionKey() {
        Object key = FacesContext.getCurrentInstance().getExternalContext().getSessionMap()
                .get(PlatformAuthentication.SESSION_KEY);
        return key instanceof String text ? text : null;
    }

    private static HttpServletRequest request() {
        return (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    }

    public MyAccount.Profile getProfile() {
        return profile;
    }

    public List<MyAccount.SessionLine> getSessions() {
        return sessions;
    }

    public String getChosenLanguage() {
        return chosenLanguage;
    }

    public void setChosenLanguage(String chosenLanguage) {
        this.chosenLanguage = chosenLanguage;
    }

    public String getCurrent() {
        return current;
    }

    public void setCurrent(String current) {
        this.current = current;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getConfirmation() {
        return confirmation;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation;
    }
}

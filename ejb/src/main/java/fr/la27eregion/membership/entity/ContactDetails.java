package fr.la27eregion.membership.entity;

import fr.la27eregion.platform.rules.RuleViolation;

import java.io.Serializable;

/** A contact as a person types it; checked by {@link #check(String)} before it reaches a {@link Contact}. */
public class ContactDetails implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final int MAX_NAME = 200;
    public static final int MAX_JOB_TITLE = 200;

    private String fullName;
    private String email;
    private String jobTitle;
    private NetworkRole networkRole = NetworkRole.CORRESPONDENT;
    private String language = "fr";

    /**
     * Checks each field; {@code prefix} names this contact among several ({@code contacts[1].}) in the field of
     * the violation.
     */
    public void check(String prefix) {
        Fields.text(prefix + "fullName", fullName, MAX_NAME, true);
        Fields.email(prefix + "email", email);
        Fields.text(prefix + "jobTitle", jobTitle, MAX_JOB_TITLE, false);
        if (networkRole == null) {
            throw new RuleViolation(prefix + "networkRole", "membership.field.required",
                    prefix + "networkRole is required.");
        }
        if (!"fr".equals(language) && !"en".equals(language)) {
            throw new RuleViolation(prefix + "language", "membership.field.language",
                    prefix + "language is fr or en.");
        }
    }

    public String getFullName() {
        return fullName;
    }

    public void setFullName(String fullName) {
        this.fullName = fullName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getJobTitle() {
        return jobTitle;
    }

    public void setJobTitle(String jobTitle) {
        this.jobTitle = jobTitle;
    }

    public NetworkRole getNetworkRole() {
        return networkRole;
    }

    public void setNetworkRole(NetworkRole networkRole) {
        this.networkRole = networkRole;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }
}

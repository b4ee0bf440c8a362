package fr.la27eregion.identity.web;

import fr.la27eregion.identity.entity.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;

import java.util.Arrays;
import java.util.List;

/** The roles of the person using the intranet, for pages that show them. Deciding is the boundaries' job. */
@Named
@RequestScoped
public class CurrentCaller {

    @Inject
    private SecurityContext security;

    public List<String> getRoles() {
        return Arrays.stream(Role.values()).map(Role::name).filter(security::isCallerInRole).toList();
    }
}

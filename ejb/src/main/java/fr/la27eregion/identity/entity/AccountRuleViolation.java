package fr.la27eregion.identity.entity;

import jakarta.ejb.ApplicationException;

import java.util.List;

/**
 * An account change that breaks a rule. {@link #key()} names the rule in the message bundles
 * ({@code identity.rule.*}), {@link #arguments()} fill it in; the message is the English text, for logs and the API.
 * Rolls the transaction back: nothing of a refused change is kept.
 */
@ApplicationException(rollback = true)
public class AccountRuleViolation extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String key;
    private final List<Object> arguments;

    public AccountRuleViolation(String key, String message, Object... arguments) {
        super(message);
        this.key = key;
        this.arguments = List.of(arguments);
    }

    public String key() {
        return key;
    }

    public List<Object> arguments() {
        return arguments;
    }
}

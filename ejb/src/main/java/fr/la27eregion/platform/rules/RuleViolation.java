package fr.la27eregion.platform.rules;

import jakarta.ejb.ApplicationException;

import java.util.List;
import java.util.Optional;

/**
 * A change refused by a rule of the domain. {@link #key()} names the rule in the message bundles, {@link
 * #arguments()} fill it in, {@link #field()} names the input it is about (for a message beside that field); the
 * exception's message is the English text, for the log and the API.
 */
@ApplicationException(rollback = true)
public class RuleViolation extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String key;
    private final List<Object> arguments;

    public RuleViolation(String field, String key, String message, Object... arguments) {
        super(message);
        this.field = field;
        this.key = key;
        this.arguments = List.of(arguments);
    }

    /** The input the rule is about ({@code siret}, {@code contacts[0].email}), empty for the record as a whole. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    public String key() {
        return key;
    }

    public List<Object> arguments() {
        return arguments;
    }
}

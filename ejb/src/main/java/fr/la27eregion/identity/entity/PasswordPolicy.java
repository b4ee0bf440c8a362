package fr.la27eregion.identity.entity;

import fr.la27eregion.platform.rules.RuleViolation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The password rules, after ANSSI's recommendations on authentication (length first, rather than composition
 * rules that push people towards predictable patterns): at least {@value #MINIMUM_LENGTH} characters, not one of
 * the commonly used passwords bundled in {@code common-passwords.txt}, and not containing the username.
 * Each refusal names the rule broken, so the person knows what to change.
 */
public final class PasswordPolicy {

    public static final int MINIMUM_LENGTH = 12;
    /** Longer passwords only cost hashing time; passphrases of a few words stay far below this. */
    public static final int MAXIMUM_LENGTH = 128;

    private static final Set<String> COMMON = load();

    private PasswordPolicy() {
    }

    /** Refuses a password that breaks a rule, with the rule in the exception; returns quietly otherwise. */
    public static void check(String username, String password) {
        if (password == null || password.codePointCount(0, password.length()) < MINIMUM_LENGTH) {
            throw new RuleViolation("password", "identity.rule.passwordTooShort",
                    "The password must have at least " + MINIMUM_LENGTH + " characters.", MINIMUM_LENGTH);
        }
        if (password.length() > MAXIMUM_LENGTH) {
            throw new RuleViolation("password", "identity.rule.passwordTooLong",
                    "The password must have at most " + MAXIMUM_LENGTH + " characters.", MAXIMUM_LENGTH);
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower)) {
            throw new RuleViolation("password", "identity.rule.passwordCommon",
                    "This password is among the most commonly used ones; choose another.");
        }
        if (username != null && !username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
            throw new RuleViolation("password", "identity.rule.passwordContainsUsername",
                    "The password must not contain the username.");
        }
    }

    private static Set<String> load() {
        InputStream in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt");
        if (in == null) {
            throw new IllegalStateException("common-passwords.txt is missing from the EJB module");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(l -> l.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package fr.la27eregion.testing.browser;

import java.util.List;

/**
 * A rule of axe-core the page breaks, with the elements that break it.
 *
 * @param id      the axe rule, e.g. {@code color-contrast}
 * @param impact  {@code minor}, {@code moderate}, {@code serious} or {@code critical}
 * @param help    what the rule asks, in a sentence
 * @param helpUrl where axe explains the rule and its fix
 * @param targets a CSS selector per offending element
 * @param details axe's summary of what is wrong, per offending element
 */
public record AccessibilityViolation(String id, String impact, String help, String helpUrl, List<String> targets,
                                     List<String> details) {

    /** The violation as a reader of a failed build needs it. */
    public String describe() {
        StringBuilder text = new StringBuilder()
                .append("- ").append(id).append(" [").append(impact).append("] ").append(help)
                .append(" (").append(helpUrl).append(')');
        for (int i = 0; i < targets.size(); i++) {
            text.append("\n    ").append(targets.get(i));
            if (i < details.size() && !details.get(i).isBlank()) {
                text.append("\n      ").append(details.get(i).replace("\n", "\n      "));
            }
        }
        return text.toString();
    }
}

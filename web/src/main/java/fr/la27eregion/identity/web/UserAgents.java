package fr.la27eregion.identity.web;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser's user agent as a person recognises it on "My account": "Firefox 128 · Linux" rather than the
 * whole header. Only the usual browsers and systems are named; anything else shows its first word.
 */
public final class UserAgents {

    /** Browsers, the more specific first (Edge and Opera also say Chrome; Chrome also says Safari). */
    private static final List<Pattern> BROWSERS = List.of(Pattern.compile("(Edg)e?/(\\d+)"),
            Pattern.compile("(OPR)/(\\d+)"), Pattern.compile("(Firefox)/(\\d+)"),
            Pattern.compile("(Chromium|Chrome)/(\\d+)"),
            Pattern.compile("Version/(\\d+)[^ ]* (?:Mobile/\\S+ )?(Safari)"));
    private static final List<String[]> SYSTEMS = List.of(new String[] {"Android", "Android"},
            new String[] {"iPhone", "iOS"}, new String[] {"iPad", "iPadOS"}, new String[] {"Windows", "Windows"},
            new String[] {"Mac OS X", "macOS"}, new String[] {"CrOS", "ChromeOS"}, new String[] {"Linux", "Linux"});

    private UserAgents() {
    }

    /** The browser and system of a user agent; empty when there is none. */
    public static String shorten(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return "";
        }
        String browser = null;
        for (Pattern pattern : BROWSERS) {
            Matcher found = pattern.matcher(userAgent);
            if (found.find()) {
                browser = found.group(2).equals("Safari") ? "Safari " + found.group(1)
                        : name(found.group(1)) + " " + found.group(2);
                break;
            }
        }
        if (browser == null) {
            browser = userAgent.strip().split("[ /]", 2)[0];
        }
        for (String[] system : SYSTEMS) {
            if (userAgent.contains(system[0])) {
                return browser + " · " + system[1];
            }
        }
        return browser;
    }

    private static String name(String token) {
        return switch (token) {
            case "Edg" -> "Edge";
            case "OPR" -> "Opera";
            default -> token;
        };
    }
}

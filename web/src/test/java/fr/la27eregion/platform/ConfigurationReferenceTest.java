package fr.la27eregion.platform;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration reference, {@code ops/systemd/platform.env}, names every MicroProfile Config key the code of
 * the EJB and web modules reads, and only those: a key added to the code without its line there, or a line left for
 * a key no code reads any more, fails here by name. Pure: it reads the sources, no server.
 *
 * <p>A key is read where the sources say {@code @ConfigProperty(name = "k")}, {@code ${MPCONFIG=k}},
 * {@code getValue("k", ...)} or {@code getOptionalValue("k", ...)} (directly, through a constant of the same class,
 * or through a helper method of the class that passes its {@code String} parameter on to one of those: the mail
 * server's {@code text}, single sign-on's {@code setting} and {@code required}); {@code getOptionalValue("p." + ...)}
 * reads every key under the prefix {@code p.}. The defaults file ({@code microprofile-config.properties}) must name
 * only keys the code reads, apart from the {@code mp.} keys Payara itself reads.
 */
class ConfigurationReferenceTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path REFERENCE = ROOT.resolve("ops/systemd/platform.env");
    private static final Path DEFAULTS = ROOT.resolve("ejb/src/main/resources/META-INF/microprofile-config.properties");
    private static final List<Path> SOURCES = List.of(ROOT.resolve("ejb/src/main/java"), ROOT.resolve("web/src/main/java"));

    private static final Pattern CONFIG_PROPERTY = Pattern.compile("@ConfigProperty\\(\\s*name\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern MPCONFIG = Pattern.compile("\\$\\{MPCONFIG=([^}]+)}");
    private static final Pattern LITERAL_READ = Pattern.compile("get(?:Optional)?Value\\(\\s*\"([^\"]+)\"\\s*([,+])");
    private static final Pattern CONSTANT_READ = Pattern.compile("get(?:Optional)?Value\\(\\s*([A-Z][A-Z0-9_]*)\\s*,");
    private static final Pattern CONSTANT = Pattern.compile("\\b([A-Z][A-Z0-9_]*)\\s*=\\s*\"([^\"]+)\"\\s*;");
    /** A method whose first parameter is a String: its name, that parameter, where its body starts. */
    private static final Pattern STRING_METHOD = Pattern.compile(
            "(?:private|public|protected|static|\\s)\\s*[\\w<>\\[\\]]+\\s+(\\w+)\\s*\\(\\s*(?:final\\s+)?String\\s+(\\w+)[^)]*\\)\\s*(?:throws [\\w., ]+)?\\{");

    private static final Pattern HEADING = Pattern.compile("^## (\\S+)$");
    private static final Pattern VARIABLE = Pattern.compile("^#?([A-Z][A-Z0-9_]*)=(.*)$");

    @Test
    void theReferenceNamesEveryKeyTheCodeReadsAndNoOther() throws IOException {
        Set<String> read = keysReadByTheCode();
        Set<String> documented = reference().keySet();

        Set<String> undocumented = new TreeSet<>();
        for (String key : read) {
            boolean found = key.endsWith(".")
                    ? documented.stream().anyMatch(name -> name.startsWith(key))
                    : documented.contains(key);
            if (!found) {
                undocumented.add(key);
            }
        }
        Set<String> unread = new TreeSet<>();
        for (String key : documented) {
            if (!isRead(key, read)) {
                unread.add(key);
            }
        }
        assertThat(undocumented).as("keys the code reads that ops/systemd/platform.env does not document").isEmpty();
        assertThat(unread).as("keys ops/systemd/platform.env documents that no code reads").isEmpty();
        // the scan itself finds what it must: a key of each way of reading
        assertThat(read).contains("db.url", "identity.lockout.minutes", "mail.smtp.host", "oidc.client-id",
                "oidc.audience", "platform.journal.tsa-url", "membership.fee.");
    }

    @Test
    void eachKeyOfTheReferenceHasItsMeaningItsDefaultAndItsEnvironmentVariable() throws IOException {
        for (Map.Entry<String, Block> entry : reference().entrySet()) {
            String key = entry.getKey();
            Block block = entry.getValue();
            assertThat(block.variables).as("the environment variable of " + key)
                    .containsExactly(key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"));
            assertThat(block.meaning).as("the meaning of " + key).isNotEmpty();
            assertThat(block.defaultValue).as("the 'Default:' line of " + key).isNotNull();
        }
    }

    @Test
    void theDefaultsFileNamesOnlyKeysTheCodeReadsAndTheReferenceStatesTheirDefaults() throws IOException {
        Properties defaults = new Properties();
        try (Reader reader = Files.newBufferedReader(DEFAULTS, StandardCharsets.ISO_8859_1)) {
            defaults.load(reader);
        }
        Set<String> read = keysReadByTheCode();
        Map<String, Block> reference = reference();
        Set<String> unread = new TreeSet<>();
        for (String key : defaults.stringPropertyNames()) {
            if (key.startsWith("mp.")) {
                continue; // read by Payara (MicroProfile OpenAPI's filter), not an operator's setting
            }
            if (!isRead(key, read)) {
                unread.add(key);
                continue;
            }
            String value = defaults.getProperty(key);
            String stated = reference.get(key).defaultValue;
            assertThat(stated).as("the default of " + key + " in ops/systemd/platform.env")
                    .isEqualTo(value.isEmpty() ? "(empty)" : value);
        }
        assertThat(unread).as("keys of microprofile-config.properties that no code reads").isEmpty();
    }

    @Test
    void opsRunAndTheSystemdUnitHaveTheSameMemoryBudget() throws IOException {
        Matcher run = Pattern.compile("(?m)^memory_budget=\"([^\"]+)\"$")
                .matcher(Files.readString(ROOT.resolve("ops/run"), StandardCharsets.UTF_8));
        Matcher unit = Pattern.compile("(?m)^Environment=\"JAVA_MEMORY=([^\"]+)\"$")
                .matcher(Files.readString(ROOT.resolve("ops/systemd/platform.service"), StandardCharsets.UTF_8));
        assertThat(run.find()).as("ops/run's memory_budget").isTrue();
        assertThat(unit.find()).as("platform.service's JAVA_MEMORY").isTrue();
        assertThat(run.group(1)).isEqualTo(unit.group(1)).contains("-Xmx", "-XX:MaxMetaspaceSize=",
                "-XX:ReservedCodeCacheSize=", "-XX:MaxDirectMemorySize=", "-Xss");
    }

    private static boolean isRead(String key, Set<String> read) {
        return read.contains(key) || read.stream().anyMatch(prefix -> prefix.endsWith(".") && key.startsWith(prefix));
    }

    /** The reference, key by key, in its order. */
    private static Map<String, Block> reference() throws IOException {
        Map<String, Block> blocks = new LinkedHashMap<>();
        Block current = null;
        for (String line : Files.readAllLines(REFERENCE, StandardCharsets.UTF_8)) {
            Matcher heading = HEADING.matcher(line);
            Matcher variable = VARIABLE.matcher(line);
            if (heading.matches()) {
                current = new Block();
                assertThat(blocks.put(heading.group(1), current)).as("a second block for " + heading.group(1)).isNull();
            } else if (variable.matches()) {
                assertThat(current).as("the variable " + variable.group(1) + " outside a '## key' block").isNotNull();
                current.variables.add(variable.group(1));
            } else if (line.startsWith("# Default: ") && current != null) {
                current.defaultValue = line.substring("# Default: ".length());
            } else if (line.startsWith("# ") && current != null && current.variables.isEmpty()) {
                current.meaning.add(line.substring(2));
            } else if (line.isBlank() || line.startsWith("# =====")) {
                current = line.isBlank() ? current : null;
            }
        }
        return blocks;
    }

    private static final class Block {
        final List<String> meaning = new ArrayList<>();
        final List<String> variables = new ArrayList<>();
        String defaultValue;
    }

    /** Every key (or key prefix, ending with a dot) that the Java sources of the two modules read. */
    static Set<String> keysReadByTheCode() throws IOException {
        Map<Path, String> sources = new HashMap<>();
        for (Path root : SOURCES) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                    sources.put(file, Files.readString(file, StandardCharsets.UTF_8));
                }
            }
        }
        Set<String> keys = new TreeSet<>();
        // helper methods (per class): name -> whether other classes may call it as Class.name(...)
        Map<String, Set<String>> helpersByClass = new HashMap<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Map.Entry<Path, String> source : sources.entrySet()) {
                String className = source.getKey().getFileName().toString().replace(".java", "");
                Set<String> helpers = helpersByClass.computeIfAbsent(className, name -> new HashSet<>());
                Matcher method = STRING_METHOD.matcher(source.getValue());
                while (method.find()) {
                    String body = body(source.getValue(), method.end());
                    String parameter = Pattern.quote(method.group(2));
                    boolean passesItOn = Pattern.compile("get(?:Optional)?Value\\(\\s*" + parameter + "\\s*,").matcher(body).find()
                            || helpers.stream().anyMatch(helper ->
                            Pattern.compile("\\b" + helper + "\\(\\s*" + parameter + "\\s*[,)]").matcher(body).find());
                    if (passesItOn && helpers.add(method.group(1))) {
                        grew = true;
                    }
                }
            }
        }
        for (Map.Entry<Path, String> source : sources.entrySet()) {
            String text = source.getValue();
            String className = source.getKey().getFileName().toString().replace(".java", "");
            collect(CONFIG_PROPERTY, text, keys);
            collect(MPCONFIG, text, keys);
            Matcher literal = LITERAL_READ.matcher(text);
            while (literal.find()) {
                keys.add(literal.group(1)); // with "+": a prefix, which ends with its dot
            }
            Map<String, String> constants = new HashMap<>();
            Matcher constant = CONSTANT.matcher(text);
            while (constant.find()) {
                constants.put(constant.group(1), constant.group(2));
            }
            Matcher byConstant = CONSTANT_READ.matcher(text);
            while (byConstant.find()) {
                String value = constants.get(byConstant.group(1));
                assertThat(value).as("the constant " + byConstant.group(1) + " read in " + className).isNotNull();
                keys.add(value);
            }
            for (Map.Entry<String, Set<String>> helpers : helpersByClass.entrySet()) {
                for (String helper : helpers.getValue()) {
                    String call = helpers.getKey().equals(className)
                            ? "(?<![\\w.])" + helper : "\\b" + helpers.getKey() + "\\." + helper;
                    collect(Pattern.compile(call + "\\(\\s*\"([^\"]+)\""), text, keys);
                }
            }
        }
        return keys;
    }

    private static void collect(Pattern pattern, String text, Set<String> keys) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            keys.add(matcher.group(1));
        }
    }

    /** The text of a block from just after its opening brace to its closing one. */
    private static String body(String text, int from) {
        int depth = 1;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return text.substring(from, i);
            }
        }
        return text.substring(from);
    }
}

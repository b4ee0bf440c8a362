package fr.la27eregion.identity;

import fr.la27eregion.identity.entity.Role;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The roles are spelled once in code ({@link Role}); the deployment descriptors cannot refer to it, so this test
 * fails as soon as {@code web.xml}, {@code glassfish-web.xml} (the micro WAR's mapping) or the EAR's
 * {@code glassfish-application.xml} name a role the code does not have, or miss one it has.
 */
class RoleNamesTest {

    private static final Path WEB_XML = Path.of("src/main/webapp/WEB-INF/web.xml");
    private static final Path GLASSFISH_WEB = Path.of("src/main/webapp/WEB-INF/glassfish-web.xml");
    private static final Path GLASSFISH_APPLICATION =
            Path.of("../ear/src/main/application/META-INF/glassfish-application.xml");

    private static final Set<String> ROLES =
            Arrays.stream(Role.values()).map(Role::name).collect(Collectors.toCollection(TreeSet::new));

    @Test
    void theConstantsForAnnotationsAreTheRolesNames() throws Exception {
        for (Role role : Role.values()) {
            assertThat(Role.class.getField(role.name() + "_NAME").get(null)).as(role.name()).isEqualTo(role.name());
        }
        assertThat(Arrays.stream(Role.class.getFields()).filter(field -> field.getName().endsWith("_NAME")))
                .as("one constant per role, no more").hasSize(Role.values().length);
    }

    @Test
    void webXmlDeclaresExactlyTheRolesAndConstrainsWithThemOnly() throws Exception {
        Document webXml = parse(WEB_XML);
        assertThat(new TreeSet<>(texts(webXml, "security-role", "role-name"))).isEqualTo(ROLES);
        List<String> constrained = texts(webXml, "auth-constraint", "role-name");
        assertThat(constrained).isNotEmpty();
        assertThat(ROLES).containsAll(constrained);
    }

    @Test
    void theGlassfishDescriptorsMapEveryRoleToTheGroupOfItsName() throws Exception {
        for (Path descriptor : List.of(GLASSFISH_WEB, GLASSFISH_APPLICATION)) {
            Document document = parse(descriptor);
            List<String> roles = texts(document, "security-role-mapping", "role-name");
            assertThat(new TreeSet<>(roles)).as(descriptor.toString()).isEqualTo(ROLES);
            assertThat(roles).as(descriptor + ": each role once").hasSameSizeAs(ROLES);
            assertThat(texts(document, "security-role-mapping", "group-name")).as(descriptor + ": groups")
                    .isEqualTo(roles);
        }
    }

    private static Document parse(Path file) throws Exception {
        assertThat(Files.isRegularFile(file)).as(file.toAbsolutePath().toString()).isTrue();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        // the glassfish descriptors name their DTD by URL: never fetch it
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setNamespaceAware(false);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    /** The text of each {@code child} element inside each {@code parent} element, in document order. */
    private static List<String> texts(Document document, String parent, String child) {
        List<String> found = new ArrayList<>();
        NodeList parents = document.getElementsByTagName(parent);
        for (int i = 0; i < parents.getLength(); i++) {
            NodeList children = ((Element) parents.item(i)).getElementsByTagName(child);
            for (int j = 0; j < children.getLength(); j++) {
                found.add(children.item(j).getTextContent().strip());
            }
        }
        return found;
    }
}

package fr.la27eregion.membership.api;

import fr.la27eregion.membership.entity.MembershipAction;
import fr.la27eregion.membership.entity.NetworkRole;
import fr.la27eregion.membership.entity.OrganisationKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The names the OpenAPI description lists for each enumerated member are exactly the enumeration's constants. The
 * server's OpenAPI scanner describes an enumeration of the EJB module as an object, so the names are written out
 * in the {@code @Schema} annotations; this keeps them from drifting when a constant is added.
 */
class SchemaEnumerationsTest {

    /** The members given as text in requests, and the enumeration whose names they carry. */
    private static final Map<String, Class<? extends Enum<?>>> TEXT_MEMBERS = Map.of(
            "TransitionJson.action", MembershipAction.class,
            "ApplicationJson.kind", OrganisationKind.class,
            "ContactJson.networkRole", NetworkRole.class);

    @Test
    void everyEnumeratedMemberListsTheConstantsOfItsEnumeration() throws NoSuchFieldException {
        Map<String, List<String>> listed = new LinkedHashMap<>();
        Map<String, List<String>> expected = new LinkedHashMap<>();
        for (Class<?> record : List.of(MembershipJson.class, OrganisationJson.class, PublicMemberJson.class,
                ContactJson.class, ApplicationJson.class, TransitionJson.class)) {
            for (RecordComponent component : record.getRecordComponents()) {
                String member = record.getSimpleName() + "." + component.getName();
                // the annotation goes to the record's field, which the scanner reads
                Schema schema = record.getDeclaredField(component.getName()).getAnnotation(Schema.class);
                Class<?> type = component.getType().isEnum() ? component.getType() : TEXT_MEMBERS.get(member);
                if (type == null || member.equals("ContactJson.language")) {
                    continue;
                }
                assertThat(schema).as(member + " has a @Schema listing its names").isNotNull();
                listed.put(member, List.of(schema.enumeration()));
                expected.put(member, Arrays.stream(type.getEnumConstants()).map(constant -> ((Enum<?>) constant).name())
                        .toList());
            }
        }
        assertThat(listed).isEqualTo(expected).hasSizeGreaterThanOrEqualTo(8);
    }
}

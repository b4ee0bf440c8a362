package fr.la27eregion.identity.entity;

/**
 * The roles of DESIGN §2, spelled here once. The constants are also the role names of Jakarta Security: Java code
 * uses the enum or, in annotations ({@code @RolesAllowed}, {@code @DeclareRoles}), the {@code *_NAME} constants;
 * workflow tables name them as {@link fr.la27eregion.platform.workflow.Actor}s. The deployment descriptors
 * ({@code web.xml}, {@code glassfish-web.xml}, the EAR's {@code glassfish-application.xml}) cannot refer to code:
 * the web module's {@code RoleNamesTest} fails when they and this enum disagree.
 */
public enum Role {
    NETWORK_ADMIN(false),
    MEMBER_COORDINATOR(true),
    CONTRIBUTOR(true),
    REVIEWER(false),
    JURY(false),
    AUDITOR(false);

    /** Role names as constants, for annotations. */
    public static final String NETWORK_ADMIN_NAME = "NETWORK_ADMIN";
    public static final String MEMBER_COORDINATOR_NAME = "MEMBER_COORDINATOR";
    public static final String CONTRIBUTOR_NAME = "CONTRIBUTOR";
    public static final String REVIEWER_NAME = "REVIEWER";
    public static final String JURY_NAME = "JURY";
    public static final String AUDITOR_NAME = "AUDITOR";

    private final boolean needsOrganisation;

    Role(boolean needsOrganisation) {
        this.needsOrganisation = needsOrganisation;
    }

    /** Whether the role acts for one member organisation, so an account with it must belong to one. */
    public boolean needsOrganisation() {
        return needsOrganisation;
    }
}

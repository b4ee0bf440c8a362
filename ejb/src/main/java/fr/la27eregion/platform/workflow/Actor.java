package fr.la27eregion.platform.workflow;

import fr.la27eregion.identity.entity.Role;

import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who may make a transition, as a workflow table names them: one of the platform's {@link Role}s, the platform
 * itself ({@link #SYSTEM}: a scheduled job, the demo data) or {@link #ANYONE} (a step open to every caller, signed
 * in or not, such as applying to join). Typed rather than spelled, so a table cannot name a role that does not
 * exist, and a role is spelled only in {@link Role}.
 */
public final class Actor {

    /** The platform acting on its own: the daily job that lapses a membership. No person holds it. */
    public static final Actor SYSTEM = new Actor(null, "SYSTEM");

    /** Every caller, anonymous included: for steps whose gate is elsewhere (the secretariat's review). */
    public static final Actor ANYONE = new Actor(null, "ANYONE");

    private static final Map<Role, Actor> OF_ROLE = new EnumMap<>(Role.class);

    static {
        for (Role role : Role.values()) {
            OF_ROLE.put(role, new Actor(role, role.name()));
        }
    }

    private final Role role;
    private final String name;

    private Actor(Role role, String name) {
        this.role = role;
        this.name = name;
    }

    /** The actor a role makes of its holder. */
    public static Actor of(Role role) {
        return OF_ROLE.get(role);
    }

    /** What a caller holding these roles acts as: each role, and {@link #ANYONE}. */
    public static Set<Actor> holding(Collection<Role> roles) {
        Set<Actor> actors = new HashSet<>();
        roles.forEach(role -> actors.add(of(role)));
        actors.add(ANYONE);
        return Set.copyOf(actors);
    }

    /** The role this actor stands for; empty for {@link #SYSTEM} and {@link #ANYONE}. */
    public Optional<Role> role() {
        return Optional.ofNullable(role);
    }

    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}

package fr.la27eregion.platform.web;

import java.io.Serializable;

/**
 * A step of a record's workflow that the caller may take now, as a page offers it: the action's name, whether the
 * step asks for a reason, and the enum it belongs to, whose bundle keys name it ({@code <actions>.<ACTION>}).
 *
 * @param actions the bundle prefix of the action's enum ({@code label.LabelAction}, {@code project.StageAction})
 */
public record WorkflowStep(String actions, String action, boolean reasonRequired) implements Serializable {

    /** The bundle key of the action's name. */
    public String key() {
        return actions + "." + action;
    }
}

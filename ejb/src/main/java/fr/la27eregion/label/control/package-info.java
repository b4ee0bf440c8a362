/**
 * The label feature's rules and services below the boundaries: the three workflows as tables an auditor reads
 * ({@link fr.la27eregion.label.control.ApplicationWorkflow}, {@link fr.la27eregion.label.control.AssessmentWorkflow},
 * {@link fr.la27eregion.label.control.LabelWorkflow}), how {@link fr.la27eregion.platform.workflow.Transitions}
 * applies the applications' ({@link fr.la27eregion.label.control.ApplicationTransitions}), the caller's scope over
 * applications, and the notifications of steps and messages.
 */
package fr.la27eregion.label.control;

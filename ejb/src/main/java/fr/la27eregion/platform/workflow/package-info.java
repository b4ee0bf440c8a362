/**
 * What every workflow of the platform shares (memberships, label applications, assessments, labels): a table of
 * allowed transitions ({@link fr.la27eregion.platform.workflow.TransitionTable}) naming who may make each
 * ({@link fr.la27eregion.platform.workflow.Actor}) and what it needs, the small contract a record meets
 * ({@link fr.la27eregion.platform.workflow.WorkflowRecord}) and a feature describes
 * ({@link fr.la27eregion.platform.workflow.Workflow}), and the one place that applies a step, checks the actor and
 * the version, and writes the journal entry last ({@link fr.la27eregion.platform.workflow.Transitions}). Boundaries
 * offer the caller's possible actions with what each needs
 * ({@link fr.la27eregion.platform.workflow.PossibleAction}), so pages never re-code a rule of a table.
 */
package fr.la27eregion.platform.workflow;

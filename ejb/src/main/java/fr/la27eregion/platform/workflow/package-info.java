/**
 * What every workflow of the platform shares (memberships, label applications, labels): a table of allowed
 * transitions, each with who may make it and whether a written reason is required, and the refusals that name
 * the rule broken.
 */
package fr.la27eregion.platform.workflow;

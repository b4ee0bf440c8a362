/**
 * The auditor's workspace across features: {@code AuditStatistics}, the figures of the labels and memberships
 * (counts, times in each step, reviewer load, memberships over time) read in one place for the statistics page.
 */
package fr.la27eregion.audit.boundary;

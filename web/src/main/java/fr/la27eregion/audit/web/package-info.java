/**
 * The auditor's pages under {@code app/audit/}: a record's timeline with its state at a chosen date
 * ({@code record.xhtml}, {@code RecordTimelineView}), the statistics ({@code statistics.xhtml},
 * {@code StatisticsView}) and the caller's exports ({@code exports.xhtml}, {@code ExportsView}). Read-only; the
 * boundaries decide who reads.
 */
package fr.la27eregion.audit.web;

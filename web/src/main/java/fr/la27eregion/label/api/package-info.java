/**
 * The label part of the REST API: programmes and their grids ({@code /api/v1/label-programmes}), campaigns
 * ({@code /api/v1/campaigns}) and applications with their answers, steps and conversation
 * ({@code /api/v1/label-applications}), and their review: the assessments of an application
 * ({@code /api/v1/label-applications/{id}/assessments}) and the reviewers' side ({@code /api/v1/reviews}). The
 * resources only translate between HTTP and the boundaries, which decide who reads and changes what.
 */
package fr.la27eregion.label.api;

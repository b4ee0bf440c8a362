/**
 * The label feature's use cases, each a transaction secured in the boundary: programmes and their grids
 * ({@link fr.la27eregion.label.boundary.Programmes}), campaigns ({@link fr.la27eregion.label.boundary.Campaigns}),
 * applications with their answers and conversation ({@link fr.la27eregion.label.boundary.LabelApplications}) and
 * their review: assignments, scores, recusals ({@link fr.la27eregion.label.boundary.Assessments}).
 */
package fr.la27eregion.label.boundary;

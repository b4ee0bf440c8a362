/**
 * {@link fr.la27eregion.home.boundary.WaitingWork}: the queries of each role's home, scoped like the features' own
 * (the caller's organisation, their assignments, the juries they chair), counted by indexed queries.
 */
package fr.la27eregion.home.boundary;

/**
 * The datasets and their reading: {@link fr.la27eregion.opendata.boundary.OpenData} reads the current public data
 * of a dataset and the instant it last changed.
 */
package fr.la27eregion.opendata.boundary;

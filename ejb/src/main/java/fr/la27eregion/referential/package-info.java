/**
 * Reference data shared by every feature: the territories of the network (regions of France today and before
 * 2016, European regions) and the innovation themes. Seeded by migration from the published reference files.
 */
package fr.la27eregion.referential;

/**
 * The intranet's home (issue 12): what waits for the caller, one section per role they hold, each item a link to the
 * page where it is done, and the counts behind the menu's badges. It reads only: every change stays with the
 * feature that owns the record.
 */
package fr.la27eregion.home;

/**
 * The journal's pages for auditors and the secretariat: the journal browser ({@code app/audit/journal.xhtml}) and the
 * integrity page ({@code app/audit/integrity.xhtml}), which verifies the chain and the anchors in the background and
 * anchors the head on request.
 */
package fr.la27eregion.journal.web;

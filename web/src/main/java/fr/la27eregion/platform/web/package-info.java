/**
 * What every page shares: the language of the reader, request ids, error pages, the messages of a refused use
 * case ({@link fr.la27eregion.platform.web.RuleMessages}) with the error summary of a form, and dates shown in
 * Paris time.
 */
package fr.la27eregion.platform.web;

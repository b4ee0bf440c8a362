/** What every page shares: the language of the reader, request ids, error pages. */
package fr.la27eregion.platform.web;

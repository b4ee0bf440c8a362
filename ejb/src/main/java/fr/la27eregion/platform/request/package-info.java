/**
 * What the domain needs to know about the HTTP request it serves, without depending on the web module:
 * today its request id, which the journal records beside each entry.
 */
package fr.la27eregion.platform.request;

/**
 * The identity pages: login, the intranet home, password reset by link, and the administration of accounts for
 * the network's secretariat. Backing beans are thin: rules are in {@code fr.la27eregion.identity.boundary}.
 */
package fr.la27eregion.identity.web;

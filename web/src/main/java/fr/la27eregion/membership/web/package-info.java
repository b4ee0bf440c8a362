/**
 * The membership pages: joining the network ({@code join.xhtml}, open to everyone) and an organisation's page on
 * the intranet ({@code app/membership/organisation.xhtml}: profile, contacts, membership and its workflow actions,
 * the timeline read from the journal). Thin views over the {@code Organisations} and {@code Memberships}
 * boundaries, which check every rule and every right.
 */
package fr.la27eregion.membership.web;

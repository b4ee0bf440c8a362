/**
 * The membership pages: joining the network ({@code join.xhtml}, open to everyone), an organisation's page on the
 * intranet ({@code app/membership/organisation.xhtml}: profile, contacts, membership and its workflow actions, the
 * timeline read from the journal), the secretariat's desk ({@code app/membership/desk.xhtml}), the public members
 * list and map ({@code public/members.xhtml}), and the organisation chooser of other forms. Thin views over the
 * {@code Organisations} and {@code Memberships} boundaries, which check every rule and every right.
 */
package fr.la27eregion.membership.web;

/**
 * The membership pages: the secretariat's desk ({@code app/membership/desk.xhtml}), the public members list and map
 * ({@code public/members.xhtml}), and the organisation chooser of other forms. Backing beans are thin: rules and
 * rights are in {@code fr.la27eregion.membership.boundary}.
 */
package fr.la27eregion.membership.web;

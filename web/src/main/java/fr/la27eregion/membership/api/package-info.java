/**
 * The membership part of the REST API: the public members list and profiles, applying to join, the contacts and
 * memberships of an organisation for its readers, and the membership workflow's transitions. The resources only
 * translate between JSON and the boundaries ({@code Organisations}, {@code Memberships}), which decide who may do
 * what, on which organisation's records, and which transitions the workflow allows; the pages call the same
 * boundaries, so the API and the intranet cannot differ.
 */
package fr.la27eregion.membership.api;

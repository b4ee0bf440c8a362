/**
 * The membership use cases: applying, the organisation's profile and contacts, the workflow's transitions, the
 * secretariat's desk, the public members list, and the daily deadlines (lapses, reminders).
 */
package fr.la27eregion.membership.boundary;

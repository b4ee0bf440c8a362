/** The membership workflow as a table of transitions an auditor can read, and the one place that applies it. */
package fr.la27eregion.membership.control;

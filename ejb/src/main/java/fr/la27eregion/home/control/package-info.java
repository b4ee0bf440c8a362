/**
 * The statements behind the intranet's home and its search box, over a JDBC connection: the boundary runs them with
 * the caller's scope, a measurement can run the very same straight against PostgreSQL.
 */
package fr.la27eregion.home.control;

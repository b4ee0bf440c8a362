/**
 * The open data on the web: the files under {@code /opendata/} (CSV, JSON, JSON Schema, the DCAT-AP catalogue),
 * the Atom feed under {@code /feeds/}, and the documentation page {@code /public/open-data.xhtml}. Plain servlets
 * that never open an HTTP session: the files are the same for every reader.
 */
package fr.la27eregion.opendata.web;

/**
 * Tables written as files for people who work on them elsewhere (auditors, the secretariat): CSV (RFC 4180, UTF-8)
 * and XLSX, both written as a stream, row after row, so that an export of a million rows holds one row in memory.
 * What the rows are is the feature's business ({@code audit}); how a table becomes a file is here.
 */
package fr.la27eregion.platform.export;

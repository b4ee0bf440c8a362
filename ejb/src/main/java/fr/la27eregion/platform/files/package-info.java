/**
 * The files people attach to records (a project's, a label application's and its messages'), with one set of
 * rules: the type read from the content (PDF, ODT, DOCX, PNG, JPEG), the name cleaned and agreeing with it, the
 * size limit, the bytes received as a stream with their SHA-256 and kept in PostgreSQL or a folder. A feature
 * keeps its own tables and its own family of refusal messages; it never copies the checks.
 */
package fr.la27eregion.platform.files;

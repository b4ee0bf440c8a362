-- Project search (issue 10): the title matches of a search are read first and apart (ProjectSearchSql.Part): a common
-- word is in the text of a sixth of the catalogue but in the titles of a few percent, and the first pages show only
-- those. This index finds the projects whose small ranking vector (search_head, V16: title and summary) has the
-- words; the title's weight is then checked in the row, without reading the full vector kept out of line.
CREATE INDEX project_search_head_idx ON project USING gin (search_head);

-- The application's rights (DESIGN §3: "the application's database role holds INSERT and SELECT only" on the
-- journal). When the migrations run as an owner role of their own (db.migration.user, DB_MIGRATION_USER), the
-- application role (db.user, passed by fr.la27eregion.platform.database.Migrations as the placeholder
-- application_role) owns nothing: it may read and write the ordinary tables, only add to the journal, and only
-- move the chain head forward; it cannot alter a table, drop a trigger or disable one.
-- When both are the same role (an installation that has not split them yet), nothing is granted: an owner holds
-- every right on what it owns, and the journal then rests on its triggers alone.
--
-- Later migrations: tables and sequences the owner creates from now on get the rights of an ordinary table
-- through the default privileges below. A migration that creates a journal-like table (append-only, or one row
-- that only moves forward) must REVOKE from the application role what that table must not allow, as this one
-- does for journal_entry and journal_head. Idempotent: every statement may run again.
DO $$
DECLARE
    application_role text := '${application_role}';
BEGIN
    IF application_role = '' OR application_role = current_user THEN
        RAISE NOTICE 'The migrations run as the application role %: no rights to grant.', current_user;
        RETURN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = application_role) THEN
        RAISE EXCEPTION 'The application role % (db.user) does not exist: create it before the migrations run.',
            application_role;
    END IF;

    EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', application_role);

    -- the ordinary tables (V1 reference data, V4 identity)
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON territory, theme, account, account_role, '
                       || 'password_reset TO %I', application_role);

    -- the journal (V3): entries are added and read, never changed; the head is read and moved forward
    EXECUTE format('REVOKE ALL ON journal_entry, journal_head FROM %I', application_role);
    EXECUTE format('GRANT SELECT, INSERT ON journal_entry TO %I', application_role);
    EXECUTE format('GRANT SELECT, UPDATE ON journal_head TO %I', application_role);

    -- the identity columns' sequences
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %I', application_role);

    -- what the owner creates later (see above: a journal-like table revokes what it must not allow)
    EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA public '
                       || 'GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I', current_user, application_role);
    EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA public '
                       || 'GRANT USAGE, SELECT ON SEQUENCES TO %I', current_user, application_role);
END
$$;

# ops/postgres-connection.bash — sourced by ops/backup and ops/restore: which PostgreSQL, with which tools.
#
# The database is named the way the platform names it, or the way PostgreSQL's own tools do:
#   DB_URL=jdbc:postgresql://host:5432/platform DB_USER=... DB_PASSWORD=...   (the platform's settings; the JDBC
#                                          query string, e.g. ?targetServerType=primary, is left out, and a
#                                          list of hosts host1:5432,host2:5432 is kept: libpq tries each in turn)
#   PGHOST=host PGPORT=5432 PGDATABASE=platform PGUSER=... PGPASSWORD=...   (or ~/.pgpass, PGSERVICE, ...)
# DB_URL wins over PGHOST/PGPORT/PGDATABASE; DB_USER/DB_PASSWORD over PGUSER/PGPASSWORD.
# PG_BIN names the folder of pg_dump/pg_restore/psql (default: the newest /usr/lib/postgresql/*/bin, else PATH).
# pg_dump must be of the server's major version or newer (PostgreSQL 14+).

pg_bin() {
  if [ -n "${PG_BIN:-}" ]; then printf '%s' "$PG_BIN"; return; fi
  local newest
  newest="$(ls -d /usr/lib/postgresql/*/bin /usr/pgsql-*/bin 2>/dev/null | sort -V | tail -n1 || true)"
  if [ -n "$newest" ] && [ -x "$newest/pg_dump" ]; then printf '%s' "$newest"; return; fi
  local dump
  dump="$(command -v pg_dump || true)"
  [ -n "$dump" ] || { echo "pg_dump not found: install postgresql-client (Debian) or set PG_BIN." >&2; return 1; }
  dirname "$dump"
}

# Sets PG* from DB_URL / DB_USER / DB_PASSWORD when given, then checks a database is named.
pg_connection_from_env() {
  if [ -n "${DB_URL:-}" ]; then
    local rest="${DB_URL#jdbc:postgresql://}"
    [ "$rest" != "$DB_URL" ] || { echo "DB_URL must start with jdbc:postgresql:// (it is '$DB_URL')." >&2; return 2; }
    rest="${rest%%\?*}"
    local hosts="${rest%%/*}" database="${rest#*/}"
    [ "$hosts" != "$rest" ] && [ -n "$database" ] || { echo "DB_URL names no database: '$DB_URL'." >&2; return 2; }
    local list="" ports="" entry
    IFS=',' read -r -a entries <<<"$hosts"
    for entry in "${entries[@]}"; do
      list="${list:+$list,}${entry%%:*}"
      if [ "$entry" != "${entry%%:*}" ]; then ports="${ports:+$ports,}${entry##*:}"; else ports="${ports:+$ports,}5432"; fi
    done
    export PGHOST="$list" PGPORT="$ports" PGDATABASE="$database"
  fi
  [ -n "${DB_USER:-}" ] && export PGUSER="$DB_USER"
  [ -n "${DB_PASSWORD:-}" ] && export PGPASSWORD="$DB_PASSWORD"
  [ -n "${PGDATABASE:-}" ] || { echo "No database named: set DB_URL (or PGHOST, PGPORT, PGDATABASE)." >&2; return 2; }
}

# The JDBC URL of the same database, for the Java tools (ops/verify-journal).
pg_jdbc_url() {
  local hosts="" i=0 host
  IFS=',' read -r -a host_list <<<"${PGHOST:-127.0.0.1}"
  IFS=',' read -r -a port_list <<<"${PGPORT:-5432}"
  for host in "${host_list[@]}"; do
    local port="${port_list[$i]:-${port_list[0]}}"
    hosts="${hosts:+$hosts,}$host:$port"
    i=$((i + 1))
  done
  printf 'jdbc:postgresql://%s/%s' "$hosts" "$PGDATABASE"
}

# The row counts the manifest records: every table of the schema public, but Flyway's history, one per line
# "table=count", sorted. Run inside the caller's transaction (psql reads the SQL from standard input).
PG_COUNTS_SQL="SELECT string_agg(format('%s=%s', c.relname,
    (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM public.%I', c.relname), false, true, '')))[1]::text),
    E'\n' ORDER BY c.relname)
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> 'flyway_schema_history';"

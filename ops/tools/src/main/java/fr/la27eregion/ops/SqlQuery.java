package fr.la27eregion.ops;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * One query, its rows printed one a line, the columns separated by tabs: what the drills of {@code ops/test-cluster}
 * read from the database ({@code job_run}) without a {@code psql} on the machine.
 *
 * <p>Usage: {@code SqlQuery JDBC_URL USER PASSWORD SELECT...}.
 */
public final class SqlQuery {

    private SqlQuery() {
    }

    public static void main(String[] args) throws SQLException {
        if (args.length != 4) {
            System.err.println("usage: SqlQuery JDBC_URL USER PASSWORD QUERY");
            System.exit(2);
        }
        try (Connection connection = DriverManager.getConnection(args[0], args[1], args[2]);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(args[3])) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    values.add(String.valueOf(rows.getString(i)));
                }
                System.out.println(String.join("\t", values));
            }
        }
    }
}

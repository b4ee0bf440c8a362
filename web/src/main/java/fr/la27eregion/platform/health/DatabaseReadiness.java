package fr.la27eregion.platform.health;

import fr.la27eregion.platform.database.Migrations;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Ready means the platform can serve: the database answers now and its schema is up to date.
 * A load balancer takes an instance whose database is gone out of rotation until it comes back.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    private static final int TIMEOUT_SECONDS = 3;

    @Resource(lookup = Migrations.DATA_SOURCE)
    private DataSource dataSource;

    @Inject
    private Migrations migrations;

    @Inject
    private DatabaseOutage outage;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("database")
                .withData("schema", migrations.applied() ? "up to date" : "not migrated");
        try (Connection connection = dataSource.getConnection()) {
            boolean valid = connection.isValid(TIMEOUT_SECONDS);
            if (valid) {
                outage.ended();
            }
            return response.status(valid && migrations.applied()).build();
        } catch (SQLException unreachable) {
            outage.began();
            return response.down().withData("error", "unreachable: check DB_URL, DB_USER, DB_PASSWORD").build();
        }
    }
}

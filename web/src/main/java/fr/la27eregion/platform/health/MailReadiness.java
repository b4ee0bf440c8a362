package fr.la27eregion.platform.health;

import fr.la27eregion.notification.control.MailServer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The SMTP server, as readiness sees it: a check named {@code mail} whose data says whether the server answers
 * (a TCP connection and its {@code 220} greeting, then {@code QUIT}), probed at most every {@value #PROBE_SECONDS}
 * seconds whatever the polling rate.
 *
 * <p>It reports, it does not fail: its status stays UP when the server is down. Mail goes through the outbox
 * ({@code outgoing_mail}), which keeps every message and retries it until the server is back, so the platform
 * serves fully meanwhile; a DOWN here would make every instance of a cluster leave its load balancer at once for
 * an outage that loses nothing. Operators alert on the check's data ({@code "smtp":"unreachable ..."}) or on the
 * {@code mail_failed_total} metric (ops/monitoring/rules.yml).
 */
@Readiness
@ApplicationScoped
public class MailReadiness implements HealthCheck {

    static final int PROBE_SECONDS = 10;
    private static final int MAX_TIMEOUT_MILLIS = 3000;

    @Inject
    private MailServer mail;

    private volatile String lastAnswer;
    private volatile long probedAt;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("mail").up()
                .withData("smtp", mail.address().map(address -> probed(address)).orElse("not configured (mail stays "
                        + "in the outbox)"))
                .build();
    }

    private String probed(InetSocketAddress address) {
        long now = System.nanoTime();
        if (lastAnswer == null || now - probedAt > PROBE_SECONDS * 1_000_000_000L) {
            lastAnswer = probe(address);
            probedAt = now;
        }
        return lastAnswer;
    }

    private String probe(InetSocketAddress address) {
        String server = address.getHostString() + ":" + address.getPort();
        int timeout = Math.min(mail.connectTimeoutMillis(), MAX_TIMEOUT_MILLIS);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address.getHostString(), address.getPort()), timeout);
            socket.setSoTimeout(timeout);
            String greeting = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            OutputStream out = socket.getOutputStream();
            out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return greeting != null && greeting.startsWith("220") ? "reachable " + server
                    : "unreachable " + server + ": no SMTP greeting (mail waits in the outbox)";
        } catch (IOException unreachable) {
            return "unreachable " + server + ": " + unreachable.getMessage() + " (mail waits in the outbox)";
        }
    }
}

package fr.la27eregion.testing;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * A real SMTP server for the test run (GreenMail), on loopback with a free port, started before any deployment and
 * published as {@code test.mail.port} (with {@code test.mail.user} and {@code test.mail.password}, the account the
 * platform authenticates with): {@link TestServer} and {@code arquillian.xml} hand them to every Payara Micro as
 * {@code mail.smtp.*}, so every server sends its mail here. A test reads what arrived with {@link #await}, and may
 * stop the server ({@link #stop()}) to see the platform retry, then start it again on the same port
 * ({@link #start()}), which it does after each test, since the other tests share it.
 *
 * <p>Like the test database, it runs only in test runs that ask for a database ({@code test.db.dir}: the
 * integration tests).
 */
public final class MailServerSession implements LauncherSessionListener {

    public static final String USER = "platform-mail";
    public static final String PASSWORD = "test-only-smtp-password";

    private static GreenMail server;
    private static int port;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getProperty("test.db.dir") == null) {
            return;
        }
        synchronized (MailServerSession.class) {
            if (server != null) {
                return;
            }
            server = started(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
            port = server.getSmtp().getPort();
        }
        System.setProperty("test.mail.port", Integer.toString(port));
        System.setProperty("test.mail.user", USER);
        System.setProperty("test.mail.password", PASSWORD);
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        synchronized (MailServerSession.class) {
            if (server != null) {
                server.stop();
                server = null;
            }
        }
    }

    /** Stops the SMTP server: the platform's connections are refused until {@link #start()}. */
    public static synchronized void stop() {
        running().stop();
    }

    /** Starts the SMTP server again, on the same port (mail received before is forgotten). */
    public static synchronized void start() {
        if (!running().isRunning()) {
            server = started(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        }
    }

    /**
     * Waits until at least {@code count} mails to {@code recipient} matching {@code which} arrived, at most
     * {@code timeout}; returns every such mail received then (more than {@code count} if more came).
     */
    public static List<MimeMessage> await(String recipient, Predicate<MimeMessage> which, int count,
                                          Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<MimeMessage> found = received(recipient, which);
        while (found.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(100);
            found = received(recipient, which);
        }
        return found;
    }

    /** The mails received so far for {@code recipient} that match {@code which}. */
    public static List<MimeMessage> received(String recipient, Predicate<MimeMessage> which) {
        GreenMail current;
        synchronized (MailServerSession.class) {
            current = running();
        }
        return Arrays.stream(current.getReceivedMessages()).filter(message -> to(message, recipient))
                .filter(which).toList();
    }

    /** Mails whose subject is exactly {@code subject}. */
    public static Predicate<MimeMessage> subject(String subject) {
        return message -> {
            try {
                return subject.equals(message.getSubject());
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static boolean to(MimeMessage message, String recipient) {
        try {
            Address[] to = message.getAllRecipients();
            return to != null && Arrays.stream(to).anyMatch(address -> address.toString().equalsIgnoreCase(recipient));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static GreenMail running() {
        if (server == null) {
            throw new IllegalStateException("The SMTP server of the tests is not running (integration tests only)");
        }
        return server;
    }

    private static GreenMail started(ServerSetup setup) {
        GreenMail mail = new GreenMail(setup).withConfiguration(GreenMailConfiguration.aConfig()
                .withUser("platform@test.invalid", USER, PASSWORD));
        mail.start();
        return mail;
    }
}

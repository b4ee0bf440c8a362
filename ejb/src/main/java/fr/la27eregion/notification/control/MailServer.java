package fr.la27eregion.notification.control;

import fr.la27eregion.notification.entity.OutgoingMail;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.NoSuchProviderException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Provider;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.UnsupportedEncodingException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;

/**
 * The SMTP server the platform sends its mail through, a Jakarta Mail {@link Session} built from MicroProfile
 * Config ({@code mail.*}: defaults and meaning in {@code microprofile-config.properties}, environment variables such
 * as {@code MAIL_SMTP_HOST} in production). Jakarta Mail is the application server's (Angus Mail in Payara Micro
 * and Payara Server), so the archives carry none.
 *
 * <p>Without {@code mail.smtp.host} no mail is sent: it waits in the outbox, and an installation that configures
 * a server later (and restarts) delivers the backlog. Settings are read once, at start, and described in the log
 * then ({@link #describe()}), never per mail.
 */
@ApplicationScoped
public class MailServer {

    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    /**
     * The application's configuration, by its own class loader: the first to use this bean may be the readiness
     * check (mail), called on a thread of the health endpoint whose context class loader does not see the
     * application's defaults (an injected {@code Config} then lacked {@code mail.from}'s name).
     */
    private final Config config = ConfigProvider.getConfig(MailServer.class.getClassLoader());

    private Session session;
    private InetSocketAddress address;
    private InternetAddress from;
    private String description;

    @PostConstruct
    void configure() {
        Optional<String> host = text("mail.smtp.host");
        if (host.isEmpty()) {
            description = "not configured (mail.smtp.host is empty): mail stays in the outbox until a server is "
                    + "configured";
            return;
        }
        int port = config.getOptionalValue("mail.smtp.port", Integer.class).orElse(25);
        try {
            from = new InternetAddress(text("mail.from").orElse("no-reply@localhost"), true);
            if (from.getPersonal() != null) {
                from.setPersonal(from.getPersonal(), UTF_8);
            }
        } catch (AddressException | UnsupportedEncodingException wrong) {
            description = "not configured: mail.from is not an e-mail address (" + wrong.getMessage()
                    + "); mail stays in the outbox";
            return;
        }
        Properties properties = new Properties();
        properties.put("mail.transport.protocol", "smtp");
        properties.put("mail.smtp.host", host.get());
        properties.put("mail.smtp.port", Integer.toString(port));
        properties.put("mail.smtp.from", from.getAddress());
        String connect = millis("mail.smtp.connect-timeout-seconds", 10);
        String read = millis("mail.smtp.timeout-seconds", 30);
        properties.put("mail.smtp.connectiontimeout", connect);
        properties.put("mail.smtp.timeout", read);
        properties.put("mail.smtp.writetimeout", read);
        boolean starttls = config.getOptionalValue("mail.smtp.starttls", Boolean.class).orElse(false);
        if (starttls) {
            // required, not merely enabled: a server that cannot encrypt gets no password and no mail in clear
            properties.put("mail.smtp.starttls.enable", "true");
            properties.put("mail.smtp.starttls.required", "true");
            properties.put("mail.smtp.ssl.checkserveridentity", "true");
        }
        Optional<String> user = text("mail.smtp.user");
        Authenticator authenticator = null;
        if (user.isPresent()) {
            String password = text("mail.smtp.password").orElse("");
            properties.put("mail.smtp.auth", "true");
            authenticator = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(user.get(), password);
                }
            };
        }
        session = Session.getInstance(properties, authenticator);
        address = InetSocketAddress.createUnresolved(host.get(), port);
        description = "SMTP " + host.get() + ":" + port + (starttls ? " with STARTTLS" : "")
                + user.map(name -> " as " + name).orElse("") + ", from " + from.getAddress()
                + ", timeouts " + connect + "/" + read + " ms";
    }

    /** The SMTP server's host and port (unresolved), when mail is sent at all: what readiness probes. */
    public Optional<InetSocketAddress> address() {
        return Optional.ofNullable(address);
    }

    /** The connection timeout of the settings, in milliseconds. */
    public int connectTimeoutMillis() {
        return Integer.parseInt(millis("mail.smtp.connect-timeout-seconds", 10));
    }

    /** Whether mail is sent at all. */
    public boolean configured() {
        return session != null;
    }

    /**
     * The settings in one line for the start-up log (never the password), and the Jakarta Mail implementation
     * found: an archive deployed on a server without one fails here, at start, not at the first mail.
     */
    public String describe() {
        try {
            Provider smtp = Session.getInstance(new Properties()).getProvider("smtp");
            return description + "; Jakarta Mail SMTP: " + smtp.getClassName()
                    + (smtp.getVersion() == null ? "" : " " + smtp.getVersion());
        } catch (NoSuchProviderException missing) {
            throw new IllegalStateException("The application server provides no Jakarta Mail SMTP implementation",
                    missing);
        }
    }

    /**
     * Sends one mail now: UTF-8 plain text, its subject encoded in UTF-8.
     *
     * @throws MessagingException when the server cannot be reached or refuses it (the caller retries later)
     */
    public void transmit(OutgoingMail mail, Instant now) throws MessagingException {
        if (session == null) {
            throw new IllegalStateException("No mail server is configured");
        }
        Transport.send(message(mail, now));
    }

    MimeMessage message(OutgoingMail mail, Instant now) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(from);
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.getRecipient(), true));
        message.setSubject(mail.getSubject(), UTF_8);
        message.setText(mail.getBody(), UTF_8);
        message.setSentDate(Date.from(now));
        // RFC 3834: written by a machine, so that an out-of-office reply does not answer it
        message.setHeader("Auto-Submitted", "auto-generated");
        return message;
    }

    private Optional<String> text(String name) {
        return config.getOptionalValue(name, String.class).map(String::strip).filter(value -> !value.isEmpty());
    }

    private String millis(String name, int defaultSeconds) {
        int seconds = config.getOptionalValue(name, Integer.class).orElse(defaultSeconds);
        return Long.toString(Duration.ofSeconds(Math.max(1, seconds)).toMillis());
    }
}

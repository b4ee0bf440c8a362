package fr.la27eregion.testing;

import com.sun.net.httpserver.HttpServer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real RFC 3161 time-stamping authority for the test run: a {@code com.sun.net.httpserver} on loopback answering
 * {@code application/timestamp-query} with Bouncy Castle's {@link TimeStampResponseGenerator}, signing with a
 * self-signed certificate made here (critical extended key use: time stamping). Its URL and certificate file are
 * published as {@code test.tsa.url} and {@code test.tsa.certificate}, which {@link TestServer} passes to the
 * platform as {@code platform.journal.tsa-url} and {@code platform.journal.tsa-certificate}.
 *
 * <p>A test chooses how it answers next ({@link #answer(Mode)}): rightly, with a token over another hash, signed by
 * another (untrusted) key, or not at all (HTTP 503). Registered before {@link TestServer}, which needs its URL.
 */
public final class TimeStampAuthoritySession implements LauncherSessionListener {

    /** How the authority answers. */
    public enum Mode {
        /** A token over the hash asked. */
        RIGHT,
        /** A token over another hash (with the request's nonce): a timestamp that does not match the head. */
        OTHER_HASH,
        /** A right token signed by a key whose certificate is not the trusted one. */
        UNTRUSTED,
        /** HTTP 503, no token. */
        DOWN
    }

    private static HttpServer server;
    private static volatile Mode mode = Mode.RIGHT;
    private static final AtomicLong SERIAL = new AtomicLong(1);
    private static Signer trusted;
    private static Signer stranger;

    /** How the authority answers from now on (every test sets it; RIGHT again after). */
    public static void answer(Mode next) {
        mode = next;
    }

    @Override
    public synchronized void launcherSessionOpened(LauncherSession session) {
        if (server != null) {
            return;
        }
        try {
            trusted = new Signer("CN=Autorite d'horodatage de test");
            stranger = new Signer("CN=Autre autorite");
            Path certificate = Path.of("target", "test-tsa.pem").toAbsolutePath();
            Files.createDirectories(certificate.getParent());
            Files.writeString(certificate, "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(trusted.certificate.getEncoded()) + "\n-----END CERTIFICATE-----\n");
            HttpServer started = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            started.createContext("/tsa", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                byte[] reply;
                int status = 200;
                try {
                    reply = respond(new TimeStampRequest(body));
                } catch (Exception unreadable) {
                    reply = unreadable.toString().getBytes(StandardCharsets.UTF_8);
                    status = 400;
                }
                if (reply == null) {
                    reply = "down for the test".getBytes(StandardCharsets.UTF_8);
                    status = 503;
                }
                exchange.getResponseHeaders().set("Content-Type", status == 200 ? "application/timestamp-reply"
                        : "text/plain");
                exchange.sendResponseHeaders(status, reply.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(reply);
                }
            });
            started.start();
            server = started;
            System.setProperty("test.tsa.url", "http://127.0.0.1:" + started.getAddress().getPort() + "/tsa");
            System.setProperty("test.tsa.certificate", certificate.toString());
        } catch (Exception failed) {
            throw new IllegalStateException("The test time-stamping authority could not start", failed);
        }
    }

    @Override
    public synchronized void launcherSessionClosed(LauncherSession session) {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    private static byte[] respond(TimeStampRequest request) throws Exception {
        Mode now = mode;
        if (now == Mode.DOWN) {
            return null;
        }
        TimeStampRequest signed = request;
        if (now == Mode.OTHER_HASH) {
            TimeStampRequestGenerator other = new TimeStampRequestGenerator();
            other.setCertReq(request.getCertReq());
            byte[] elsewhere = MessageDigest.getInstance("SHA-256").digest("not the head".getBytes(
                    StandardCharsets.UTF_8));
            signed = other.generate(TSPAlgorithms.SHA256, elsewhere, request.getNonce());
        }
        Signer signer = now == Mode.UNTRUSTED ? stranger : trusted;
        TimeStampResponse response = signer.responses.generate(signed,
                BigInteger.valueOf(SERIAL.getAndIncrement()), new Date());
        return response.getEncoded();
    }

    /** A key pair, its self-signed time-stamping certificate, and a response generator signing with them. */
    private static final class Signer {
        private final X509Certificate certificate;
        private final TimeStampResponseGenerator responses;

        Signer(String name) throws Exception {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            X500Name subject = new X500Name(name);
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                    BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(Duration.ofDays(3650))), subject, keys.getPublic());
            builder.addExtension(Extension.extendedKeyUsage, true,
                    new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
            X509CertificateHolder holder = builder.build(new JcaContentSignerBuilder("SHA256withRSA")
                    .build(keys.getPrivate()));
            certificate = new JcaX509CertificateConverter().getCertificate(holder);
            TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
                    new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withRSA", keys.getPrivate(), certificate),
                    new JcaDigestCalculatorProviderBuilder().build()
                            .get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
                    new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1"));
            tokens.addCertificates(new JcaCertStore(List.of(certificate)));
            responses = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
        }
    }
}

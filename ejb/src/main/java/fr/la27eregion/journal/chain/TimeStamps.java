package fr.la27eregion.journal.chain;

import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenInfo;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;

/**
 * RFC 3161 time stamps of the chain head, with Bouncy Castle's TSP classes: asks a time-stamping authority to sign
 * the head hash ({@link #request}), and checks a stored token ({@link #check}): its message imprint is the
 * anchor's hash (SHA-256: the head hash itself is the imprint, so anyone can check it against the chain), its
 * signature is valid, and its signer is the trusted authority's certificate when one is configured (else the
 * certificate the token carries, which proves integrity but not who signed).
 *
 * <p>Plain Java SE with Bouncy Castle, no Jakarta EE: the platform and {@code ops/verify-journal} share it. No
 * security provider is registered: the JDK's own providers verify the RSA and ECDSA signatures.
 */
public final class TimeStamps {

    private static final SecureRandom NONCES = new SecureRandom();

    private TimeStamps() {
    }

    /** What the authority answered: the token (DER) when it granted one, else why not. */
    public record Answer(byte[] token, Instant time, String problem) {

        public boolean granted() {
            return token != null;
        }
    }

    /**
     * Asks the authority at {@code tsa} to time-stamp {@code headHash} (64 hex digits). Never throws for the
     * authority's failures: they are the answer's problem (unreachable, an HTTP error, a refusal, a token for
     * another request's nonce).
     */
    public static Answer request(URI tsa, String headHash, Duration timeout) {
        byte[] digest = HexFormat.of().parseHex(headHash);
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        BigInteger nonce = new BigInteger(63, NONCES);
        TimeStampRequest request = generator.generate(TSPAlgorithms.SHA256, digest, nonce);
        try {
            HttpResponse<byte[]> answer = HttpClient.newBuilder().connectTimeout(timeout).build().send(
                    HttpRequest.newBuilder(tsa).timeout(timeout)
                            .header("Content-Type", "application/timestamp-query")
                            .header("Accept", "application/timestamp-reply")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded())).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (answer.statusCode() != 200) {
                return new Answer(null, null, "the time-stamping authority answered HTTP " + answer.statusCode());
            }
            TimeStampResponse response = new TimeStampResponse(answer.body());
            if (response.getStatus() != PKIStatus.GRANTED && response.getStatus() != PKIStatus.GRANTED_WITH_MODS) {
                return new Answer(null, null, "the time-stamping authority refused: status " + response.getStatus()
                        + (response.getStatusString() == null ? "" : " " + response.getStatusString()));
            }
            TimeStampToken token = response.getTimeStampToken();
            if (token == null) {
                return new Answer(null, null, "the time-stamping authority granted no token");
            }
            if (!nonce.equals(token.getTimeStampInfo().getNonce())) {
                return new Answer(null, null, "the token answers another request (its nonce is not ours)");
            }
            // the imprint and the signature are checked by check(), as for any stored token, so a token over
            // another hash is kept and shown as such rather than lost
            return new Answer(token.getEncoded(), token.getTimeStampInfo().getGenTime().toInstant(), null);
        } catch (IOException | TSPException | IllegalArgumentException unreadable) {
            return new Answer(null, null, "no time stamp: " + unreadable);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return new Answer(null, null, "no time stamp: interrupted");
        }
    }

    /**
     * Why the token does not prove {@code headHash}, or null when it does: the imprint is the hash (SHA-256), the
     * signature verifies with the trusted certificate (or, when none is given, with the certificate the token
     * carries), and that certificate was valid and meant for time stamping at the token's time.
     */
    public static ChainProblem check(byte[] der, String headHash, X509Certificate trusted) {
        try {
            TimeStampToken token = new TimeStampToken(new CMSSignedData(der));
            TimeStampTokenInfo info = token.getTimeStampInfo();
            if (!TSPAlgorithms.SHA256.equals(info.getMessageImprintAlgOID())) {
                return ChainProblem.Kind.STAMP_NOT_SHA256.of();
            }
            if (!Arrays.equals(info.getMessageImprintDigest(), HexFormat.of().parseHex(headHash))) {
                return ChainProblem.Kind.STAMP_OTHER_HASH.of(HexFormat.of().formatHex(info.getMessageImprintDigest()),
                        headHash);
            }
            X509CertificateHolder signer = trusted != null ? new JcaX509CertificateHolder(trusted) : carried(token);
            if (signer == null) {
                return ChainProblem.Kind.STAMP_NO_SIGNER.of();
            }
            if (!token.getSID().match(signer)) {
                return ChainProblem.Kind.STAMP_UNTRUSTED_SIGNER.of(signer.getSubject());
            }
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(signer));
            return null;
        } catch (TSPException invalid) {
            return ChainProblem.Kind.STAMP_BAD_SIGNATURE.of(invalid.getMessage());
        } catch (CMSException | IOException | IllegalArgumentException
                 | OperatorCreationException | CertificateException unreadable) {
            return ChainProblem.Kind.STAMP_UNREADABLE.of(unreadable.getMessage());
        }
    }

    /** The time the authority put in the token. */
    public static Instant time(byte[] der) {
        try {
            return new TimeStampToken(new CMSSignedData(der)).getTimeStampInfo().getGenTime().toInstant();
        } catch (CMSException | IOException | TSPException unreadable) {
            throw new IllegalArgumentException("not a time-stamp token", unreadable);
        }
    }

    /** The trusted certificate of the authority, from a PEM or DER file. */
    public static X509Certificate certificate(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (CertificateException unreadable) {
            throw new IOException("not an X.509 certificate: " + file, unreadable);
        }
    }

    private static X509CertificateHolder carried(TimeStampToken token) {
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> found = token.getCertificates().getMatches(token.getSID());
        return found.isEmpty() ? null : found.iterator().next();
    }
}

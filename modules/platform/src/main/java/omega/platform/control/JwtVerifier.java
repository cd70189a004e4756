package omega.platform.control;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

/**
 * Verifies MicroProfile-JWT-style bearer tokens (RS256/ES256) with the standard MP JWT keys:
 * {@code mp.jwt.verify.publickey} (PEM) or {@code mp.jwt.verify.publickey.location} (file),
 * {@code mp.jwt.verify.issuer}, optional {@code mp.jwt.verify.audiences}. The tenant comes from the claim
 * named by {@code omega.jwt.tenant-claim} (default {@code tenant}). Without a key, JWTs are refused.
 */
@ApplicationScoped
public class JwtVerifier {

    private static final Logger LOG = Logger.getLogger(JwtVerifier.class.getName());

    @Inject
    Config config;

    private JwtConsumer consumer;
    private String tenantClaim;

    @PostConstruct
    void init() {
        tenantClaim = config.getOptionalValue("omega.jwt.tenant-claim", String.class).orElse("tenant");
        Optional<String> pem = config.getOptionalValue("mp.jwt.verify.publickey", String.class)
                .filter(s -> !s.isBlank())
                .or(() -> config.getOptionalValue("mp.jwt.verify.publickey.location", String.class)
                        .filter(s -> !s.isBlank()).map(JwtVerifier::readFile));
        if (pem.isEmpty()) {
            return;
        }
        consumer = build(parsePublicKey(pem.get()),
                config.getOptionalValue("mp.jwt.verify.issuer", String.class).orElse(null),
                config.getOptionalValue("mp.jwt.verify.audiences", String.class).orElse(null));
        LOG.info("JWT bearer tokens accepted (tenant claim '" + tenantClaim + "')");
    }

    public static boolean looksLikeJwt(String token) {
        return token.chars().filter(c -> c == '.').count() == 2 && token.startsWith("ey");
    }

    /** @return the token's tenant, empty when JWTs are not configured or the token does not verify */
    public Optional<String> tenantOf(String token) {
        if (consumer == null) {
            return Optional.empty();
        }
        try {
            JwtClaims claims = consumer.processToClaims(token);
            Object tenant = claims.getClaimValue(tenantClaim);
            return tenant instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
        } catch (InvalidJwtException e) {
            return Optional.empty();
        }
    }

    static JwtConsumer build(PublicKey key, String issuer, String audiences) {
        JwtConsumerBuilder builder = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setAllowedClockSkewInSeconds(30)
                .setVerificationKey(key)
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.RSA_USING_SHA256, AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
        if (issuer != null && !issuer.isBlank()) {
            builder.setExpectedIssuer(issuer);
        }
        if (audiences != null && !audiences.isBlank()) {
            builder.setExpectedAudience(audiences.split("\\s*,\\s*"));
        } else {
            builder.setSkipDefaultAudienceValidation();
        }
        return builder.build();
    }

    static PublicKey parsePublicKey(String pem) {
        String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        byte[] der = Base64.getDecoder().decode(base64);
        for (String algorithm : new String[] {"RSA", "EC"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
            } catch (Exception e) {
                // try the next algorithm
            }
        }
        throw new IllegalArgumentException("mp.jwt.verify.publickey is not an RSA or EC public key in PEM/X.509 form");
    }

    private static String readFile(String location) {
        try {
            return Files.readString(Path.of(location.startsWith("file:") ? location.substring(5) : location));
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read mp.jwt.verify.publickey.location " + location, e);
        }
    }

    /** For tests: verify with an explicit key. */
    public static JwtVerifier of(PublicKey key, String issuer, String tenantClaim) {
        JwtVerifier verifier = new JwtVerifier();
        verifier.consumer = build(key, issuer, null);
        verifier.tenantClaim = tenantClaim;
        return verifier;
    }
}

package omega.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.Optional;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

class JwtVerifierTest {

    private static final KeyPair KEYS = rsa();
    private static final KeyPair OTHER = rsa();

    @Test
    void aSignedTokenNamesItsTenant() throws Exception {
        JwtVerifier verifier = JwtVerifier.of(KEYS.getPublic(), "https://login.example/omega", "tenant");
        String token = token(KEYS.getPrivate(), "https://login.example/omega", "acme", 300);
        assertTrue(JwtVerifier.looksLikeJwt(token));
        assertEquals(Optional.of("acme"), verifier.tenantOf(token));
    }

    @Test
    void wrongKeyWrongIssuerExpiredOrTenantlessTokensAreRefused() throws Exception {
        JwtVerifier verifier = JwtVerifier.of(KEYS.getPublic(), "https://login.example/omega", "tenant");
        assertEquals(Optional.empty(), verifier.tenantOf(token(OTHER.getPrivate(), "https://login.example/omega", "acme", 300)));
        assertEquals(Optional.empty(), verifier.tenantOf(token(KEYS.getPrivate(), "https://evil.example", "acme", 300)));
        assertEquals(Optional.empty(), verifier.tenantOf(token(KEYS.getPrivate(), "https://login.example/omega", "acme", -600)));
        assertEquals(Optional.empty(), verifier.tenantOf(token(KEYS.getPrivate(), "https://login.example/omega", null, 300)));
        assertEquals(Optional.empty(), verifier.tenantOf("eyJhbGciOiJub25lIn0.eyJ0ZW5hbnQiOiJhY21lIn0."));
    }

    @Test
    void withoutAConfiguredKeyNoJwtIsAccepted() throws Exception {
        assertEquals(Optional.empty(), new JwtVerifier().tenantOf(token(KEYS.getPrivate(), "x", "acme", 300)));
    }

    @Test
    void apiKeysDoNotLookLikeJwts() {
        assertFalse(JwtVerifier.looksLikeJwt(ApiKeyHasher.generateKey()));
    }

    @Test
    void pemPublicKeysParse() {
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(KEYS.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----";
        assertEquals(KEYS.getPublic(), JwtVerifier.parsePublicKey(pem));
    }

    private static String token(PrivateKey key, String issuer, String tenant, int expiresInSeconds) throws Exception {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setSubject("tech@acme.example");
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(expiresInSeconds / 60f);
        if (tenant != null) {
            claims.setClaim("tenant", tenant);
        }
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return jws.getCompactSerialization();
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

package omega.platform.control;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;

/**
 * One OpenID provider: its discovery document (cached an hour), the authorization-code exchange at its token
 * endpoint, and ID-token verification against its JWKS (RS256, issuer, audience = client id, expiry, nonce). An
 * issuer template with {@code {tenantid}} (Entra's multi-tenant endpoints) is filled from the token's {@code tid}.
 */
public final class OidcProvider {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    private final OidcSettings settings;
    private volatile Discovery discovery;

    record Discovery(String issuer, String authorizationEndpoint, String tokenEndpoint, JwtConsumer consumer,
                     Instant fetchedAt) {
    }

    public OidcProvider(OidcSettings settings) {
        this.settings = settings;
    }

    public String authorizationEndpoint() throws IOException {
        return discovery().authorizationEndpoint();
    }

    /** @return the verified claims of the ID token the code is exchanged for */
    public JwtClaims exchange(String code, String verifier, String redirectUri, String nonce) throws IOException,
            OidcClaims.Refused {
        Discovery d = discovery();
        Map<String, String> form = new java.util.LinkedHashMap<>(Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", redirectUri, "client_id", settings.clientId(), "code_verifier", verifier));
        if (!settings.clientSecret().isBlank()) {
            form.put("client_secret", settings.clientSecret());
        }
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(d.tokenEndpoint()))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form.entrySet().stream()
                        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&")))));
        JsonObject answer = json(r.body());
        if (r.statusCode() != 200 || !answer.containsKey("id_token")) {
            throw new OidcClaims.Refused("the token endpoint answered " + r.statusCode() + " "
                    + answer.getString("error", "") + " " + answer.getString("error_description", ""));
        }
        try {
            JwtClaims claims = d.consumer().processToClaims(answer.getString("id_token"));
            String expectedIssuer = d.issuer().replace("{tenantid}", String.valueOf(claims.getClaimValue("tid")));
            if (!expectedIssuer.equals(claims.getIssuer())) {
                throw new OidcClaims.Refused("the ID token's issuer " + claims.getIssuer() + " is not " + expectedIssuer);
            }
            if (nonce == null || !nonce.equals(claims.getClaimValue("nonce"))) {
                throw new OidcClaims.Refused("the ID token's nonce does not match this sign-in");
            }
            return claims;
        } catch (InvalidJwtException | org.jose4j.jwt.MalformedClaimException e) {
            throw new OidcClaims.Refused("the ID token does not verify: " + e.getMessage());
        }
    }

    private Discovery discovery() throws IOException {
        Discovery d = discovery;
        if (d != null && d.fetchedAt().plus(Duration.ofHours(1)).isAfter(Instant.now())) {
            return d;
        }
        String base = settings.issuer().replaceAll("/+$", "");
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/.well-known/openid-configuration")).GET());
        if (r.statusCode() != 200) {
            throw new IOException("OIDC discovery at " + base + " answered " + r.statusCode());
        }
        JsonObject doc = json(r.body());
        HttpsJwks jwks = new HttpsJwks(doc.getString("jwks_uri"));
        JwtConsumer consumer = new JwtConsumerBuilder().setRequireExpirationTime().setRequireIssuedAt()
                .setAllowedClockSkewInSeconds(60).setExpectedAudience(true, settings.clientId())
                .setVerificationKeyResolver(new HttpsJwksVerificationKeyResolver(jwks))
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                .build();
        d = new Discovery(doc.getString("issuer"), doc.getString("authorization_endpoint"),
                doc.getString("token_endpoint"), consumer, Instant.now());
        discovery = d;
        return d;
    }

    private static HttpResponse<String> send(HttpRequest.Builder b) throws IOException {
        try {
            return HTTP.send(b.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static JsonObject json(String body) {
        try (JsonReader r = Json.createReader(new StringReader(body == null || body.isBlank() ? "{}" : body))) {
            return r.readObject();
        } catch (RuntimeException e) {
            return Json.createObjectBuilder().add("error", "not JSON").build();
        }
    }
}

package omega.app.it;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;

/**
 * A minimal OpenID provider on loopback, shaped like Microsoft Entra ID (v2 tokens with {@code tid},
 * {@code roles}, {@code preferred_username}): discovery, an authorization endpoint that signs in whoever the test
 * chose and redirects straight back with a one-time code, a token endpoint that checks the PKCE verifier and the
 * client secret, and the JWKS. It can also sign with a key it does not publish, to prove the signature is checked.
 */
final class FakeOidcProvider implements AutoCloseable {

    static final String CLIENT_ID = "omega-dashboard-it";
    static final String CLIENT_SECRET = "fake-secret-" + UUID.randomUUID();
    static final String DIRECTORY = UUID.randomUUID().toString();

    record User(String email, List<String> roles, String directory) {
    }

    private record Grant(User user, String nonce, String challenge, String redirectUri) {
    }

    private final HttpServer server;
    private final RsaJsonWebKey key;
    private final RsaJsonWebKey unpublished;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private volatile User next = new User("lead@demo.example", List.of("OMEGA.Lead"), DIRECTORY);
    private volatile boolean wrongKey;

    FakeOidcProvider() throws Exception {
        key = RsaJwkGenerator.generateJwk(2048);
        key.setKeyId("published");
        unpublished = RsaJwkGenerator.generateJwk(2048);
        unpublished.setKeyId("published"); // same kid, other key: only the signature can tell
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/.well-known/openid-configuration", x -> json(x, 200, "{\"issuer\":\"" + issuer()
                + "\",\"authorization_endpoint\":\"" + issuer() + "/authorize\",\"token_endpoint\":\"" + issuer()
                + "/token\",\"jwks_uri\":\"" + issuer() + "/keys\",\"response_types_supported\":[\"code\"],"
                + "\"code_challenge_methods_supported\":[\"S256\"]}"));
        server.createContext("/keys", x -> json(x, 200, new JsonWebKeySet(key).toJson()));
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.start();
    }

    String issuer() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** Who the next authorization signs in. */
    void signInNext(User user) {
        this.next = user;
    }

    void signWithAnUnpublishedKey(boolean on) {
        this.wrongKey = on;
    }

    private void authorize(HttpExchange x) throws IOException {
        Map<String, String> q = form(x.getRequestURI().getRawQuery());
        if (!CLIENT_ID.equals(q.get("client_id")) || !"code".equals(q.get("response_type"))
                || !"S256".equals(q.get("code_challenge_method")) || q.get("code_challenge") == null) {
            json(x, 400, "{\"error\":\"invalid_request\"}");
            return;
        }
        String code = UUID.randomUUID().toString();
        codes.put(code, new Grant(next, q.get("nonce"), q.get("code_challenge"), q.get("redirect_uri")));
        x.getResponseHeaders().add("Location", q.get("redirect_uri") + "?code=" + code + "&state="
                + URLEncoder.encode(q.get("state"), StandardCharsets.UTF_8));
        x.sendResponseHeaders(302, -1);
        x.close();
    }

    private void token(HttpExchange x) throws IOException {
        Map<String, String> f = form(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Grant grant = codes.remove(f.getOrDefault("code", "")); // one-time
        if (grant == null || !CLIENT_ID.equals(f.get("client_id")) || !CLIENT_SECRET.equals(f.get("client_secret"))
                || !grant.redirectUri().equals(f.get("redirect_uri"))) {
            json(x, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        if (!grant.challenge().equals(s256(f.getOrDefault("code_verifier", "")))) {
            json(x, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"PKCE verification failed\"}");
            return;
        }
        try {
            JwtClaims claims = new JwtClaims();
            claims.setIssuer(issuer());
            claims.setAudience(CLIENT_ID);
            claims.setSubject(UUID.randomUUID().toString());
            claims.setIssuedAtToNow();
            claims.setExpirationTimeMinutesInTheFuture(10);
            claims.setClaim("nonce", grant.nonce());
            claims.setClaim("tid", grant.user().directory());
            claims.setClaim("preferred_username", grant.user().email());
            claims.setStringListClaim("roles", grant.user().roles());
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims.toJson());
            RsaJsonWebKey signer = wrongKey ? unpublished : key;
            jws.setKey(signer.getPrivateKey());
            jws.setKeyIdHeaderValue(signer.getKeyId());
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
            json(x, 200, "{\"token_type\":\"Bearer\",\"access_token\":\"opaque\",\"id_token\":\""
                    + jws.getCompactSerialization() + "\"}");
        } catch (Exception e) {
            json(x, 500, "{\"error\":\"server_error\"}");
        }
    }

    static String s256(String verifier) {
        try {
            return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> form(String raw) {
        Map<String, String> map = new HashMap<>();
        if (raw != null) {
            Arrays.stream(raw.split("&")).map(p -> p.split("=", 2)).filter(p -> p.length == 2).forEach(p ->
                    map.put(URLDecoder.decode(p[0], StandardCharsets.UTF_8), URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
        }
        return map;
    }

    private static void json(HttpExchange x, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

package omega.platform.control;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.jose4j.jwt.JwtClaims;

import omega.platform.entity.Employee;

/**
 * Dashboard sign-in through an OpenID provider (authorization code + PKCE S256): {@link #start} makes the state,
 * nonce and code verifier (kept by the browser in a short-lived HttpOnly cookie) and the provider URL;
 * {@link #finish} checks the state, exchanges the code, verifies the ID token, maps tenant and role from its claims
 * and returns the employee, for whom the ordinary server-side session is then opened.
 */
@ApplicationScoped
public class OidcSignIn {

    private static final Logger LOG = Logger.getLogger(OidcSignIn.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Config config;

    @Inject
    Tenants tenants;

    @Inject
    Employees employees;

    private OidcSettings settings;
    private OidcProvider provider;

    /** Where to send the browser, and what the browser keeps meanwhile ({@code state.nonce.verifier}). */
    public record Start(String location, String cookie) {
    }

    @PostConstruct
    void init() {
        settings = OidcSettings.from(config);
        if (settings.enabled()) {
            provider = new OidcProvider(settings);
            LOG.info("OpenID Connect sign-in enabled with " + settings.issuer() + " (" + settings.providerName() + ")");
        }
    }

    public OidcSettings settings() {
        return settings;
    }

    public Start start(String redirectUri) throws IOException {
        String state = random();
        String nonce = random();
        String verifier = random() + random();
        String location = provider.authorizationEndpoint() + (provider.authorizationEndpoint().contains("?") ? "&" : "?")
                + "response_type=code&response_mode=query&client_id=" + enc(settings.clientId()) + "&redirect_uri="
                + enc(redirectUri) + "&scope=" + enc(settings.scopes()) + "&state=" + state + "&nonce=" + nonce
                + "&code_challenge=" + challenge(verifier) + "&code_challenge_method=S256";
        return new Start(location, state + "." + nonce + "." + verifier);
    }

    public Employee finish(String code, String state, String cookie, String redirectUri) throws IOException,
            OidcClaims.Refused {
        String[] kept = cookie == null ? new String[0] : cookie.split("\\.");
        if (kept.length != 3 || state == null || !EmployeeSessions.sameToken(kept[0], state)) {
            throw new OidcClaims.Refused("the sign-in state does not match (expired, or started in another browser)");
        }
        if (code == null || code.isBlank()) {
            throw new OidcClaims.Refused("the provider sent no authorization code");
        }
        JwtClaims claims = provider.exchange(code, kept[2], redirectUri, kept[1]);
        OidcClaims.Identity who = OidcClaims.identity(settings, claims::getClaimValue);
        if (!tenants.exists(who.tenantId())) {
            throw new OidcClaims.Refused("the OMEGA organisation " + who.tenantId() + " does not exist");
        }
        return employees.federated(who.tenantId(), who.email(), who.role());
    }

    static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String random() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

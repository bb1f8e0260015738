package de.gremium.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.gremium.platform.web.ProblemTypes;
import de.gremium.platform.web.Problems;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration;
import org.springframework.core.io.Resource;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.expression.method.MethodSecurityExpressionHandler;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Security from day one. Production: OAuth2 resource server (JWT from Keycloak) as soon as an issuer,
 * JWK set or public key is configured; a token must be meant for the configured client ({@link ClientAudience}) and
 * names its caller by a stable claim ({@link JwtIdentity}). Embedded default: HTTP Basic against the users file, failed
 * sign-ins throttled ({@link SignInThrottle}), the demo users only on loopback ({@link DemoUsers}).
 * Anonymous callers reach only health and the API docs; everything else needs a role, and the
 * controllers say which ({@code @PreAuthorize}), checked before the request's body is read.
 *
 * <p>With {@code gremium.oparl.anonymous=true}, anonymous callers may also {@code GET} the OParl interface
 * ({@value #OPARL}), as many councils publish theirs: they pass the filter chain there and carry the authority
 * {@value #ANONYMOUS_OPARL_READER}, which the OParl controller's {@code @PreAuthorize} accepts besides the roles.
 */
// before Boot's own, so that their default filter chains back off in favour of this one
@AutoConfiguration(before = {OAuth2ResourceServerAutoConfiguration.class, OAuth2ResourceServerWebSecurityAutoConfiguration.class,
        SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class, ManagementWebSecurityAutoConfiguration.class})
@EnableMethodSecurity
public class GremiumSecurityAutoConfiguration {

    static final String[] PUBLIC = {"/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**",
        "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**"};

    /** The OParl interface's paths. */
    public static final String OPARL = "/oparl/**";

    /** What an anonymous caller carries when {@code gremium.oparl.anonymous=true}; nothing but OParl accepts it. */
    public static final String ANONYMOUS_OPARL_READER = "OPARL_ANONYMOUS_READER";

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ObjectProvider<JwtDecoder> jwtDecoder,
            ObjectProvider<UsersDirectory> users, ObjectMapper mapper, JwtSettings jwt,
            @Value("${gremium.oparl.anonymous:false}") boolean oparlAnonymous,
            @Value("${server.address:}") String serverAddress,
            @Value("${gremium.security.demo-users:auto}") String demoUsers,
            @Value("${gremium.security.sign-in-throttle.trusted-proxies:127.0.0.1,::1}") List<String> trustedProxies)
            throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> {
            if (e instanceof SignInThrottled throttled) {
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
                Problems.write(response, mapper, Problems.of(HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.TOO_MANY_SIGN_IN_FAILURES,
                        "Too many failed sign-ins", "Too many failed sign-ins for this account or from this address; "
                                + "try again in " + throttled.retryAfterSeconds() + " s."));
                return;
            }
            if (jwtDecoder.getIfAvailable() == null) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"Gremium\"");
            } else {
                response.setHeader("WWW-Authenticate", "Bearer");
            }
            Problems.write(response, mapper, Problems.of(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHENTICATED,
                    "Unauthenticated", "Sign in to use this API."));
        };
        AccessDeniedHandler denied = (request, response, e) -> Problems.write(response, mapper,
                Problems.of(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden", "Your role does not allow this action."));

        http.csrf(AbstractHttpConfigurer::disable) // a stateless API without cookies: no CSRF surface
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> {
                    a.requestMatchers(PUBLIC).permitAll();
                    if (oparlAnonymous) {
                        a.requestMatchers(HttpMethod.GET, OPARL).permitAll();
                    }
                    a.anyRequest().authenticated();
                })
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied));
        if (oparlAnonymous) {
            http.anonymous(a -> a.authorities("ROLE_ANONYMOUS", ANONYMOUS_OPARL_READER));
        }
        if (jwtDecoder.getIfAvailable() != null) {
            http.oauth2ResourceServer(o -> o.authenticationEntryPoint(unauthenticated)
                    .jwt(j -> j.jwtAuthenticationConverter(new JwtIdentity(jwt))));
        } else {
            UsersDirectory directory = users.getObject();
            DemoUsers.admit(directory.demo(), serverAddress, demoUsers);
            http.httpBasic(b -> b.authenticationEntryPoint(unauthenticated)
                            .authenticationDetailsSource(new ClientAddress.Source(trustedProxies)))
                    .authenticationManager(directory.authenticationManager());
        }
        return http.build();
    }

    /** Roles are checked before a request's body and parameters are read and validated ({@link RolesBeforeBinding}). */
    @Bean
    WebMvcConfigurer rolesBeforeBinding(ObjectProvider<MethodSecurityExpressionHandler> expressions) {
        PreAuthorizeAuthorizationManager preAuthorize = new PreAuthorizeAuthorizationManager();
        expressions.ifAvailable(preAuthorize::setExpressionHandler);
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new RolesBeforeBinding(preAuthorize));
            }
        };
    }

    /**
     * Spring Security observes each filter of its chain, each authentication and each authorization
     * whenever an ObservationRegistry exists (the actuator makes one): some twenty observations per
     * request, about a seventh of the CPU of a read in the benchmark (docs/benchmark.md). Gremium exposes
     * no metrics or traces of them; the request as a whole stays observed ({@code http.server.requests}).
     * {@code gremium.security.observations=true} turns them on again, e.g. with a tracing backend.
     */
    @Bean
    @ConditionalOnProperty(name = "gremium.security.observations", havingValue = "false", matchIfMissing = true)
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    UsersDirectory usersDirectory(@Value("${gremium.security.users-file}") Resource usersFile,
            @Value("${gremium.security.verified-credentials-ttl:5m}") Duration ttl,
            @Value("${gremium.security.sign-in-throttle.account-failures:5}") int accountFailures,
            @Value("${gremium.security.sign-in-throttle.account-wide-failures:50}") int accountWideFailures,
            @Value("${gremium.security.sign-in-throttle.address-failures:20}") int addressFailures,
            @Value("${gremium.security.sign-in-throttle.window:15m}") Duration window) {
        return new UsersDirectory(UsersFile.read(usersFile), UsersFile.isDemo(usersFile), ttl,
                new SignInThrottle(accountFailures, accountWideFailures, addressFailures, window));
    }

    @Bean
    JwtSettings jwtSettings(@Value("${gremium.security.jwt.client-id:gremium-intranet}") String clientId,
            @Value("${gremium.security.jwt.authorized-parties:}") List<String> authorizedParties,
            @Value("${gremium.security.jwt.roles-claim:}") String rolesClaim,
            @Value("${gremium.security.jwt.realm-roles:false}") boolean realmRoles,
            @Value("${gremium.security.jwt.user-id-claim:sub}") String userIdClaim) {
        return new JwtSettings(clientId, authorizedParties, rolesClaim, realmRoles, userIdClaim);
    }

    /** Spring Boot adds every such validator to the token decoder it configures (issuer, JWK set or public key). */
    @Bean
    OAuth2TokenValidator<Jwt> gremiumClientAudience(JwtSettings settings) {
        return new ClientAudience(settings);
    }

    /** The users of the embedded default, and how their passwords are checked. */
    public static final class UsersDirectory {
        private final List<GremiumUser> users;
        private final boolean demo;
        private final AuthenticationManager manager;

        UsersDirectory(List<GremiumUser> users, boolean demo, Duration ttl, SignInThrottle throttle) {
            this.users = users;
            this.demo = demo;
            UserDetailsService details = new InMemoryUserDetailsManager(users.stream()
                    .map(u -> User.withUsername(u.username()).password(u.passwordHash())
                            .roles(u.roles().toArray(String[]::new)).build())
                    .toList());
            DaoAuthenticationProvider dao = new DaoAuthenticationProvider(details);
            dao.setPasswordEncoder(new BCryptPasswordEncoder());
            this.manager = new ProviderManager(new ThrottledSignIn(new VerifiedCredentialsCache(dao, ttl, Clock.systemUTC()),
                    throttle));
        }

        public List<GremiumUser> users() {
            return users;
        }

        /** Whether these are the published demo users ({@code demo: true} in the file). */
        public boolean demo() {
            return demo;
        }

        AuthenticationManager authenticationManager() {
            return manager;
        }
    }
}

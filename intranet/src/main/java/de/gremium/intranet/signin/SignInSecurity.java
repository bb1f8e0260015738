package de.gremium.intranet.signin;

import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.client.RestClient;

/**
 * One sign-in for all pages. Embedded default: our German form at {@code /anmelden}, checked by the APIs
 * ({@link ApiAuthenticationProvider}), the credential relayed from the session. Production
 * ({@code gremium.intranet.oidc.issuer-uri} set): OpenID Connect against Keycloak, the access token relayed
 * ({@link OidcSignIn}). CSRF tokens on every form (Spring Security's default, put into each {@code th:action} form
 * by Thymeleaf); a post whose session has expired is answered with the sign-in page and the typed fields are parked
 * ({@link ParkedForm}).
 */
@Configuration(proxyBeanMethods = false)
class SignInSecurity {

    static final String[] OPEN = {"/anmelden", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error",
        "/actuator/health", "/actuator/health/**"};

    @Bean
    SecurityFilterChain pages(HttpSecurity http, ObjectProvider<ClientRegistrationRepository> oidc,
            RestClient.Builder builder, @Value("${gremium.intranet.query-api}") String queryApi,
            @Value("${gremium.intranet.api-timeout:10s}") Duration timeout) throws Exception {
        http.authorizeHttpRequests(a -> a.requestMatchers(OPEN).permitAll().anyRequest().authenticated())
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives("default-src 'self'; img-src 'self' data:; "
                                + "style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; "
                                + "form-action 'self'; frame-ancestors 'none'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                // a request with an expired session, and a form posted with it (Spring Security reports its missing
                // CSRF token to the same strategy): sign in again, the typed fields kept
                .sessionManagement(s -> s.invalidSessionStrategy(ParkedForm::parkAndSignInAgain))
                .exceptionHandling(e -> e.accessDeniedHandler((request, response, denied) -> {
                    if (denied instanceof CsrfException) { // a token that does not match: a forged or stale form
                        ParkedForm.parkAndSignInAgain(request, response);
                    } else {
                        response.sendError(403);
                    }
                }))
                .logout(l -> l.logoutUrl("/abmelden").logoutSuccessUrl("/anmelden?abgemeldet")
                        .deleteCookies("JSESSIONID"));
        ClientRegistrationRepository registrations = oidc.getIfAvailable();
        if (registrations != null) {
            OidcClientInitiatedLogoutSuccessHandler signOut = new OidcClientInitiatedLogoutSuccessHandler(registrations);
            signOut.setPostLogoutRedirectUri("{baseUrl}/anmelden?abgemeldet");
            http.oauth2Login(o -> o.loginPage("/anmelden").successHandler(ParkedForm.backToTheForm()))
                    .logout(l -> l.logoutSuccessHandler(signOut));
        } else {
            SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
            requests.setConnectTimeout(timeout);
            requests.setReadTimeout(timeout);
            http.authenticationProvider(new ApiAuthenticationProvider(
                            builder.clone().baseUrl(queryApi).requestFactory(requests).build()))
                    .formLogin(f -> f.loginPage("/anmelden").loginProcessingUrl("/anmelden")
                            .successHandler(ParkedForm.backToTheForm())
                            .usernameParameter("benutzername").passwordParameter("passwort")
                            .failureHandler((request, response, failure) -> response.sendRedirect(
                                    request.getContextPath() + "/anmelden?" + why(failure))));
        }
        return http.build();
    }

    /**
     * The sign-in page's notice for a failed sign-in: wrong name or password, too many failures (throttled), no role,
     * or the APIs unreachable.
     */
    static String why(org.springframework.security.core.AuthenticationException failure) {
        if (failure instanceof org.springframework.security.authentication.BadCredentialsException) {
            return "falsch";
        }
        if (failure instanceof ApiAuthenticationProvider.ThrottledException) {
            return "gedrosselt";
        }
        return failure instanceof ApiAuthenticationProvider.NoRoleException ? "keinzugang" : "nichterreichbar";
    }
}

package de.gremium.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;

/** The role an endpoint asks for is checked before its body is read: the handler's arguments do not exist yet. */
class RolesBeforeBindingTest {

    static class Endpoints {
        @PreAuthorize("hasRole('COORDINATOR')")
        void coordinatorsOnly(Object body) {
        }

        @PreAuthorize("#body != null")
        void readsItsArgument(Object body) {
        }

        void open(Object body) {
        }
    }

    @PreAuthorize("hasAnyRole('MEMBER', 'READER')")
    static class ReadEndpoints {
        void read(String parameter) {
        }
    }

    final RolesBeforeBinding interceptor = new RolesBeforeBinding(new PreAuthorizeAuthorizationManager());

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    static void signInAs(String role) {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("someone", "", "ROLE_" + role));
    }

    boolean preHandle(Object bean, String method) throws NoSuchMethodException {
        Class<?> parameter = bean instanceof ReadEndpoints ? String.class : Object.class;
        return interceptor.preHandle(new MockHttpServletRequest(), new MockHttpServletResponse(),
                new HandlerMethod(bean, bean.getClass().getDeclaredMethod(method, parameter)));
    }

    @Test
    void aCallerWithoutTheRoleIsDeniedBeforeTheBodyIsRead() {
        signInAs("READER");

        assertThatThrownBy(() -> preHandle(new Endpoints(), "coordinatorsOnly")).isInstanceOf(AuthorizationDeniedException.class);
    }

    @Test
    void aCallerWithTheRoleGoesOnToBinding() throws Exception {
        signInAs("COORDINATOR");

        assertThat(preHandle(new Endpoints(), "coordinatorsOnly")).isTrue();
    }

    @Test
    void theRuleOfTheControllerClassCountsForItsMethods() throws Exception {
        signInAs("MAYOR_OFFICE");
        assertThatThrownBy(() -> preHandle(new ReadEndpoints(), "read")).isInstanceOf(AuthorizationDeniedException.class);

        signInAs("READER");
        assertThat(preHandle(new ReadEndpoints(), "read")).isTrue();
    }

    @Test
    void aRuleThatReadsTheArgumentsIsLeftToMethodSecurity() throws Exception {
        signInAs("READER");

        assertThat(preHandle(new Endpoints(), "readsItsArgument")).isTrue();
    }

    @Test
    void aHandlerWithoutARuleIsNotChecked() throws Exception {
        signInAs("READER");

        assertThat(preHandle(new Endpoints(), "open")).isTrue();
    }
}

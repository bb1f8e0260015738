package de.gremium.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Authorization before validation: checks the role a handler's {@code @PreAuthorize} asks for once Spring MVC has
 * chosen the handler and before it reads, converts and validates the body and the parameters. Method security alone
 * would check it only at the call, after {@code @Valid}, so a caller without the role got 400 with the list of
 * invalid fields (or a malformed-JSON 400) instead of 403. The annotation stays the one place where an endpoint says
 * who may use it; method security checks it again at the call.
 *
 * <p>An expression that reads the handler's arguments ({@code #name}) cannot be decided before they exist; it is
 * left to method security. Gremium's expressions name roles only.
 */
final class RolesBeforeBinding implements HandlerInterceptor {

    private final AuthorizationManager<MethodInvocation> preAuthorize;

    RolesBeforeBinding(AuthorizationManager<MethodInvocation> preAuthorize) {
        this.preAuthorize = preAuthorize;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method && decidableWithoutArguments(method)) {
            MethodInvocation call = new SimpleMethodInvocation(method.getBean(), method.getMethod(),
                    new Object[method.getMethod().getParameterCount()]);
            AuthorizationResult result = preAuthorize.authorize(
                    () -> SecurityContextHolder.getContext().getAuthentication(), call);
            if (result != null && !result.isGranted()) {
                throw new AuthorizationDeniedException("Access Denied", result);
            }
        }
        return true;
    }

    private static boolean decidableWithoutArguments(HandlerMethod method) {
        PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), PreAuthorize.class);
        if (rule == null) {
            rule = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), PreAuthorize.class);
        }
        return rule != null && !rule.value().contains("#");
    }
}

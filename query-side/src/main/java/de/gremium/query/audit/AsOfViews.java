package de.gremium.query.audit;

import de.gremium.platform.refusal.Refusal;
import de.gremium.platform.security.CurrentUser;
import de.gremium.platform.security.Roles;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A view as it stood at a past instant ({@code asOf}, the work plan and the trace) is part of the audit: the
 * coordinator's alone. Checked here, once for every view that takes {@code asOf}, and before the parameters are read
 * and validated, like the roles of {@code @PreAuthorize}: a reader asking for any {@code asOf}, valid or not, is
 * answered 403.
 *
 * <p>An instant parameter is read as ISO-8601 only ({@code 2026-10-07T12:00:00Z}, an offset accepted). Spring alone
 * would also take a bare number as milliseconds since 1970, so that {@code asOf=-5000}, meant as a year, silently
 * gave the view of 31 December 1969; a bare number is refused instead (400 naming the parameter).
 */
@Component
class AsOfViews implements HandlerInterceptor, WebMvcConfigurer {

    static final String PARAMETER = "asOf";

    private static final DefaultParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addFormatterForFieldType(Instant.class, new IsoInstant());
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String asOf = request.getParameter(PARAMETER);
        if (asOf != null && !asOf.isBlank() && handler instanceof HandlerMethod method && takesAsOf(method)
                && !CurrentUser.hasRole(Roles.COORDINATOR)) {
            throw Refusal.forbidden(PARAMETER, "Views as of a past instant are part of the audit: coordinator only.");
        }
        return true;
    }

    private static boolean takesAsOf(HandlerMethod method) {
        return Arrays.stream(method.getMethodParameters()).anyMatch(parameter -> PARAMETER.equals(name(parameter)));
    }

    private static String name(MethodParameter parameter) {
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        if (param == null) {
            return null;
        }
        if (!param.name().isEmpty()) {
            return param.name();
        }
        parameter.initParameterNameDiscovery(NAMES);
        return parameter.getParameterName();
    }

    /** ISO-8601 instants, with {@code Z} or an offset; nothing else. */
    static final class IsoInstant implements Formatter<Instant> {

        @Override
        public Instant parse(String text, Locale locale) {
            return Instant.parse(text.strip());
        }

        @Override
        public String print(Instant instant, Locale locale) {
            return instant.toString();
        }
    }
}

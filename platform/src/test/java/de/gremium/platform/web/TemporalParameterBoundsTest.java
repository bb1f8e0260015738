package de.gremium.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import de.gremium.platform.refusal.Refusal;
import java.lang.reflect.Method;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.SynthesizingMethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.support.StaticWebApplicationContext;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

class TemporalParameterBoundsTest {

    @SuppressWarnings("unused")
    void handler(@RequestParam("asOf") Instant asOf, @RequestParam Optional<LocalDate> date, @PathVariable List<LocalDate> days,
            @RequestParam String text) {
    }

    @Test
    void aParameterOutsideTheBoundsIsRefusedNamingIt() {
        Refusal.Invalid e = catchThrowableOfType(Refusal.Invalid.class, () -> resolve(0, Instant.MAX));

        assertThat(e.field()).isEqualTo("asOf");
        assertThat(e.getMessage()).isEqualTo("'+1000000000-12-31T23:59:59.999999999Z' lies outside the years 1900 to 2200 (UTC)");
    }

    @Test
    void anOptionalAndAListAreCheckedByTheirElementsNamingTheParameter() {
        assertThat(catchThrowableOfType(Refusal.Invalid.class, () -> resolve(1, Optional.of(LocalDate.MIN))).field())
                .isEqualTo("date");
        assertThat(catchThrowableOfType(Refusal.Invalid.class,
                () -> resolve(2, List.of(LocalDate.of(2027, 1, 1), LocalDate.of(2201, 1, 1)))).field()).isEqualTo("days");
    }

    @Test
    void valuesWithinTheBoundsAndValuesThatAreNotDatesPassUnchanged() throws Exception {
        assertThat(resolve(0, Instant.parse("2026-10-01T00:00:00Z"))).isEqualTo(Instant.parse("2026-10-01T00:00:00Z"));
        assertThat(resolve(1, Optional.empty())).isEqualTo(Optional.empty());
        assertThat(resolve(0, null)).isNull();
        assertThat(resolve(3, "+999999999-12-31")).isEqualTo("+999999999-12-31");
    }

    @Test
    void everyArgumentResolverOfSpringMvcIsWrappedOnce() {
        StaticWebApplicationContext context = new StaticWebApplicationContext();
        context.refresh();
        RequestMappingHandlerAdapter adapter = new RequestMappingHandlerAdapter();
        adapter.setApplicationContext(context);
        adapter.afterPropertiesSet();
        int resolvers = adapter.getArgumentResolvers().size();
        TemporalParameterBounds bounds = new TemporalParameterBounds();

        bounds.postProcessAfterInitialization(bounds.postProcessAfterInitialization(adapter, "adapter"), "adapter");

        assertThat(adapter.getArgumentResolvers()).hasSize(resolvers)
                .allSatisfy(resolver -> assertThat(resolver).isInstanceOfSatisfying(TemporalParameterBounds.Bounded.class,
                        bounded -> assertThat(bounded.delegate()).isNotInstanceOf(TemporalParameterBounds.Bounded.class)));
    }

    /** The argument as the wrapped resolver gives it, when the resolver it wraps gives {@code value}. */
    private Object resolve(int index, Object value) throws Exception {
        Method handler = getClass().getDeclaredMethod("handler", Instant.class, Optional.class, List.class, String.class);
        MethodParameter parameter = new SynthesizingMethodParameter(handler, index);
        parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
        HandlerMethodArgumentResolver resolver = new TemporalParameterBounds.Bounded(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter p) {
                return true;
            }

            @Override
            public Object resolveArgument(MethodParameter p, org.springframework.web.method.support.ModelAndViewContainer mav,
                    org.springframework.web.context.request.NativeWebRequest request,
                    org.springframework.web.bind.support.WebDataBinderFactory binders) {
                return value;
            }
        });
        return resolver.resolveArgument(parameter, null, null, null);
    }
}

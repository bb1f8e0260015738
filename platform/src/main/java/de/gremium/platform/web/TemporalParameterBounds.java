package de.gremium.platform.web;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * Query, path and header parameters: each date, date-time and instant a handler method takes
 * ({@code asOf}, {@code from}, {@code date}) is checked against {@link TemporalBounds} once Spring has
 * converted it, however it was converted ({@code @DateTimeFormat} or not), and refused with a 400 naming
 * the parameter before the handler runs. Every argument resolver of Spring MVC is wrapped, so a new
 * endpoint is covered without doing anything.
 */
final class TemporalParameterBounds implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof RequestMappingHandlerAdapter adapter && adapter.getArgumentResolvers() != null) {
            List<HandlerMethodArgumentResolver> resolvers = adapter.getArgumentResolvers().stream()
                    .map(resolver -> resolver instanceof Bounded ? resolver : new Bounded(resolver))
                    .toList();
            adapter.setArgumentResolvers(resolvers);
        }
        return bean;
    }

    record Bounded(HandlerMethodArgumentResolver delegate) implements HandlerMethodArgumentResolver {

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return delegate.supportsParameter(parameter);
        }

        @Override
        public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                NativeWebRequest webRequest, WebDataBinderFactory binderFactory) throws Exception {
            Object value = delegate.resolveArgument(parameter, mavContainer, webRequest, binderFactory);
            String name = name(parameter);
            if (value instanceof Optional<?> optional) {
                optional.ifPresent(present -> TemporalBounds.require(name, present));
            } else if (value instanceof Collection<?> values) {
                values.forEach(each -> TemporalBounds.require(name, each));
            } else {
                TemporalBounds.require(name, value);
            }
            return value;
        }
    }

    /** The name the client used: the annotation's, else the Java parameter's. */
    static String name(MethodParameter parameter) {
        String name = "";
        RequestParam query = parameter.getParameterAnnotation(RequestParam.class);
        PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        if (query != null) {
            name = query.name().isEmpty() ? query.value() : query.name();
        } else if (path != null) {
            name = path.name().isEmpty() ? path.value() : path.name();
        } else if (header != null) {
            name = header.name().isEmpty() ? header.value() : header.name();
        }
        return name.isEmpty() ? String.valueOf(parameter.getParameterName()) : name;
    }
}

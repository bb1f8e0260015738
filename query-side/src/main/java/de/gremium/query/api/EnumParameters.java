package de.gremium.query.api;

import java.util.Arrays;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.ConverterFactory;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Query and path parameters of an enum type ({@code ?status=OPEN}) take the constant's name in any case, so that
 * {@code ?status=open} filters as people write it. A value that names no constant is still refused: Spring reports
 * the failed conversion, and the one exception handler answers 400 naming the parameter and the allowed values.
 * Registered after Spring's own strict converter, so this one is asked first.
 */
@Configuration(proxyBeanMethods = false)
class EnumParameters implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverterFactory(new AnyCase());
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    static final class AnyCase implements ConverterFactory<String, Enum> {

        @Override
        public <T extends Enum> Converter<String, T> getConverter(Class<T> targetType) {
            Class<T> type = targetType;
            while (type != null && !type.isEnum()) {
                type = (Class<T>) type.getSuperclass(); // a constant with a body is a subclass of its enum
            }
            Class<T> enumType = type;
            return source -> {
                String name = source.trim();
                if (name.isEmpty()) {
                    return null;
                }
                return Arrays.stream(enumType.getEnumConstants())
                        .filter(constant -> constant.name().equalsIgnoreCase(name))
                        .findFirst()
                        .orElseThrow(() -> new IllegalArgumentException(
                                "No constant " + name + " in " + enumType.getSimpleName()));
            };
        }
    }
}

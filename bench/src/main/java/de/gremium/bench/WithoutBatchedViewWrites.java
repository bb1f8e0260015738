package de.gremium.bench;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The query side without its batched view writes, for the rebuild's comparison: the query side has no setting for
 * it, so the benchmark removes the bean that registers {@code FlushViewWrites} on the problem board's and the trace's
 * processors before the context is refreshed. Their projections then write each event's view at once (what
 * {@code ViewWrites} does outside a collecting batch). Given to the query side's {@code SpringApplicationBuilder} by
 * {@link GremiumUnderTest#restartQuerySide(boolean)}.
 */
final class WithoutBatchedViewWrites implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        // a plain factory post-processor runs after the configuration classes were parsed, so the bean is defined
        context.addBeanFactoryPostProcessor(factory -> {
            if (!(factory instanceof BeanDefinitionRegistry registry)
                    || !registry.containsBeanDefinition(GremiumUnderTest.BATCHED_VIEW_WRITES_BEAN)) {
                throw new IllegalStateException("the query side has no bean " + GremiumUnderTest.BATCHED_VIEW_WRITES_BEAN
                        + " to remove: the benchmark's rebuild without batched view writes needs updating");
            }
            registry.removeBeanDefinition(GremiumUnderTest.BATCHED_VIEW_WRITES_BEAN);
        });
    }
}

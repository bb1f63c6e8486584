package io.ambientcode.sidecar.jira;

import io.ambientcode.contracts.session.SidecarEnv;
import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import java.util.Optional;

/**
 * Answers lookups of {@code MCP_READ_ONLY} with {@link ReadOnlySpellings#resolve}, so the runtime's start-up
 * validation and its one tool policy see the folded value. Registered through
 * {@code META-INF/services/io.smallrye.config.ConfigSourceInterceptor}; every other name passes through untouched.
 * The three variables are read through the same config chain (process environment in production, test config in
 * tests).
 */
public class ReadOnlySpellingsInterceptor implements ConfigSourceInterceptor {

    private static final long serialVersionUID = 1L;

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        if (!SidecarEnv.MCP_READ_ONLY.equals(name)) {
            return context.proceed(name);
        }
        ConfigValue own = context.proceed(name);
        Optional<String> folded = ReadOnlySpellings.resolve(n -> n.equals(name)
                ? Optional.ofNullable(own).map(ConfigValue::getValue)
                : Optional.ofNullable(context.proceed(n)).map(ConfigValue::getValue));
        if (folded.isEmpty()) {
            return own;
        }
        if (own != null && folded.get().equals(own.getValue())) {
            return own;
        }
        return ConfigValue.builder().withName(name).withValue(folded.get())
                .withConfigSourceName("jira read-only spellings").build();
    }
}

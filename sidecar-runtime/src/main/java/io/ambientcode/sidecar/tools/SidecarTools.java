package io.ambientcode.sidecar.tools;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Put this on every bean class that declares {@code @Tool} methods. Each call then passes
 * {@link SidecarToolInterceptor}: results and errors are redacted (I5), upstream errors become tool errors with their
 * status, and unexpected exceptions become a short tool error instead of a stack trace. Tool methods should return
 * {@link io.quarkiverse.mcp.server.ToolResponse} or {@code String}.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface SidecarTools {
}

package io.ambientcode.sidecar.tools;

import io.ambientcode.contracts.redact.SecretRedactor;
import io.ambientcode.sidecar.credential.CredentialHolder;
import io.ambientcode.sidecar.credential.CredentialUnavailableException;
import io.ambientcode.sidecar.spi.SidecarProviderModule;
import io.quarkiverse.mcp.server.Content;
import io.quarkiverse.mcp.server.TextContent;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolCallException;
import io.quarkiverse.mcp.server.ToolResponse;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The single exit of every tool call: whatever a tool returns or throws leaves through here, redacted with the
 * current redactor (current and previous credential values plus well-known token shapes). Upstream errors become
 * {@code isError: true} results with the status and a short message; bugs become a short error, logged here (the log
 * filter redacts again).
 */
@SidecarTools
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER)
public class SidecarToolInterceptor {

    private static final Logger LOG = Logger.getLogger(SidecarToolInterceptor.class);

    @Inject
    CredentialHolder holder;

    @Inject
    SidecarProviderModule module;

    @AroundInvoke
    Object guard(InvocationContext ctx) throws Exception {
        Method method = ctx.getMethod();
        Tool tool = method.getAnnotation(Tool.class);
        if (tool == null) {
            return ctx.proceed();
        }
        String toolName = tool.name().equals(Tool.ELEMENT_NAME) ? method.getName() : tool.name();
        boolean returnsResponse = ToolResponse.class.isAssignableFrom(method.getReturnType());
        try {
            return redact(ctx.proceed());
        } catch (UpstreamException e) {
            LOG.infof("tool %s: upstream status %d", toolName, e.status());
            return error(returnsResponse, ToolErrors.upstream(module.upstreamName(), e));
        } catch (CredentialUnavailableException e) {
            return error(returnsResponse, e.getMessage());
        } catch (ToolCallException e) {
            return error(returnsResponse, e.getMessage());
        } catch (IllegalArgumentException e) {
            return error(returnsResponse, ToolErrors.invalidArgument(e.getMessage()));
        } catch (RuntimeException e) {
            LOG.errorf(e, "tool %s failed", toolName);
            return error(returnsResponse, ToolErrors.internal(toolName));
        }
    }

    private Object redact(Object result) {
        SecretRedactor redactor = holder.redactor();
        if (result instanceof String s) {
            return redactor.redact(s);
        }
        if (result instanceof ToolResponse response) {
            return redact(response, redactor);
        }
        return result;
    }

    /** Redacts text content; other content kinds are not produced by sidecar tools and are refused. */
    static ToolResponse redact(ToolResponse response, SecretRedactor redactor) {
        List<Content> contents = new ArrayList<>();
        for (Content c : response.content()) {
            if (c instanceof TextContent text) {
                contents.add(new TextContent(redactor.redact(text.text())));
            } else {
                contents.add(new TextContent("[non-text content withheld]"));
            }
        }
        return new ToolResponse(response.isError(), contents);
    }

    private Object error(boolean returnsResponse, String message) {
        String safe = holder.redactor().redact(message);
        if (returnsResponse) {
            return ToolResponse.error(safe);
        }
        throw new ToolCallException(safe);
    }
}

package io.ambientcode.acpctl.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.http.HttpClient;

/**
 * The one JDK HTTP client of the process, with a bounded connect timeout and no redirects (a redirect could carry a
 * request body holding a credential token to another host).
 */
@ApplicationScoped
public class HttpClients {

    @Inject
    HttpConfig config;

    private volatile HttpClient client;

    public HttpClient get() {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null) {
                    client = HttpClient.newBuilder()
                            .version(HttpClient.Version.HTTP_1_1)
                            .connectTimeout(config.connectTimeout())
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .build();
                }
                c = client;
            }
        }
        return c;
    }

    public HttpConfig config() {
        return config;
    }
}

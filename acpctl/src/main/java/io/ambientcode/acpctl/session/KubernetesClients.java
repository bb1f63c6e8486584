package io.ambientcode.acpctl.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.ambientcode.acpctl.cli.CliException;
import io.ambientcode.acpctl.cli.Environment;
import io.ambientcode.acpctl.config.ResolvedContext;
import io.ambientcode.acpctl.http.HttpConfig;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a fabric8 client from a cluster context: its kubeconfig file (else {@code $KUBECONFIG}, else
 * {@code ~/.kube/config}), kubeconfig context and namespace. Only session commands call this, so no other command
 * ever contacts a cluster (or runs a kubeconfig credential plugin).
 */
@ApplicationScoped
public class KubernetesClients {

    static final String KUBECONFIG_ENV = "KUBECONFIG";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Inject
    Environment env;
    @Inject
    HttpConfig http;

    /** A client bound to the context's namespace. */
    public record Target(KubernetesClient client, String namespace, String kubeContext) {
    }

    public Target connect(ResolvedContext context) {
        Path kubeconfig = kubeconfigPath(context);
        String kubeContext = checkContext(kubeconfig, context.kubeContext());
        Config config;
        try {
            config = Config.fromKubeconfig(kubeContext, kubeconfig.toFile());
        } catch (KubernetesClientException | IllegalArgumentException e) {
            // The cause's text may quote the file (which can hold tokens): name the file and context only.
            throw CliException.usage("kubeconfig " + kubeconfig + " could not be loaded for context " + kubeContext);
        }
        String namespace = context.namespace() != null ? context.namespace()
                : config.getNamespace() != null ? config.getNamespace() : "default";
        config.setNamespace(namespace);
        config.setConnectionTimeout((int) http.connectTimeout().toMillis());
        config.setRequestTimeout((int) http.requestTimeout().toMillis());
        // A CLI should fail fast and say why, not retry a dead endpoint with backoff.
        config.setRequestRetryBackoffLimit(0);
        KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build();
        return new Target(client, namespace, kubeContext);
    }

    Path kubeconfigPath(ResolvedContext context) {
        Path path;
        if (context.kubeconfig() != null) {
            path = Path.of(context.kubeconfig());
        } else {
            path = env.get(KUBECONFIG_ENV)
                    .map(v -> Path.of(v.split(File.pathSeparator)[0]))
                    .orElseGet(() -> env.home().resolve(".kube").resolve("config"));
        }
        if (!Files.isRegularFile(path)) {
            throw CliException.usage("no kubeconfig at " + path + ": set one with acpctl config set " + context.name()
                    + " --kubeconfig FILE");
        }
        return path;
    }

    /** The kubeconfig context to use: the requested one if the file has it, else the file's current context. */
    static String checkContext(Path kubeconfig, String requested) {
        JsonNode doc;
        try {
            doc = YAML.readTree(kubeconfig.toFile());
        } catch (IOException e) {
            throw CliException.usage("kubeconfig " + kubeconfig + " is not valid YAML");
        }
        List<String> names = new ArrayList<>();
        if (doc != null) {
            doc.path("contexts").forEach(c -> names.add(c.path("name").asText()));
        }
        if (requested != null) {
            if (!names.contains(requested)) {
                throw CliException.notFound("kubeconfig " + kubeconfig + " has no context " + requested);
            }
            return requested;
        }
        String current = doc == null ? "" : doc.path("current-context").asText("");
        if (current.isEmpty() || !names.contains(current)) {
            throw CliException.usage("kubeconfig " + kubeconfig + " has no usable current-context; choose one with "
                    + "acpctl config set CONTEXT --kube-context NAME");
        }
        return current;
    }
}

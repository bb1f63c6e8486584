package io.ambientcode.controlplane.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.ambientcode.contracts.credential.CredentialApiPaths;
import io.ambientcode.contracts.credential.ResolvedBindings;
import io.ambientcode.contracts.session.AgenticSession;
import io.ambientcode.contracts.session.ProofSecret;
import io.ambientcode.contracts.session.RunnerEnvVar;
import io.ambientcode.contracts.session.RunnerSpec;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Building sessions and credential API answers for the operator tests. */
public final class Sessions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Sessions() {
    }

    public static AgenticSession session(String namespace, String name, String project) {
        AgenticSession s = new AgenticSession();
        s.getMetadata().setName(name);
        s.getMetadata().setNamespace(namespace);
        s.getSpec().setProject(project);
        RunnerSpec runner = new RunnerSpec();
        runner.setImage("quay.io/ambient-code/runner:1.2.3");
        runner.setEnv(List.of(new RunnerEnvVar("LOG_LEVEL", "debug")));
        s.getSpec().setRunner(runner);
        return s;
    }

    public static AgenticSession create(KubernetesClient client, AgenticSession session) {
        return client.resource(session).create();
    }

    public static AgenticSession fetch(KubernetesClient client, String namespace, String name) {
        return client.resources(AgenticSession.class).inNamespace(namespace).withName(name).get();
    }

    public static Pod pod(KubernetesClient client, String namespace, String name) {
        return client.pods().inNamespace(namespace).withName(name).get();
    }

    public static Secret proofs(KubernetesClient client, String namespace, String name) {
        return client.secrets().inNamespace(namespace).withName(ProofSecret.nameFor(name)).get();
    }

    /** The credential API resolves {@code project}'s bindings to these credentials (provider → id). */
    public static StubMapping stubResolve(WireMockServer api, String project, Map<String, String> credentials) {
        List<ResolvedBindings.ResolvedCredential> list = new ArrayList<>();
        credentials.forEach((provider, id) -> list.add(new ResolvedBindings.ResolvedCredential(provider, id,
                "bind-" + id, ResolvedBindings.ResolvedCredential.LEVEL_PROJECT)));
        return api.stubFor(get(urlPathEqualTo(CredentialApiPaths.resolveBindings(project)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(json(new ResolvedBindings(project, null, list)))));
    }

    /** The credential API answers {@code project}'s resolve call with a problem. */
    public static StubMapping stubProblem(WireMockServer api, String project, int status, String code) {
        return api.stubFor(get(urlPathEqualTo(CredentialApiPaths.resolveBindings(project)))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"type\":\"https://ambient-code.io/problems/" + code + "\",\"title\":\"t\",\"status\":"
                                + status + ",\"code\":\"" + code + "\",\"detail\":\"do-not-echo-this-detail\"}")));
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

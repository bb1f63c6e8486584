package io.ambientcode.controlplane.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ambientcode.contracts.provider.Provider;
import io.ambientcode.contracts.session.RunnerEnv;
import io.ambientcode.contracts.session.SidecarEnv;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The pure heart of the control plane: (session, resolved credentials, configuration) → {@link SidecarPlan}.
 *
 * <p>Same input, same plan, in the same order: sidecars follow the provider registry, unsupported providers are
 * sorted, user env keeps the user's order. Nothing random happens here (proof values are made elsewhere and never
 * enter the plan), so a pod rendered twice is byte-for-byte the same and reconciles cause no spurious updates.
 *
 * <p>Fail closed (invariant I6): a provider whose sidecar cannot be started (no token server configuration, no
 * image) is left out with a condition saying why; a provider without a sidecar is listed as unsupported. None of
 * them ever reaches the runner, which gets only the sidecars' local MCP URLs (invariant I1).
 */
public final class SidecarPlanner {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Tool names as the sidecars know them; anything else cannot match a tool and would break the comma list. */
    private static final Pattern TOOL_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,128}");
    /** Provider-like keys may be echoed in a message; other keys are only counted. */
    private static final Pattern ECHOABLE_KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");
    private static final int MAX_MESSAGE_LENGTH = 1024;

    private SidecarPlanner() {
    }

    public static SidecarPlan plan(SessionRequest session, ResolvedCredentials credentials, PlanSettings settings) {
        Ignored ignored = new Ignored();
        List<PlannedSidecar> sidecars = new ArrayList<>();
        List<String> unsupported = new ArrayList<>();
        List<String> withoutTokenServer = new ArrayList<>();
        List<String> withoutImage = new ArrayList<>();

        for (Map.Entry<String, String> credential : credentials.byProvider().entrySet()) {
            Optional<Provider> provider = Provider.byId(credential.getKey());
            if (provider.isEmpty()) {
                unsupported.add(credential.getKey());
            } else if (!settings.tokenServerConfigured()) {
                withoutTokenServer.add(credential.getKey());
            } else if (settings.imageFor(provider.get()).isEmpty()) {
                withoutImage.add(credential.getKey());
            } else {
                SidecarSettings wanted = session.sidecarSettings().getOrDefault(credential.getKey(), SidecarSettings.NONE);
                sidecars.add(sidecar(session, provider.get(), credential.getValue(), settings, wanted, ignored));
            }
        }
        for (String key : session.sidecarSettings().keySet()) {
            if (!Provider.isSupported(key)) {
                ignored.unknownSidecarKey(key);
            }
        }

        RunnerPlan runner = new RunnerPlan(session.runnerImage(), runnerEnv(session, sidecars, ignored));
        List<PlanCondition> conditions = List.of(
                sidecarsConfigured(sidecars, withoutTokenServer, withoutImage, settings),
                providersSupported(unsupported),
                specAccepted(ignored));
        return new SidecarPlan(session.sessionId(), runner, sidecars, credentials.byProvider(), unsupported, conditions,
                SessionTimeout.seconds(session.timeout()));
    }

    private static PlannedSidecar sidecar(SessionRequest session, Provider provider, String credentialId,
            PlanSettings settings, SidecarSettings wanted, Ignored ignored) {
        String proofFile = settings.proofLocation().fileFor(provider);
        List<EnvEntry> env = new ArrayList<>();
        env.add(new EnvEntry(SidecarEnv.SESSION_ID, session.sessionId()));
        env.add(new EnvEntry(SidecarEnv.CREDENTIAL_PROVIDER, provider.id()));
        // A sidecar learns its own provider's credential id, never another's.
        env.add(new EnvEntry(SidecarEnv.CREDENTIAL_IDS, json(Map.of(provider.id(), credentialId))));
        env.add(new EnvEntry(SidecarEnv.AMBIENT_API_URL, settings.sidecarApiUrl()));
        env.add(new EnvEntry(SidecarEnv.AMBIENT_CP_TOKEN_URL, settings.tokenServerUrl().orElseThrow()));
        env.add(new EnvEntry(SidecarEnv.AMBIENT_CP_TOKEN_PUBLIC_KEY, settings.tokenServerPublicKey().orElseThrow()));
        env.add(new EnvEntry(SidecarEnv.AMBIENT_SIDECAR_PROOF_FILE, proofFile));
        if (settings.allowExternalApi()) {
            env.add(new EnvEntry(SidecarEnv.AMBIENT_ALLOW_EXTERNAL_API, "true"));
        }
        if (wanted.readOnly() != null) {
            env.add(new EnvEntry(SidecarEnv.MCP_READ_ONLY, wanted.readOnly().toString()));
        }
        if (wanted.disableDestructive() != null) {
            env.add(new EnvEntry(SidecarEnv.MCP_DISABLE_DESTRUCTIVE, wanted.disableDestructive().toString()));
        }
        toolList(wanted.tools(), ignored).ifPresent(list -> env.add(new EnvEntry(SidecarEnv.MCP_TOOLS, list)));
        toolList(wanted.excludeTools(), ignored).ifPresent(list -> env.add(new EnvEntry(SidecarEnv.MCP_EXCLUDE_TOOLS, list)));
        return new PlannedSidecar(provider, credentialId, settings.imageFor(provider).orElseThrow(), provider.port(),
                provider.managementPort(), env, proofFile);
    }

    private static Optional<String> toolList(List<String> tools, Ignored ignored) {
        LinkedHashSet<String> valid = new LinkedHashSet<>();
        for (String tool : tools) {
            if (tool != null && TOOL_NAME.matcher(tool).matches()) {
                valid.add(tool);
            } else {
                ignored.invalidToolName();
            }
        }
        return valid.isEmpty() ? Optional.empty() : Optional.of(String.join(",", valid));
    }

    /**
     * The runner's environment: the session id, sidecar mode, where the sidecars are and the git rewrite, then the
     * user's variables minus reserved and invalid names. Nothing else: no credential id, proof, token-server URL or
     * key (invariant I1).
     */
    private static List<EnvEntry> runnerEnv(SessionRequest session, List<PlannedSidecar> sidecars, Ignored ignored) {
        List<EnvEntry> env = new ArrayList<>();
        env.add(new EnvEntry(RunnerEnv.SESSION_ID, session.sessionId()));
        // Always set, even without sidecars: a runner must never fall back to fetching credentials itself.
        env.add(new EnvEntry(RunnerEnv.CREDENTIAL_SIDECAR_MODE, "true"));
        Map<String, String> mcpUrls = new LinkedHashMap<>();
        for (PlannedSidecar sidecar : sidecars) {
            mcpUrls.put(sidecar.provider().id(), sidecar.provider().localMcpUrl());
        }
        env.add(new EnvEntry(RunnerEnv.CREDENTIAL_MCP_URLS, json(mcpUrls)));
        sidecars.stream().filter(s -> s.provider() == Provider.GITHUB).findFirst().ifPresent(github -> {
            env.add(new EnvEntry(RunnerEnv.GIT_CONFIG_COUNT, "1"));
            env.add(new EnvEntry(RunnerEnv.GIT_CONFIG_KEY_PREFIX + 0, RunnerEnv.gitInsteadOfKey(github.port())));
            env.add(new EnvEntry(RunnerEnv.GIT_CONFIG_VALUE_PREFIX + 0, RunnerEnv.GITHUB_GIT_BASE));
        });
        for (EnvEntry entry : session.runnerEnv()) {
            if (!ReservedEnvNames.isValid(entry.name())) {
                ignored.invalidEnvName();
            } else if (ReservedEnvNames.isReserved(entry.name())) {
                ignored.reservedEnvName(entry.name());
            } else {
                env.add(entry);
            }
        }
        return env;
    }

    private static PlanCondition sidecarsConfigured(List<PlannedSidecar> sidecars, List<String> withoutTokenServer,
            List<String> withoutImage, PlanSettings settings) {
        if (!withoutTokenServer.isEmpty()) {
            List<String> missing = new ArrayList<>();
            if (settings.tokenServerUrl().isEmpty()) {
                missing.add("URL");
            }
            if (settings.tokenServerPublicKey().isEmpty()) {
                missing.add("public key");
            }
            return new PlanCondition(PlanCondition.SIDECARS_CONFIGURED, false,
                    PlanCondition.REASON_TOKEN_SERVER_NOT_CONFIGURED,
                    "token server " + String.join(" and ", missing) + " not configured; no credential sidecar started for: "
                            + String.join(", ", withoutTokenServer));
        }
        if (!withoutImage.isEmpty()) {
            return new PlanCondition(PlanCondition.SIDECARS_CONFIGURED, false, PlanCondition.REASON_SIDECAR_IMAGE_MISSING,
                    "no sidecar image configured for: " + String.join(", ", withoutImage)
                            + "; the session runs without " + (withoutImage.size() == 1 ? "it" : "them"));
        }
        if (sidecars.isEmpty()) {
            return new PlanCondition(PlanCondition.SIDECARS_CONFIGURED, true, PlanCondition.REASON_NO_CREDENTIALS,
                    "no credential with a sidecar is bound to the session");
        }
        return new PlanCondition(PlanCondition.SIDECARS_CONFIGURED, true, PlanCondition.REASON_SIDECARS_CONFIGURED,
                "credential sidecars: " + String.join(", ", sidecars.stream().map(s -> s.provider().id()).toList()));
    }

    private static PlanCondition providersSupported(List<String> unsupported) {
        if (unsupported.isEmpty()) {
            return new PlanCondition(PlanCondition.PROVIDERS_SUPPORTED, true, PlanCondition.REASON_ALL_SUPPORTED,
                    "every resolved credential has a sidecar provider");
        }
        return new PlanCondition(PlanCondition.PROVIDERS_SUPPORTED, false, PlanCondition.REASON_UNSUPPORTED_PROVIDER,
                truncate("no credential sidecar exists for: " + String.join(", ", unsupported)
                        + "; these credentials are not available in the session"));
    }

    private static PlanCondition specAccepted(Ignored ignored) {
        if (ignored.isEmpty()) {
            return new PlanCondition(PlanCondition.SPEC_ACCEPTED, true, PlanCondition.REASON_ACCEPTED,
                    "runner env and sidecar settings accepted");
        }
        return new PlanCondition(PlanCondition.SPEC_ACCEPTED, false, PlanCondition.REASON_ENTRIES_IGNORED,
                truncate(ignored.describe()));
    }

    private static String json(Map<String, String> map) {
        try {
            return JSON.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a string map as JSON", e);
        }
    }

    private static String truncate(String message) {
        return message.length() <= MAX_MESSAGE_LENGTH ? message : message.substring(0, MAX_MESSAGE_LENGTH - 1) + "…";
    }

    /** What the plan did not use, described by names and counts only (values may be secrets). */
    private static final class Ignored {
        private final LinkedHashSet<String> reservedEnv = new LinkedHashSet<>();
        private final LinkedHashSet<String> unknownSidecars = new LinkedHashSet<>();
        private int invalidEnv;
        private int unnamedUnknownSidecars;
        private int invalidTools;

        void reservedEnvName(String name) {
            reservedEnv.add(name);
        }

        void invalidEnvName() {
            invalidEnv++;
        }

        void unknownSidecarKey(String key) {
            if (key != null && ECHOABLE_KEY.matcher(key).matches()) {
                unknownSidecars.add(key);
            } else {
                unnamedUnknownSidecars++;
            }
        }

        void invalidToolName() {
            invalidTools++;
        }

        boolean isEmpty() {
            return reservedEnv.isEmpty() && invalidEnv == 0 && unknownSidecars.isEmpty() && unnamedUnknownSidecars == 0
                    && invalidTools == 0;
        }

        String describe() {
            List<String> parts = new ArrayList<>();
            if (!reservedEnv.isEmpty()) {
                parts.add("runner env names reserved by the platform ignored: " + String.join(", ", reservedEnv));
            }
            if (invalidEnv > 0) {
                parts.add(invalidEnv + " runner env entr" + (invalidEnv == 1 ? "y" : "ies") + " with an invalid name ignored");
            }
            if (!unknownSidecars.isEmpty() || unnamedUnknownSidecars > 0) {
                List<String> names = new ArrayList<>(unknownSidecars);
                if (unnamedUnknownSidecars > 0) {
                    names.add(unnamedUnknownSidecars + " invalid key" + (unnamedUnknownSidecars == 1 ? "" : "s"));
                }
                parts.add("sidecar settings for providers without a sidecar ignored: " + String.join(", ", names));
            }
            if (invalidTools > 0) {
                parts.add(invalidTools + " invalid tool name" + (invalidTools == 1 ? "" : "s") + " ignored");
            }
            return String.join("; ", parts);
        }
    }
}

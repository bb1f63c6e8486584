package io.ambientcode.contracts.session;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * An agent session: one pod whose runner holds no credential and whose credential sidecars hold one each
 * (ARCHITECTURE.md section 6). The CRD {@code agenticsessions.ambient-code.io} is generated from these classes.
 *
 * <p>The session id handed to sidecars and runners ({@code SESSION_ID}) is this resource's {@code metadata.uid}:
 * unique across namespaces, immutable, and unguessable enough not to be confused with another session.
 */
@Group(AgenticSession.GROUP)
@Version(AgenticSession.VERSION)
@Kind("AgenticSession")
@Plural("agenticsessions")
@Singular("agenticsession")
@ShortNames("asess")
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Project", jsonPath = ".spec.project", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
public class AgenticSession extends CustomResource<AgenticSessionSpec, AgenticSessionStatus> implements Namespaced {

    public static final String GROUP = "ambient-code.io";
    public static final String VERSION = "v1alpha1";
    public static final String CRD_NAME = "agenticsessions." + GROUP;
    /** Annotation that asks for the session to be stopped, as an alternative to {@code spec.stop}. */
    public static final String STOP_ANNOTATION = GROUP + "/stop";

    @Override
    protected AgenticSessionSpec initSpec() {
        return new AgenticSessionSpec();
    }

    @Override
    protected AgenticSessionStatus initStatus() {
        return new AgenticSessionStatus();
    }

    /** The id sidecars present to the token server. */
    public String sessionId() {
        return getMetadata() == null ? null : getMetadata().getUid();
    }
}

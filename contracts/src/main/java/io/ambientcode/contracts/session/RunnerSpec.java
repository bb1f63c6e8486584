package io.ambientcode.contracts.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Required;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.util.ArrayList;
import java.util.List;

/** The runner container: the agent. It never receives a credential. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RunnerSpec {

    @Required
    private String image;

    /** Plain name/value pairs only: no {@code valueFrom}, so a runner can never be pointed at a Secret. */
    private List<RunnerEnvVar> env;

    private ResourceRequirements resources;

    public String getImage() {
        return image;
    }

    public void setImage(String image) {
        this.image = image;
    }

    public List<RunnerEnvVar> getEnv() {
        return env;
    }

    public void setEnv(List<RunnerEnvVar> env) {
        this.env = env == null ? null : new ArrayList<>(env);
    }

    public ResourceRequirements getResources() {
        return resources;
    }

    public void setResources(ResourceRequirements resources) {
        this.resources = resources;
    }
}

package io.ambientcode.contracts.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/** One runner environment variable. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RunnerEnvVar {

    @Required
    @Pattern("^[A-Za-z_][A-Za-z0-9_]*$")
    private String name;

    private String value;

    public RunnerEnvVar() {
    }

    public RunnerEnvVar(String name, String value) {
        this.name = name;
        this.value = value;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }
}

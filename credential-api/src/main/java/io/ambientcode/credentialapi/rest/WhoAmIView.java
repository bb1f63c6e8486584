package io.ambientcode.credentialapi.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Set;

/** Who the service thinks the caller is: a cheap authenticated call (also the benchmark's baseline). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WhoAmIView(
        @JsonProperty("kind") String kind,
        @JsonProperty("subject") String subject,
        @JsonProperty("projects") Set<String> projects,
        @JsonProperty("platform_admin") Boolean platformAdmin) {
}

package io.ambientcode.acpctl.credential;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Set;

/** How the credential API sees the caller ({@code GET /whoami}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WhoAmI(
        @JsonProperty("kind") String kind,
        @JsonProperty("subject") String subject,
        @JsonProperty("projects") Set<String> projects,
        @JsonProperty("platform_admin") Boolean platformAdmin) {
}

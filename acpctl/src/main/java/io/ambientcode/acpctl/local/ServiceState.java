package io.ambientcode.acpctl.local;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** One local service as {@code up}, {@code down} and {@code status} report it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "name", "state", "url", "pid", "log", "message" })
public record ServiceState(
        @JsonProperty("name") String name,
        /** running, ready, starting, stopped, failed */
        @JsonProperty("state") String state,
        @JsonProperty("url") String url,
        @JsonProperty("pid") Long pid,
        @JsonProperty("log") String log,
        @JsonProperty("message") String message) {
}

package io.ambientcode.contracts.exchange;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The payload of the token server's JWE reply: {@code {"token":"<JWT>","token_type":"Bearer","expires_at":"<RFC 3339>"}}.
 */
@JsonPropertyOrder({ "token", "token_type", "expires_at" })
public record ExchangeReply(
        @JsonProperty("token") String token,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_at") String expiresAt) {

    public static final String TOKEN_TYPE = "Bearer";

    @Override
    public String toString() {
        return "ExchangeReply[token=<hidden>, expires_at=" + expiresAt + "]";
    }
}

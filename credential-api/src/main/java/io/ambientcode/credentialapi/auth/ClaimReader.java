package io.ambientcode.credentialapi.auth;

import java.util.List;
import java.util.Map;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;

/** Typed reads of claims that turn every shape problem into a 401 with a value-free reason. */
final class ClaimReader {

    private final JwtClaims claims;

    ClaimReader(JwtClaims claims) {
        this.claims = claims;
    }

    String requiredString(String name) throws AuthenticationException {
        Object v = claims.getClaimValue(name);
        if (!(v instanceof String s) || s.isBlank()) {
            throw AuthenticationException.invalid("claim '" + name + "' missing or not a string");
        }
        return s;
    }

    List<String> stringList(String name, boolean required) throws AuthenticationException {
        Object v = claims.getClaimValue(name);
        if (v == null && !required) {
            return List.of();
        }
        if (!(v instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
            throw AuthenticationException.invalid("claim '" + name + "' must be an array of strings");
        }
        return list.stream().map(String.class::cast).toList();
    }

    Map<?, ?> requiredObject(String name) throws AuthenticationException {
        Object v = claims.getClaimValue(name);
        if (!(v instanceof Map<?, ?> map)) {
            throw AuthenticationException.invalid("claim '" + name + "' missing or not an object");
        }
        return map;
    }

    /** Seconds between {@code iat} and {@code exp}; both are required by the consumers that call this. */
    long lifetimeSeconds() throws AuthenticationException {
        try {
            NumericDate iat = claims.getIssuedAt();
            NumericDate exp = claims.getExpirationTime();
            if (iat == null || exp == null) {
                throw AuthenticationException.invalid("required claim missing");
            }
            return exp.getValue() - iat.getValue();
        } catch (MalformedClaimException e) {
            throw AuthenticationException.invalid("malformed claim");
        }
    }
}

package io.ambientcode.credentialapi.rest;

import io.ambientcode.credentialapi.service.ErrorCode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ambientcode.credentialapi.service.ApiException;
import io.ambientcode.credentialapi.service.CredentialPatch;
import io.ambientcode.credentialapi.service.Names;
import io.ambientcode.credentialapi.service.NewBinding;
import io.ambientcode.credentialapi.service.NewCredential;
import java.util.HashSet;
import java.util.Set;

/** Reads request bodies into domain inputs: structure and formats here, provider shapes in the service. */
final class CredentialRequests {

    static final int MAX_DESCRIPTION = 1024;
    static final int MAX_URL = 2048;
    static final int MAX_EMAIL = 320;
    static final int MAX_TOKEN = 60 * 1024;
    static final int MAX_METADATA = 16 * 1024;
    static final int MAX_PROVIDER = 32;

    private static final Set<String> CREATE_FIELDS = Set.of("name", "provider", "description", "url", "email",
            "metadata", "token");
    private static final Set<String> PATCH_FIELDS = Set.of(CredentialPatch.NAME, CredentialPatch.DESCRIPTION,
            CredentialPatch.URL, CredentialPatch.EMAIL, CredentialPatch.METADATA, CredentialPatch.TOKEN);
    private static final Set<String> READ_ONLY = Set.of("id", "owner", "provider", "created_at", "updated_at",
            "token_set_at");
    private static final Set<String> BINDING_FIELDS = Set.of("credential_id", "agent");
    private static final Set<String> BINDING_READ_ONLY = Set.of("id", "project", "provider", "created_at", "created_by");

    private CredentialRequests() {
    }

    static NewCredential create(ObjectNode body) {
        JsonInput.onlyFields(body, CREATE_FIELDS, Set.of("id", "owner", "created_at", "updated_at", "token_set_at"));
        String name = name(JsonInput.requiredString(body, "name", 63, false));
        String provider = JsonInput.requiredString(body, "provider", MAX_PROVIDER, false);
        return new NewCredential(
                name,
                provider,
                JsonInput.string(body, "description", MAX_DESCRIPTION, true),
                JsonInput.string(body, "url", MAX_URL, false),
                JsonInput.string(body, "email", MAX_EMAIL, false),
                JsonInput.objectText(body, "metadata", MAX_METADATA),
                JsonInput.requiredString(body, "token", MAX_TOKEN, true));
    }

    static CredentialPatch patch(ObjectNode body) {
        JsonInput.onlyFields(body, PATCH_FIELDS, READ_ONLY);
        Set<String> fields = new HashSet<>();
        body.fieldNames().forEachRemaining(fields::add);
        String name = null;
        if (fields.contains(CredentialPatch.NAME)) {
            name = name(JsonInput.requiredString(body, CredentialPatch.NAME, 63, false));
        }
        String token = null;
        if (fields.contains(CredentialPatch.TOKEN)) {
            token = JsonInput.requiredString(body, CredentialPatch.TOKEN, MAX_TOKEN, true);
        }
        return new CredentialPatch(fields, name,
                JsonInput.string(body, CredentialPatch.DESCRIPTION, MAX_DESCRIPTION, true),
                JsonInput.string(body, CredentialPatch.URL, MAX_URL, false),
                JsonInput.string(body, CredentialPatch.EMAIL, MAX_EMAIL, false),
                JsonInput.objectText(body, CredentialPatch.METADATA, MAX_METADATA),
                token);
    }

    static NewBinding binding(ObjectNode body) {
        JsonInput.onlyFields(body, BINDING_FIELDS, BINDING_READ_ONLY);
        String credentialId = JsonInput.requiredString(body, "credential_id", 64, false);
        if (!Names.isId(credentialId)) {
            throw ApiException.badRequest(ErrorCode.INVALID_FIELD, "credential_id is not a credential id", "credential_id");
        }
        String agent = JsonInput.string(body, "agent", 63, false);
        if (agent != null && !Names.isName(agent)) {
            throw ApiException.badRequest(ErrorCode.INVALID_FIELD, "agent must match " + Names.NAME.pattern(), "agent");
        }
        return new NewBinding(credentialId, agent);
    }

    private static String name(String name) {
        if (!Names.isName(name)) {
            throw ApiException.badRequest(ErrorCode.INVALID_FIELD, "name must match " + Names.NAME.pattern()
                    + " (letters, digits, '_', '.', '-'; no '..')", "name");
        }
        return name;
    }
}

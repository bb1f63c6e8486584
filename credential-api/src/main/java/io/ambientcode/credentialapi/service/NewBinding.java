package io.ambientcode.credentialapi.service;

/** A binding to create: a credential, and optionally the one agent of the project it is for. */
public record NewBinding(String credentialId, String agent) {
}

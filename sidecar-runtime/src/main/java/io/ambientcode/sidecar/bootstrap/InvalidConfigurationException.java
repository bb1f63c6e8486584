package io.ambientcode.sidecar.bootstrap;

/**
 * The provider module's configuration breaks a rule ({@code SidecarProviderModule.configurationProblems()}); the
 * message lists every problem, each naming its property. Thrown at start-up, before any port opens.
 */
public final class InvalidConfigurationException extends RuntimeException {

    public InvalidConfigurationException(String problems) {
        super("invalid configuration: " + problems, null, false, false);
    }
}

package io.ambientcode.sidecar.k8s.kubeconfig;

/**
 * The kubeconfig credential cannot be used. The message is safe to show (it names fields and contexts, never a
 * value) and never carries the parser's own message, which may quote the document.
 */
public class InvalidKubeconfigException extends RuntimeException {

    public InvalidKubeconfigException(String message) {
        super(message, null, false, false);
    }
}

package io.ambientcode.contracts.exchange;

/** A refused exchange. The message is safe to log: it never contains assertion, proof or key material. */
public final class ExchangeException extends Exception {

    private final ExchangeError error;

    public ExchangeException(ExchangeError error, String safeDetail) {
        super(error.code() + ": " + safeDetail, null, false, false);
        this.error = error;
    }

    public ExchangeError error() {
        return error;
    }
}

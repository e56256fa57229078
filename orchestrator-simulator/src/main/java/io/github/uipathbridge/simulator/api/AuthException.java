package io.github.uipathbridge.simulator.api;

/** A 401 (no valid token) or 403 (token lacks the scope) answer, written with the older ABP envelope. */
final class AuthException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final int status;

    AuthException(int status) {
        super(status == 401 ? "You are not authenticated!" : "You are not authorized!");
        this.status = status;
    }

    int status() {
        return status;
    }

    String details() {
        return status == 401
                ? "You should be authenticated (sign in) in order to perform this operation."
                : "You are not allowed to perform this operation.";
    }
}

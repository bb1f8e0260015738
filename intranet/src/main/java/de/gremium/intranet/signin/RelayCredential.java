package de.gremium.intranet.signin;

import java.io.Serializable;

/**
 * The embedded default's credential, kept only in the server-side session (as the sign-in's details) and sent to
 * both APIs as {@code Authorization: Basic}. Never written to a page, a cookie or a log.
 */
public final class RelayCredential implements Serializable {

    private final String authorization;

    RelayCredential(String authorization) {
        this.authorization = authorization;
    }

    String authorization() {
        return authorization;
    }

    @Override
    public String toString() {
        return "RelayCredential[hidden]";
    }
}

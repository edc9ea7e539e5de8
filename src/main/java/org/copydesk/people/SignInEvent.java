package org.copydesk.people;

/**
 * A sign-in, refused or not, or a sign-out. Recorded by the audit log (audit.AuditedActs) in a transaction of
 * its own: a failed sign-in has nothing else to commit. {@code account} is null when the username typed
 * matches no account.
 */
public record SignInEvent(Kind kind, StaffAccount account, String typedUsername, String address) {

    public enum Kind {
        SIGN_IN_LOCKED, SIGN_IN, SIGN_IN_FAILED, SIGN_OUT
    }
}

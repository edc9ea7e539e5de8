package org.copydesk.people;

/**
 * Something done to a staff account, fired inside the transaction that does it. The audit log listens
 * (audit.AuditedActs, named there as audit.AuditAction names it): people knows nothing of the log above it.
 */
public record StaffEvent(Kind kind, StaffAccount by, String from, String to, String detail) {

    public enum Kind {
        ACCOUNT_CREATED, PASSWORD_CHANGE, ACCOUNT_DISABLED, ACCOUNT_ENABLED, ROLE_CHANGE
    }
}

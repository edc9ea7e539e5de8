package org.copydesk.people;

import java.util.List;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.copydesk.media.Image;
import org.copydesk.publishing.Publication;
import org.copydesk.publishing.PublicChange;
import org.copydesk.web.CopydeskConfig;
import org.copydesk.web.FormErrors;
import org.copydesk.web.FormInvalidException;
import org.copydesk.web.Slugs;
import org.copydesk.web.Text;

/** Staff accounts and the author profiles that come with them. */
@ApplicationScoped
@Transactional
public class StaffService {

    @Inject
    Publication publication;

    /** Recorded by the audit log, which listens (it sits above people). */
    @Inject
    Event<StaffEvent> events;

    @Inject
    CopydeskConfig config;

    public static final int PASSWORD_MIN = 12;
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{3,64}");

    /** Creates an account and its author profile (so a new story's byline starts with its writer). */
    public StaffAccount createAccount(String username, String password, String displayName, Role role,
                                      StaffAccount createdBy) {
        return createAccount(username, password, displayName, role, null, createdBy);
    }

    /** The same, with the e-mail address typed on the staff form (blank: none). */
    public StaffAccount createAccount(String username, String password, String displayName, Role role, String email,
                                      StaffAccount createdBy) {
        FormErrors errors = new FormErrors();
        String cleanEmail = checkEmail(errors, email, null);
        String cleanUsername = Text.clean(username);
        String cleanName = Text.clean(displayName);
        if (cleanUsername == null) {
            errors.add("username", "Enter a username");
        } else if (!USERNAME.matcher(cleanUsername).matches()) {
            errors.add("username", "Username must be 3 to 64 letters, digits, dots, hyphens or underscores");
        } else if (StaffAccount.findByUsername(cleanUsername).isPresent()) {
            errors.add("username", "That username is already taken");
        }
        checkNewPassword(errors, "password", password, cleanUsername, cleanName);
        if (cleanName == null) {
            errors.add("displayName", "Enter a display name");
        } else if (Text.length(cleanName) > AuthorProfile.NAME_MAX) {
            errors.add("displayName", "Display name must be " + AuthorProfile.NAME_MAX + " characters or fewer");
        }
        errors.singleLine("displayName", "Display name", cleanName);
        if (role == null) {
            errors.add("role", "Choose a role");
        }
        if (errors.any()) {
            throw new FormInvalidException(errors);
        }
        StaffAccount account = new StaffAccount();
        account.username = cleanUsername;
        account.setPassword(password, config.signIn().passwordCost());
        account.displayName = cleanName;
        account.setRole(role);
        account.email = cleanEmail;
        account.persist();
        AuthorProfile profile = newAuthorProfile(cleanName);
        profile.staffAccount = account;
        events.fire(new StaffEvent(StaffEvent.Kind.ACCOUNT_CREATED, createdBy, null, role.name(), "account " + account.username));
        return account;
    }

    /**
     * The account an integration token acts through: a Reporter (it writes drafts, never publishes), with a password
     * no one knows (256 random bits, never shown), and no author profile (bylines name people, not systems). Its
     * username says what it is; the staff list shows it like any account, so admins see who wrote what.
     */
    public StaffAccount createIntegrationAccount(String tokenName, StaffAccount createdBy) {
        byte[] secret = new byte[32];
        new java.security.SecureRandom().nextBytes(secret);
        StaffAccount account = new StaffAccount();
        account.username = "integration-" + java.util.HexFormat.of().formatHex(secret, 0, 6);
        account.setPassword(java.util.Base64.getEncoder().encodeToString(secret), config.signIn().passwordCost());
        account.displayName = "Integration: " + tokenName;
        account.setRole(Role.REPORTER);
        account.persist();
        events.fire(new StaffEvent(StaffEvent.Kind.ACCOUNT_CREATED, createdBy, null, Role.REPORTER.name(),
                "account " + account.username + " for the integration token " + tokenName));
        return account;
    }

    /**
     * A new password: at least 12 characters, at most 200, and not easy to guess — zxcvbn's estimate,
     * which knows the common passwords, names and keyboard runs, must reach 10^10 guesses.
     */
    static void checkNewPassword(FormErrors errors, String field, String password, String username, String displayName) {
        if (password == null || password.isEmpty()) {
            errors.add(field, "Enter a password");
        } else if (Text.length(password) < PASSWORD_MIN) {
            errors.add(field, "Password must be at least " + PASSWORD_MIN + " characters");
        } else if (password.length() > 200) {
            errors.add(field, "Password must be 200 characters or fewer");
        } else {
            List<String> personal = new java.util.ArrayList<>(List.of("copydesk", "newsroom"));
            if (username != null) {
                personal.add(username);
            }
            if (displayName != null) {
                personal.addAll(List.of(displayName.split("\\s+")));
            }
            if (strength().measure(password, personal).getGuessesLog10() < 10) {
                errors.add(field, "This password is too easy to guess (a common password, a name or a pattern). "
                        + "Try three or four unrelated words");
            }
        }
    }

    /**
     * zxcvbn with its dictionaries (94,000 words: 14 MB of a heap of 112), made when a password is checked and
     * let go of when the memory is wanted (passwords are set a few times a year; searches and pages need it daily).
     */
    private static java.lang.ref.SoftReference<com.nulabinc.zxcvbn.Zxcvbn> strength = new java.lang.ref.SoftReference<>(null);

    private static synchronized com.nulabinc.zxcvbn.Zxcvbn strength() {
        com.nulabinc.zxcvbn.Zxcvbn made = strength.get();
        if (made == null) {
            made = new com.nulabinc.zxcvbn.Zxcvbn();
            strength = new java.lang.ref.SoftReference<>(made);
        }
        return made;
    }

    /** An e-mail address: at most this long (RFC 5321's path limit). */
    public static final int EMAIL_MAX = 254;
    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@.]+(\\.[^\\s@.]+)+");

    /**
     * The e-mail address typed, checked: null when blank (no address), else one that looks like an address, is not
     * too long and no other account has in any case. {@code selfId}: the account it is for (null for a new one).
     */
    static String checkEmail(FormErrors errors, String email, Long selfId) {
        String clean = Text.clean(email);
        if (clean == null) {
            return null;
        }
        if (clean.length() > EMAIL_MAX) {
            errors.add("email", "E-mail must be " + EMAIL_MAX + " characters or fewer");
        } else if (!EMAIL.matcher(clean).matches()) {
            errors.add("email", "Enter an e-mail address like name@example.com");
        } else if (StaffAccount.count(selfId == null ? "lower(email) = lower(?1)" : "lower(email) = lower(?1) and id <> ?2",
                selfId == null ? new Object[] {clean} : new Object[] {clean, selfId}) > 0) {
            errors.add("email", "Another account already uses this e-mail address");
        }
        return clean;
    }

    /** Everyone's own e-mail address, for notifications (blank removes it). */
    public void changeEmail(StaffAccount account, String email) {
        FormErrors errors = new FormErrors();
        String clean = checkEmail(errors, email, account.id);
        if (errors.any()) {
            throw new FormInvalidException(errors);
        }
        StaffAccount stored = StaffAccount.findById(account.id);
        stored.email = clean;
        account.email = clean;
    }

    /** Everyone's own "Change password": the current one first; every other session of the account ends. */
    /** @return the account's new session generation, for this browser's fresh cookie */
    public int changePassword(StaffAccount account, String current, String fresh, String confirmation) {
        StaffAccount stored = StaffAccount.findById(account.id);
        FormErrors errors = new FormErrors();
        if (current == null || current.isEmpty() || !io.quarkus.elytron.security.common.BcryptUtil.matches(current, stored.passwordHash)) {
            errors.add("currentPassword", "Your current password is not right");
        }
        checkNewPassword(errors, "newPassword", fresh, stored.username, stored.displayName);
        if (!errors.has("newPassword") && !fresh.equals(confirmation)) {
            errors.add("confirmPassword", "The two new passwords are not the same");
        }
        if (errors.any()) {
            throw new FormInvalidException(errors);
        }
        stored.setPassword(fresh, config.signIn().passwordCost());
        stored.sessionGeneration++;
        events.fire(new StaffEvent(StaffEvent.Kind.PASSWORD_CHANGE, stored, null, null, "account " + stored.username));
        return stored.sessionGeneration;
    }

    /** An admin turns an account off (its sessions end at once) or on again. */
    public void setEnabled(long accountId, boolean enabled, StaffAccount admin) {
        StaffAccount account = StaffAccount.findById(accountId);
        if (account == null) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        if (!enabled && account.id.equals(admin.id)) {
            throw new FormInvalidException("enabled", "You cannot disable your own account");
        }
        if (account.enabled == enabled) {
            return;
        }
        account.enabled = enabled;
        account.sessionGeneration++;
        events.fire(new StaffEvent(enabled ? StaffEvent.Kind.ACCOUNT_ENABLED : StaffEvent.Kind.ACCOUNT_DISABLED, admin,
                null, null, "account " + account.username));
    }

    /** Sign-out: ends this account's sessions everywhere (a copied cookie stops working too). */
    public void endSessions(StaffAccount account) {
        StaffAccount stored = StaffAccount.findById(account.id);
        stored.sessionGeneration++;
    }

    public void changeRole(long accountId, Role role, StaffAccount changedBy) {
        StaffAccount account = StaffAccount.findById(accountId);
        if (account == null) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        if (role == null) {
            throw new FormInvalidException("role", "Choose a role");
        }
        if (account.role() == Role.ADMIN && role != Role.ADMIN && StaffAccount.count("securityRole", Role.ADMIN.name()) <= 1) {
            throw new FormInvalidException("role", "The last admin cannot lose the Admin role");
        }
        Role before = account.role();
        account.setRole(role);
        events.fire(new StaffEvent(StaffEvent.Kind.ROLE_CHANGE, changedBy, before.name(), role.name(), "account " + account.username));
    }

    /** A new author profile with a slug of its own; used for staff and for bylines typed on the spot. */
    public AuthorProfile newAuthorProfile(String name) {
        String cleanName = Text.clean(name);
        if (cleanName == null) {
            throw new FormInvalidException("name", "Enter the author's name");
        }
        if (Text.length(cleanName) > AuthorProfile.NAME_MAX) {
            throw new FormInvalidException("name", "Author name must be " + AuthorProfile.NAME_MAX + " characters or fewer");
        }
        FormErrors unstorable = new FormErrors().singleLine("name", "Author name", cleanName);
        if (unstorable.any()) {
            throw new FormInvalidException(unstorable);
        }
        AuthorProfile profile = new AuthorProfile();
        profile.name = cleanName;
        profile.slug = Slugs.unique(Slugs.of(cleanName, 120), 140, s -> AuthorProfile.count("slug", s) > 0);
        profile.persist();
        return profile;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<StaffAccount> listAccounts() {
        return StaffAccount.list("order by lower(displayName)");
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AuthorProfile> listAuthors() {
        return AuthorProfile.list("order by lower(name)");
    }

    public AuthorProfile updateAuthor(long id, String name, String bio) {
        AuthorProfile profile = AuthorProfile.findById(id);
        if (profile == null) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        FormErrors errors = new FormErrors();
        String cleanName = Text.clean(name);
        String cleanBio = Text.clean(bio);
        if (cleanName == null) {
            errors.add("name", "Enter the author's name");
        } else if (Text.length(cleanName) > AuthorProfile.NAME_MAX) {
            errors.add("name", "Author name must be " + AuthorProfile.NAME_MAX + " characters or fewer");
        }
        if (cleanBio != null && Text.length(cleanBio) > AuthorProfile.BIO_MAX) {
            errors.add("bio", "Bio must be " + AuthorProfile.BIO_MAX + " characters or fewer");
        }
        errors.singleLine("name", "Author name", cleanName).storable("bio", cleanBio);
        if (errors.any()) {
            throw new FormInvalidException(errors);
        }
        profile.name = cleanName;
        profile.bio = cleanBio;
        publication.announce(PublicChange.ofAuthor(profile.id, null));
        return profile;
    }

    /** The author's photo set (or taken off with null): shown on the author's page and next to bylines. */
    public void setAuthorPhoto(long authorId, Long imageId, StaffAccount by) {
        AuthorProfile profile = AuthorProfile.findById(authorId);
        if (profile == null) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        profile.photo = imageId == null ? null : Image.findById(imageId);
        publication.announce(PublicChange.ofAuthor(profile.id, by == null ? null : by.id));
    }
}

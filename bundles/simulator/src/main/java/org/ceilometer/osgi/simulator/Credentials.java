package org.ceilometer.osgi.simulator;

/**
 * The simulator's fixed admin credentials: the password user and the application credential, both
 * of the admin user in the {@code Default} domain, scoped to the {@code admin} project.
 */
public final class Credentials {
    public static final String USERNAME = "admin";
    public static final String PASSWORD = "simulator-password";
    public static final String USER_DOMAIN_NAME = "Default";
    public static final String PROJECT_NAME = "admin";
    public static final String PROJECT_DOMAIN_NAME = "Default";
    public static final String APPLICATION_CREDENTIAL_NAME = "ceilometer-simulator";
    public static final String APPLICATION_CREDENTIAL_SECRET = "simulator-application-secret";

    private final String userId;
    private final String applicationCredentialId;

    Credentials(String userId, String applicationCredentialId) {
        this.userId = userId;
        this.applicationCredentialId = applicationCredentialId;
    }

    public String username() {
        return USERNAME;
    }

    public String password() {
        return PASSWORD;
    }

    public String userId() {
        return userId;
    }

    public String userDomainName() {
        return USER_DOMAIN_NAME;
    }

    public String projectName() {
        return PROJECT_NAME;
    }

    public String projectDomainName() {
        return PROJECT_DOMAIN_NAME;
    }

    public String applicationCredentialId() {
        return applicationCredentialId;
    }

    public String applicationCredentialName() {
        return APPLICATION_CREDENTIAL_NAME;
    }

    public String applicationCredentialSecret() {
        return APPLICATION_CREDENTIAL_SECRET;
    }

    @Override
    public String toString() {
        return "Credentials[user=" + USERNAME + ", project=" + PROJECT_NAME + "]";
    }
}

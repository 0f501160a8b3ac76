package dev.caravan.registry.server;

/** A request the registry refuses, with the HTTP status and Confluent error code to answer. */
public class RegistryException extends RuntimeException {
  private final int status;
  private final int errorCode;

  public RegistryException(int status, int errorCode, String message) {
    super(message);
    this.status = status;
    this.errorCode = errorCode;
  }

  public int status() {
    return status;
  }

  public int errorCode() {
    return errorCode;
  }

  static RegistryException subjectNotFound(String subject) {
    return new RegistryException(404, 40401, "Subject '" + subject + "' not found.");
  }

  static RegistryException versionNotFound(int version) {
    return new RegistryException(404, 40402, "Version " + version + " not found.");
  }

  static RegistryException schemaNotFound(String what) {
    return new RegistryException(404, 40403, what);
  }

  static RegistryException invalidSchema(String why) {
    return new RegistryException(422, 42201, "Invalid schema: " + why);
  }

  static RegistryException invalidVersion(String version) {
    return new RegistryException(422, 42202, "The specified version '" + version
        + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\"");
  }

  static RegistryException invalidCompatibilityLevel(String level) {
    return new RegistryException(422, 42203, "Invalid compatibility level '" + level + "'. Valid values are none, "
        + "backward, forward, full, backward_transitive, forward_transitive, and full_transitive");
  }

  static RegistryException operationNotPermitted(String why) {
    return new RegistryException(422, 42205, why);
  }

  static RegistryException storeError(String why) {
    return new RegistryException(500, 50001, "Error in the backend data store: " + why);
  }

  static RegistryException timeout(String why) {
    return new RegistryException(500, 50002, "Operation timed out: " + why);
  }
}

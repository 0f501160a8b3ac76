package dev.caravan.registry.client;

/**
 * A registry call failed. {@code errorCode} is the Confluent error code from the response body
 * (40401 subject not found, 40403 schema not found, 409 incompatible, 42201 invalid schema, ...),
 * or the HTTP status when the body had none, or -1 when the registry could not be reached.
 */
public class SchemaRegistryException extends RuntimeException {
  public static final int SUBJECT_NOT_FOUND = 40401;
  public static final int VERSION_NOT_FOUND = 40402;
  public static final int SCHEMA_NOT_FOUND = 40403;
  public static final int INCOMPATIBLE_SCHEMA = 409;
  public static final int INVALID_SCHEMA = 42201;
  public static final int UNREACHABLE = -1;

  private final int status;
  private final int errorCode;

  public SchemaRegistryException(int status, int errorCode, String message) {
    this(status, errorCode, message, null);
  }

  public SchemaRegistryException(int status, int errorCode, String message, Throwable cause) {
    super(message + " (error_code " + errorCode + ")", cause);
    this.status = status;
    this.errorCode = errorCode;
  }

  /** HTTP status, or -1 when there was no response. */
  public int status() {
    return status;
  }

  public int errorCode() {
    return errorCode;
  }
}

package io.taskresults.apikey;

/**
 * What may be shown of a key: never its private key or password. Times are milliseconds
 * since the epoch, as everywhere in this API; {@code revokedAt} is null while the key is
 * active.
 */
public record ApiKeyView(String id, String name, String role, long createdAt, Long revokedAt) {

}

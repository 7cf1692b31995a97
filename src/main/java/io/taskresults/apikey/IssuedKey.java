package io.taskresults.apikey;

import java.util.UUID;

/**
 * A freshly created key: the PKCS#12 file and its password exist only here and in what
 * the caller writes; the server keeps just the certificate's fingerprint.
 */
public record IssuedKey(UUID id, String name, Role role, byte[] pkcs12, String password) {

}

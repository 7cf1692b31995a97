package io.taskresults.apikey;

import java.util.UUID;

/**
 * The authenticated key behind a request; controllers receive it as the request attribute
 * {@link #ATTRIBUTE}.
 */
public record Caller(UUID keyId, String name, Role role) {

	public static final String ATTRIBUTE = "io.taskresults.caller";

}

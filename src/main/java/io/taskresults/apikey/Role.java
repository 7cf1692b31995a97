package io.taskresults.apikey;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a key may do. Analysts read their own tasks, the cloak publishes, admins do both
 * and manage keys.
 */
public enum Role {

	ANALYST, CLOAK, ADMIN;

	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<Role> parse(String value) {
		return Arrays.stream(values()).filter((role) -> role.value().equals(value)).findFirst();
	}

}

package io.taskresults.web;

import java.util.Iterator;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * Field checks on a JSON tree that fail with a 422 naming the field by its path, e.g.
 * {@code [3].buckets[0].value must be a non-negative integer}.
 */
public final class JsonFields {

	private JsonFields() {
	}

	public static void requireObject(JsonNode node, String path) {
		if (node == null || !node.isObject()) {
			throw new UnprocessableContent(describe(path) + " must be a JSON object");
		}
	}

	/** Rejects fields the endpoint does not know, so a typo never silently drops data. */
	public static void onlyFields(JsonNode object, String path, Set<String> allowed) {
		Iterator<String> names = object.propertyNames().iterator();
		while (names.hasNext()) {
			String name = names.next();
			if (!allowed.contains(name)) {
				throw new UnprocessableContent(join(path, name) + " is not a known field (allowed: "
						+ String.join(", ", allowed.stream().sorted().toList()) + ")");
			}
		}
	}

	/**
	 * A required or optional text field.
	 * @return the text, or null if optional and absent
	 */
	public static String text(JsonNode object, String path, String field, boolean required, int maxLength) {
		String name = join(path, field);
		JsonNode node = present(object, name, field, required);
		if (node == null) {
			return null;
		}
		if (!node.isString()) {
			throw new UnprocessableContent(name + " must be a string");
		}
		String value = node.asString();
		if (value.isEmpty()) {
			throw new UnprocessableContent(name + " must not be empty");
		}
		if (value.length() > maxLength) {
			throw new UnprocessableContent(name + " must be at most " + maxLength + " characters");
		}
		if (value.indexOf('\0') >= 0) {
			// PostgreSQL cannot store NUL in text: refuse it here rather than fail on
			// insert.
			throw new UnprocessableContent(name + " must not contain NUL characters");
		}
		if (hasUnpairedSurrogate(value)) {
			throw new UnprocessableContent(name + " must be valid Unicode (it has an unpaired surrogate escape)");
		}
		return value;
	}

	/**
	 * An integer in {@code [min, max]}; JSON numbers with a fraction or exponent, strings
	 * and booleans are refused.
	 * @return the value, or null if optional and absent
	 */
	public static Long integer(JsonNode object, String path, String field, boolean required, long min, long max,
			String expected) {
		String name = join(path, field);
		JsonNode node = present(object, name, field, required);
		if (node == null) {
			return null;
		}
		if (!node.isIntegralNumber() || !node.canConvertToLong()) {
			throw new UnprocessableContent(name + " must be " + expected);
		}
		long value = node.asLong();
		if (value < min || value > max) {
			throw new UnprocessableContent(name + " must be " + expected);
		}
		return value;
	}

	/**
	 * The field's node, or null if it is absent (a JSON {@code null} counts as absent).
	 * @param name the field's path, for the message
	 * @throws UnprocessableContent if it is required and absent
	 */
	public static JsonNode present(JsonNode object, String name, String field, boolean required) {
		JsonNode node = object.get(field);
		if (node == null || node.isNull()) {
			if (required) {
				throw new UnprocessableContent(name + " is required");
			}
			return null;
		}
		return node;
	}

	/**
	 * Whether the text holds half of a UTF-16 surrogate pair, which JSON's
	 * {@code \\uD800} escapes can produce but UTF-8 (and so PostgreSQL) cannot store.
	 */
	public static boolean hasUnpairedSurrogate(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				return true;
			}
		}
		return false;
	}

	public static String join(String path, String field) {
		return path.isEmpty() ? field : path + "." + field;
	}

	private static String describe(String path) {
		return path.isEmpty() ? "The request body" : path;
	}

}

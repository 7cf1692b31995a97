package io.taskresults.web;

/**
 * Parses numeric ids from the path without ever failing with a 500.
 */
public final class PathIds {

	private PathIds() {
	}

	public static long positiveLong(String name, String raw) {
		if (raw != null && raw.matches("\\+?[0-9]{1,19}")) {
			try {
				long value = Long.parseLong(raw);
				if (value > 0) {
					return value;
				}
			}
			catch (NumberFormatException ex) {
				// above Long.MAX_VALUE: falls through to the same client error
			}
		}
		throw new InvalidParameter(name + " must be a positive integer");
	}

}

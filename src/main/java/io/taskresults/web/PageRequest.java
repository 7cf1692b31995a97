package io.taskresults.web;

/**
 * The {@code page} and {@code per_page} query parameters, validated.
 */
public record PageRequest(int page, int perPage) {

	public static final int MAX_PER_PAGE = 1000;

	/**
	 * Parses the raw query values; {@code null} means the parameter was absent.
	 * @throws InvalidParameter when a value is not an integer in its range
	 */
	public static PageRequest parse(String page, String perPage) {
		return new PageRequest(parseInt("page", page, 1, Integer.MAX_VALUE, 1),
				parseInt("per_page", perPage, 1, MAX_PER_PAGE, 10));
	}

	public long offset() {
		return (long) (this.page - 1) * this.perPage;
	}

	static int parseInt(String name, String raw, int min, int max, int defaultValue) {
		if (raw == null) {
			return defaultValue;
		}
		String message = name + " must be an integer from " + min + " to " + max;
		if (!raw.matches("[+-]?[0-9]{1,10}")) {
			throw new InvalidParameter(message);
		}
		long value = Long.parseLong(raw);
		if (value < min || value > max) {
			throw new InvalidParameter(message);
		}
		return (int) value;
	}

}

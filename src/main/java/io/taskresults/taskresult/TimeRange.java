package io.taskresults.taskresult;

import java.time.Instant;

import io.taskresults.web.InvalidParameter;

/**
 * The {@code from} (inclusive) and {@code to} (exclusive) filters on
 * {@code published_at}, in milliseconds since the epoch; either may be absent.
 */
record TimeRange(Instant from, Instant to) {

	static final TimeRange ALL = new TimeRange(null, null);

	/** 0001-01-01T00:00:00Z. */
	static final long MIN_MILLIS = -62135596800000L;

	/** 9999-12-31T23:59:59.999Z. */
	static final long MAX_MILLIS = 253402300799999L;

	static TimeRange parse(String from, String to) {
		TimeRange range = new TimeRange(parseMillis("from", from), parseMillis("to", to));
		if (range.from() != null && range.to() != null && range.from().isAfter(range.to())) {
			throw new InvalidParameter("from must not be after to");
		}
		return range;
	}

	boolean isAll() {
		return this.from == null && this.to == null;
	}

	private static Instant parseMillis(String name, String raw) {
		if (raw == null) {
			return null;
		}
		String message = name + " must be an integer number of milliseconds since the epoch, from " + MIN_MILLIS
				+ " to " + MAX_MILLIS;
		if (!raw.matches("[+-]?[0-9]{1,15}")) {
			throw new InvalidParameter(message);
		}
		long millis = Long.parseLong(raw);
		if (millis < MIN_MILLIS || millis > MAX_MILLIS) {
			throw new InvalidParameter(message);
		}
		return Instant.ofEpochMilli(millis);
	}

}

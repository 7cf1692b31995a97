package io.taskresults.taskresult;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.taskresults.web.JsonFields;
import io.taskresults.web.UnprocessableContent;
import tools.jackson.databind.JsonNode;

/**
 * Turns a publish request's JSON into results, checking every field. A body is one result
 * object or an array of them; errors name the field by its path
 * ({@code [3].buckets[0].value} in an array, {@code buckets[0].value} in a single
 * result).
 */
final class PublishedResults {

	static final int MAX_RESULTS = 1000;

	static final int MAX_BUCKETS = 10_000;

	static final int MAX_EXCEPTIONS = 10_000;

	static final int MAX_BUCKET_NAME = 1000;

	static final int MAX_ERROR_TEXT = 10_000;

	private static final String NON_NEGATIVE = "a non-negative integer";

	private PublishedResults() {
	}

	/**
	 * @param receivedAt the {@code published_at} of results that give none
	 */
	static List<NewResult> parse(JsonNode body, Instant receivedAt) {
		if (body.isObject()) {
			return List.of(result(body, "", receivedAt));
		}
		if (!body.isArray()) {
			throw new UnprocessableContent(
					"The request body must be a result object or an array of up to " + MAX_RESULTS + " of them");
		}
		if (body.isEmpty()) {
			throw new UnprocessableContent("The request body is an empty array: send at least one result");
		}
		if (body.size() > MAX_RESULTS) {
			throw new UnprocessableContent("The request body has " + body.size() + " results; at most " + MAX_RESULTS
					+ " may be published at once");
		}
		List<NewResult> results = new ArrayList<>(body.size());
		for (int i = 0; i < body.size(); i++) {
			results.add(result(body.get(i), "[" + i + "]", receivedAt));
		}
		return results;
	}

	private static NewResult result(JsonNode node, String path, Instant receivedAt) {
		JsonFields.requireObject(node, path);
		JsonFields.onlyFields(node, path, Set.of("published_at", "buckets", "exceptions"));
		Long publishedAt = JsonFields.integer(node, path, "published_at", false, TimeRange.MIN_MILLIS,
				TimeRange.MAX_MILLIS, "an integer number of milliseconds since the epoch, from " + TimeRange.MIN_MILLIS
						+ " to " + TimeRange.MAX_MILLIS);
		List<Bucket> buckets = new ArrayList<>();
		String bucketsPath = JsonFields.join(path, "buckets");
		for (JsonNode bucket : array(node, bucketsPath, "buckets", true, MAX_BUCKETS)) {
			String at = bucketsPath + "[" + buckets.size() + "]";
			JsonFields.requireObject(bucket, at);
			JsonFields.onlyFields(bucket, at, Set.of("name", "value"));
			buckets.add(new Bucket(JsonFields.text(bucket, at, "name", true, MAX_BUCKET_NAME),
					JsonFields.integer(bucket, at, "value", true, 0, Long.MAX_VALUE, NON_NEGATIVE)));
		}
		List<ExceptionCount> exceptions = new ArrayList<>();
		String exceptionsPath = JsonFields.join(path, "exceptions");
		for (JsonNode exception : array(node, exceptionsPath, "exceptions", false, MAX_EXCEPTIONS)) {
			String at = exceptionsPath + "[" + exceptions.size() + "]";
			JsonFields.requireObject(exception, at);
			JsonFields.onlyFields(exception, at, Set.of("error", "count"));
			exceptions.add(new ExceptionCount(JsonFields.text(exception, at, "error", true, MAX_ERROR_TEXT),
					JsonFields.integer(exception, at, "count", true, 0, Long.MAX_VALUE, NON_NEGATIVE)));
		}
		return new NewResult((publishedAt != null) ? Instant.ofEpochMilli(publishedAt) : receivedAt, buckets,
				exceptions);
	}

	private static Iterable<JsonNode> array(JsonNode node, String path, String field, boolean required, int max) {
		JsonNode array = JsonFields.present(node, path, field, required);
		if (array == null) {
			return List.of();
		}
		if (!array.isArray()) {
			throw new UnprocessableContent(path + " must be an array");
		}
		if (array.size() > max) {
			throw new UnprocessableContent(path + " has " + array.size() + " entries; at most " + max + " are allowed");
		}
		return array;
	}

}

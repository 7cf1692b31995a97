package io.taskresults.taskresult;

/** One anonymized count of a result, e.g. {@code {"name":"height: 140","value":20}}. */
public record Bucket(String name, long value) {

}

package io.taskresults.taskresult;

import java.util.List;

/**
 * A result as the API shows it. {@code publishedAt} is milliseconds since the epoch;
 * buckets and exceptions keep the order they were published in.
 */
public record ResultItem(long publishedAt, List<Bucket> buckets, List<ExceptionCount> exceptions) {

}

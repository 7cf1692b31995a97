package io.taskresults.taskresult;

import java.time.Instant;
import java.util.List;

/** A result to store, already validated. */
public record NewResult(Instant publishedAt, List<Bucket> buckets, List<ExceptionCount> exceptions) {

}

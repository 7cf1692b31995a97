package io.taskresults.task;

import java.time.Instant;

/**
 * A task as other features see it. {@code resultCount} and {@code lastPublishedAt} are as
 * of the read.
 */
public record TaskSummary(long id, String name, String owner, Instant createdAt, long resultCount,
		Instant lastPublishedAt) {

}

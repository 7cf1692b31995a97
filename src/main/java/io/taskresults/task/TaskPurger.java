package io.taskresults.task;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.taskresults.TaskResultsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Deletes what is no longer readable: the results of deleted tasks (then the tasks
 * themselves), and with {@code task-results.retention} set, results published longer ago
 * than that. Each batch is its own short transaction and skips rows another purger has
 * locked, so readers and publishers never wait long, and several servers may purge at
 * once.
 */
@Component
class TaskPurger {

	private static final Logger log = LoggerFactory.getLogger(TaskPurger.class);

	private final JdbcClient jdbc;

	private final TransactionOperations transactions;

	private final TaskResultsProperties properties;

	TaskPurger(JdbcClient jdbc, TransactionOperations transactions, TaskResultsProperties properties) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.properties = properties;
	}

	@Scheduled(fixedDelayString = "${task-results.purge.interval:PT1M}", initialDelayString = "PT5S")
	void purge() {
		try {
			long removed = purgeDeletedTasks();
			if (this.properties.retention() != null) {
				removed += purgeResultsPublishedBefore(Instant.now().minus(this.properties.retention()));
			}
			if (removed > 0) {
				log.info("Purged {} results", removed);
			}
		}
		catch (DataAccessException ex) {
			log.warn("Purge interrupted, will retry: {}", ex.toString());
		}
	}

	/**
	 * @return how many results were deleted
	 */
	long purgeDeletedTasks() {
		long removed = 0;
		for (long task : this.jdbc.sql("SELECT id FROM task WHERE deleted_at IS NOT NULL").query(Long.class).list()) {
			removed += deleteInBatches(task, null);
			this.transactions.executeWithoutResult((status) -> this.jdbc
				.sql("DELETE FROM task t WHERE t.id = ? AND t.deleted_at IS NOT NULL"
						+ " AND NOT EXISTS (SELECT 1 FROM result r WHERE r.task_id = t.id)")
				.param(task)
				.update());
		}
		return removed;
	}

	/**
	 * @return how many results were deleted
	 */
	long purgeResultsPublishedBefore(Instant cutoff) {
		long removed = 0;
		List<Long> tasks = this.jdbc.sql("SELECT id FROM task").query(Long.class).list();
		for (long task : tasks) {
			removed += deleteInBatches(task, cutoff);
		}
		return removed;
	}

	/**
	 * Deletes a task's results, all of them or those published before {@code cutoff}, a
	 * batch per transaction.
	 */
	long deleteInBatches(long task, Instant cutoff) {
		String olderThan = (cutoff != null) ? " AND published_at < :cutoff" : "";
		long removed = 0;
		int deleted;
		do {
			deleted = this.transactions.execute((status) -> {
				var statement = this.jdbc
					.sql("DELETE FROM result WHERE id IN (SELECT id FROM result WHERE task_id = :task" + olderThan
							+ " LIMIT :batch FOR UPDATE SKIP LOCKED)")
					.param("task", task)
					.param("batch", this.properties.purge().batchSize());
				if (cutoff != null) {
					statement = statement.param("cutoff", cutoff.atOffset(ZoneOffset.UTC));
				}
				return statement.update();
			});
			removed += deleted;
		}
		while (deleted > 0);
		return removed;
	}

}

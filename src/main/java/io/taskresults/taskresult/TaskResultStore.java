package io.taskresults.taskresult;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Results in PostgreSQL. Plain JDBC rather than JPA: results are written in bulk and read
 * a page at a time, and neither needs an entity's life cycle. The task's result count is
 * kept by a database trigger, so it is never counted here.
 */
@Repository
public class TaskResultStore {

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	TaskResultStore(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	/**
	 * One page of a task's results, newest first; ties in {@code published_at} go to the
	 * later insert, so the order is total and paging is stable.
	 */
	@Transactional(readOnly = true)
	public List<ResultItem> page(long taskId, long offset, int limit) {
		List<Row> rows = this.jdbc
			.sql("SELECT id, published_at FROM result WHERE task_id = :task"
					+ " ORDER BY published_at DESC, id DESC LIMIT :limit OFFSET :offset")
			.param("task", taskId)
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, n) -> new Row(rs.getLong("id"), rs.getTimestamp("published_at").toInstant().toEpochMilli()))
			.list();
		if (rows.isEmpty()) {
			return List.of();
		}
		List<Long> ids = rows.stream().map(Row::id).toList();
		Map<Long, List<Bucket>> buckets = new LinkedHashMap<>();
		this.jdbc
			.sql("SELECT result_id, name, value FROM result_bucket WHERE result_id IN (:ids)"
					+ " ORDER BY result_id, position")
			.param("ids", ids)
			.query((rs) -> {
				buckets.computeIfAbsent(rs.getLong(1), (id) -> new ArrayList<>())
					.add(new Bucket(rs.getString(2), rs.getLong(3)));
			});
		Map<Long, List<ExceptionCount>> exceptions = new LinkedHashMap<>();
		this.jdbc
			.sql("SELECT result_id, error, count FROM result_exception WHERE result_id IN (:ids)"
					+ " ORDER BY result_id, position")
			.param("ids", ids)
			.query((rs) -> {
				exceptions.computeIfAbsent(rs.getLong(1), (id) -> new ArrayList<>())
					.add(new ExceptionCount(rs.getString(2), rs.getLong(3)));
			});
		return rows.stream()
			.map((row) -> new ResultItem(row.publishedAt(), buckets.getOrDefault(row.id(), List.of()),
					exceptions.getOrDefault(row.id(), List.of())))
			.toList();
	}

	/**
	 * Stores results of one task, all or none, in the given order (a later element counts
	 * as the newer insert).
	 * @return the new results' ids, in the same order
	 */
	@Transactional
	public List<Long> insert(long taskId, List<NewResult> results) {
		List<Long> ids = new ArrayList<>(results.size());
		List<Object[]> bucketRows = new ArrayList<>();
		List<Object[]> exceptionRows = new ArrayList<>();
		for (NewResult result : results) {
			long id = this.jdbc.sql("INSERT INTO result (task_id, published_at) VALUES (?, ?) RETURNING id")
				.params(taskId, Timestamp.from(result.publishedAt()))
				.query(Long.class)
				.single();
			ids.add(id);
			for (int i = 0; i < result.buckets().size(); i++) {
				Bucket bucket = result.buckets().get(i);
				bucketRows.add(new Object[] { id, i, bucket.name(), bucket.value() });
			}
			for (int i = 0; i < result.exceptions().size(); i++) {
				ExceptionCount exception = result.exceptions().get(i);
				exceptionRows.add(new Object[] { id, i, exception.error(), exception.count() });
			}
		}
		this.batch.batchUpdate("INSERT INTO result_bucket (result_id, position, name, value) VALUES (?, ?, ?, ?)",
				bucketRows);
		this.batch.batchUpdate("INSERT INTO result_exception (result_id, position, error, count) VALUES (?, ?, ?, ?)",
				exceptionRows);
		return ids;
	}

	private record Row(long id, long publishedAt) {
	}

}

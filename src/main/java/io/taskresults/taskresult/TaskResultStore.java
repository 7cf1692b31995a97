package io.taskresults.taskresult;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Results in PostgreSQL. Plain JDBC rather than JPA: results are written in bulk and read
 * a page at a time, and neither needs an entity's life cycle. A task's total count is
 * kept by a database trigger, so the read path never counts a whole task.
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
	 * How many of a task's results fall in the range. Without a range the task row's
	 * counter ({@code total}) answers; with one, an index-only range count does.
	 */
	@Transactional(readOnly = true)
	long count(long taskId, TimeRange range, long total) {
		if (range.isAll()) {
			return total;
		}
		return select("SELECT count(*) FROM result", taskId, range, "").query(Long.class).single();
	}

	/**
	 * One page of a task's results, newest first; ties in {@code published_at} go to the
	 * later insert, so the order is total and paging is stable. {@code total} is how many
	 * results the range holds: a page in the older half is read from the oldest end of
	 * the index, so no page walks more than half of it.
	 */
	@Transactional(readOnly = true)
	List<ResultItem> page(long taskId, TimeRange range, long total, long offset, int limit) {
		if (offset >= total) {
			return List.of();
		}
		List<Row> rows;
		long fromOldest = total - offset - limit;
		if (fromOldest > offset) {
			rows = select("SELECT id, published_at FROM result", taskId, range,
					" ORDER BY published_at DESC, id DESC LIMIT :limit OFFSET :offset")
				.param("limit", limit)
				.param("offset", offset)
				.query(TaskResultStore::row)
				.list();
		}
		else {
			rows = new ArrayList<>(select("SELECT id, published_at FROM result", taskId, range,
					" ORDER BY published_at ASC, id ASC LIMIT :limit OFFSET :offset")
				.param("limit", Math.min(limit, total - offset))
				.param("offset", Math.max(0, fromOldest))
				.query(TaskResultStore::row)
				.list());
			Collections.reverse(rows);
		}
		if (rows.isEmpty()) {
			return List.of();
		}
		List<Long> ids = rows.stream().map(Row::id).toList();
		Map<Long, List<Bucket>> buckets = new HashMap<>();
		this.jdbc
			.sql("SELECT result_id, name, value FROM result_bucket WHERE result_id IN (:ids)"
					+ " ORDER BY result_id, position")
			.param("ids", ids)
			.query((rs) -> {
				buckets.computeIfAbsent(rs.getLong(1), (id) -> new ArrayList<>())
					.add(new Bucket(rs.getString(2), rs.getLong(3)));
			});
		Map<Long, List<ExceptionCount>> exceptions = new HashMap<>();
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
	 * as the newer insert). Ids are drawn from the sequence first, so every row goes in
	 * by batched inserts and each result's id is known without relying on RETURNING
	 * order.
	 * @return the new results' ids, in the same order
	 */
	@Transactional
	public List<Long> insert(long taskId, List<NewResult> results) {
		List<Long> ids = new ArrayList<>(
				this.jdbc.sql("SELECT nextval(pg_get_serial_sequence('result', 'id')) FROM generate_series(1, :n)")
					.param("n", results.size())
					.query(Long.class)
					.list());
		Collections.sort(ids);
		List<Object[]> resultRows = new ArrayList<>(results.size());
		List<Object[]> bucketRows = new ArrayList<>();
		List<Object[]> exceptionRows = new ArrayList<>();
		for (int r = 0; r < results.size(); r++) {
			NewResult result = results.get(r);
			long id = ids.get(r);
			resultRows.add(new Object[] { id, taskId, utc(result.publishedAt()) });
			for (int i = 0; i < result.buckets().size(); i++) {
				Bucket bucket = result.buckets().get(i);
				bucketRows.add(new Object[] { id, i, bucket.name(), bucket.value() });
			}
			for (int i = 0; i < result.exceptions().size(); i++) {
				ExceptionCount exception = result.exceptions().get(i);
				exceptionRows.add(new Object[] { id, i, exception.error(), exception.count() });
			}
		}
		this.batch.batchUpdate(
				"INSERT INTO result (id, task_id, published_at) OVERRIDING SYSTEM VALUE VALUES (?, ?, ?)", resultRows);
		if (!bucketRows.isEmpty()) {
			this.batch.batchUpdate("INSERT INTO result_bucket (result_id, position, name, value) VALUES (?, ?, ?, ?)",
					bucketRows);
		}
		if (!exceptionRows.isEmpty()) {
			this.batch.batchUpdate(
					"INSERT INTO result_exception (result_id, position, error, count) VALUES (?, ?, ?, ?)",
					exceptionRows);
		}
		return ids;
	}

	private JdbcClient.StatementSpec select(String select, long taskId, TimeRange range, String suffix) {
		StringBuilder sql = new StringBuilder(select).append(" WHERE task_id = :task");
		if (range.from() != null) {
			sql.append(" AND published_at >= :from");
		}
		if (range.to() != null) {
			sql.append(" AND published_at < :to");
		}
		JdbcClient.StatementSpec statement = this.jdbc.sql(sql.append(suffix).toString()).param("task", taskId);
		if (range.from() != null) {
			statement = statement.param("from", utc(range.from()));
		}
		if (range.to() != null) {
			statement = statement.param("to", utc(range.to()));
		}
		return statement;
	}

	/**
	 * java.sql.Timestamp would shift dates before 1582 to the Julian calendar; this does
	 * not.
	 */
	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static Row row(ResultSet rs, int rowNumber) throws SQLException {
		return new Row(rs.getLong("id"), rs.getObject("published_at", OffsetDateTime.class).toInstant().toEpochMilli());
	}

	private record Row(long id, long publishedAt) {
	}

}

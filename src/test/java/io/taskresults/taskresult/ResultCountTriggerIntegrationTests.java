package io.taskresults.taskresult;

import java.time.Instant;
import java.util.List;

import io.taskresults.support.UsesTestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema on real PostgreSQL: Flyway's migrations, Hibernate's validation of them, and
 * the triggers that keep a task's count without COUNT(*) on the read path.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@UsesTestDatabase
@Import(TaskResultStore.class)
class ResultCountTriggerIntegrationTests {

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private TaskResultStore store;

	@Test
	void keepsTheTaskCountAndNewestTimeForEveryWriterIncludingPlainSql() {
		long task = this.jdbc.sql("INSERT INTO task (name, owner) VALUES ('t', 'trigger-test') RETURNING id")
			.query(Long.class)
			.single();

		this.store.insert(task, List.of(result(3_000), result(1_000)));
		this.jdbc.sql("INSERT INTO result (task_id, published_at) VALUES (?, to_timestamp(5))").param(task).update();
		assertThat(counts(task)).containsExactly(3L, 5_000L);

		this.jdbc.sql("DELETE FROM result WHERE task_id = ? AND published_at = to_timestamp(5)").param(task).update();
		assertThat(counts(task)).containsExactly(2L, 3_000L);
	}

	@Test
	void keepsBucketsAndExceptionsInTheOrderPublished() {
		long task = this.jdbc.sql("INSERT INTO task (name, owner) VALUES ('t', 'order-test') RETURNING id")
			.query(Long.class)
			.single();
		List<Bucket> buckets = List.of(new Bucket("z", 1), new Bucket("a", 2), new Bucket("m", 3));
		List<ExceptionCount> exceptions = List.of(new ExceptionCount("second", 1), new ExceptionCount("first", 2));

		this.store.insert(task, List.of(new NewResult(Instant.ofEpochMilli(1), buckets, exceptions)));

		ResultItem item = this.store.page(task, TimeRange.ALL, 1, 0, 10).get(0);
		assertThat(item.buckets()).isEqualTo(buckets);
		assertThat(item.exceptions()).isEqualTo(exceptions);
	}

	private List<Long> counts(long task) {
		return this.jdbc
			.sql("SELECT result_count, (extract(epoch FROM last_published_at) * 1000)::bigint FROM task WHERE id = ?")
			.param(task)
			.query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2)))
			.single();
	}

	private static NewResult result(long millis) {
		return new NewResult(Instant.ofEpochMilli(millis), List.of(new Bucket("b", 1)), List.of());
	}

}

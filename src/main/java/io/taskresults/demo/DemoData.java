package io.taskresults.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.taskresults.TaskResultsProperties;
import io.taskresults.apikey.ApiKeyService;
import io.taskresults.apikey.Role;
import io.taskresults.task.TaskSummary;
import io.taskresults.task.Tasks;
import io.taskresults.taskresult.Bucket;
import io.taskresults.taskresult.NewResult;
import io.taskresults.taskresult.TaskResultStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * With the {@code --demo} program argument, seeds what the reference's example needs:
 * analyst {@code demo} with the key {@code keys/demo.p12} (password {@code demo}) and a
 * task "heights" of 30 results whose first page starts like the reference's example. Runs
 * before the port opens and adds only what is missing.
 */
@Component
@ConditionalOnWebApplication
class DemoData implements SmartInitializingSingleton {

	static final String ANALYST = "demo";

	static final String PASSWORD = "demo";

	static final String TASK = "heights";

	static final int RESULTS = 30;

	/** The reference example's {@code published_at}. */
	static final Instant NEWEST = Instant.ofEpochMilli(1421660484000L);

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final ApplicationArguments arguments;

	private final ApiKeyService keys;

	private final Tasks tasks;

	private final TaskResultStore results;

	private final TaskResultsProperties properties;

	DemoData(ApplicationArguments arguments, ApiKeyService keys, Tasks tasks, TaskResultStore results,
			TaskResultsProperties properties) {
		this.arguments = arguments;
		this.keys = keys;
		this.tasks = tasks;
		this.results = results;
		this.properties = properties;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (!this.arguments.containsOption("demo")) {
			return;
		}
		var keyFile = this.properties.keysDirectory().resolve("demo.p12");
		this.keys.ensureKeyFile(keyFile, ANALYST, Role.ANALYST, PASSWORD);
		if (this.tasks.findOwnedByName(ANALYST, TASK).isEmpty()) {
			TaskSummary task = this.tasks.create(TASK, ANALYST);
			this.results.insert(task.id(), results());
			log.info("Demo data: task {} \"{}\" with {} results, readable with {} (password \"{}\")", task.id(), TASK,
					RESULTS, keyFile.toAbsolutePath(), PASSWORD);
		}
	}

	/**
	 * Oldest first, so the reference's two example items are the last inserted and so the
	 * first two on page 1, in the reference's order.
	 */
	static List<NewResult> results() {
		List<NewResult> seeded = new ArrayList<>();
		for (int age = RESULTS - 1; age >= 2; age--) {
			Instant publishedAt = NEWEST.minus(Duration.ofHours(age));
			int shift = age % 5;
			seeded.add((age % 2 == 0) ? heights(publishedAt, 140, 20 + shift, 160, 35 - shift)
					: heights(publishedAt, 180, 25 + shift, 200, 25 - shift));
		}
		seeded.add(heights(NEWEST, 180, 25, 200, 25));
		seeded.add(heights(NEWEST, 140, 20, 160, 35));
		return seeded;
	}

	private static NewResult heights(Instant publishedAt, int firstHeight, long firstCount, int secondHeight,
			long secondCount) {
		return new NewResult(publishedAt, List.of(new Bucket("height: " + firstHeight, firstCount),
				new Bucket("height: " + secondHeight, secondCount)), List.of());
	}

}

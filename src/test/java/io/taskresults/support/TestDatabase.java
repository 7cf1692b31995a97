package io.taskresults.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The real PostgreSQL every integration test runs against, one per test JVM:
 * <ul>
 * <li>{@code TEST_DATABASE_URL} set: a throwaway database created on that server (user
 * {@code TEST_DATABASE_USERNAME}, default {@code postgres}; password
 * {@code TEST_DATABASE_PASSWORD}, default empty) and dropped when the JVM exits;</li>
 * <li>else, with a Docker engine: a Testcontainers PostgreSQL 15;</li>
 * <li>else: a throwaway database on
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres}.</li>
 * </ul>
 * Each run gets its own database, so concurrent runs on one server do not meet.
 */
public final class TestDatabase {

	private static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

	private static final Pattern JDBC_URL = Pattern.compile("^(jdbc:postgresql://[^/]+/)([^?]*)(\\?.*)?$");

	private static Connection info;

	private static Path home;

	private TestDatabase() {
	}

	public record Connection(String url, String username, String password) {
	}

	public static synchronized Connection get() {
		if (info == null) {
			info = start();
		}
		return info;
	}

	/** A home directory for the server under test, shared by the JVM's test contexts. */
	public static synchronized Path home() {
		if (home == null) {
			try {
				home = Files.createTempDirectory("task-results-test-home");
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return home;
	}

	private static Connection start() {
		String explicitUrl = System.getenv("TEST_DATABASE_URL");
		if (explicitUrl == null && DockerClientFactory.instance().isDockerAvailable()) {
			PostgreSQLContainer container = new PostgreSQLContainer("postgres:15-alpine");
			container.start();
			return new Connection(container.getJdbcUrl(), container.getUsername(), container.getPassword());
		}
		String serverUrl = Objects.requireNonNullElse(explicitUrl, DEFAULT_URL);
		String username = Objects.requireNonNullElse(System.getenv("TEST_DATABASE_USERNAME"), "postgres");
		String password = Objects.requireNonNullElse(System.getenv("TEST_DATABASE_PASSWORD"), "");
		String database = "task_results_test_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
		execute(serverUrl, username, password, "CREATE DATABASE " + database);
		Runtime.getRuntime()
			.addShutdownHook(new Thread(() -> execute(serverUrl, username, password,
					"DROP DATABASE IF EXISTS " + database + " WITH (FORCE)")));
		return new Connection(withDatabase(serverUrl, database), username, password);
	}

	static String withDatabase(String url, String database) {
		Matcher matcher = JDBC_URL.matcher(url);
		if (!matcher.matches()) {
			throw new IllegalArgumentException(
					"TEST_DATABASE_URL must look like jdbc:postgresql://host:port/db: " + url);
		}
		return matcher.group(1) + database + Objects.requireNonNullElse(matcher.group(3), "");
	}

	private static void execute(String url, String username, String password, String sql) {
		try (java.sql.Connection connection = DriverManager.getConnection(url, username, password);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot run '" + sql + "' on " + url
					+ ": is PostgreSQL running? Set TEST_DATABASE_URL to point at one.", ex);
		}
	}

}

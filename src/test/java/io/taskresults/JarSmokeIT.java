package io.taskresults;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.taskresults.support.ApiClient;
import io.taskresults.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar, started the way the README says ({@code --demo}), on a fresh home
 * directory and a fresh database: what an operator and an analyst see first.
 */
class JarSmokeIT {

	private static final Path JAR = Path.of("target", "task-results.jar");

	private static final JsonMapper json = JsonMapper.builder().build();

	@TempDir
	static Path home;

	private static Process server;

	private static int port;

	private static final List<String> log = new ArrayList<>();

	@BeforeAll
	static void startTheJarWithDemoData() throws Exception {
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		ProcessBuilder builder = java("--demo", "--server.port=" + port).redirectErrorStream(true);
		server = builder.start();
		CompletableFuture<Void> ready = new CompletableFuture<>();
		Thread reader = new Thread(() -> {
			try (BufferedReader out = new BufferedReader(
					new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
				for (String line = out.readLine(); line != null; line = out.readLine()) {
					synchronized (log) {
						log.add(line);
					}
					if (line.contains("Ready: https://localhost:" + port)) {
						ready.complete(null);
					}
				}
				ready.completeExceptionally(new IllegalStateException("The server exited before it was ready"));
			}
			catch (IOException ex) {
				ready.completeExceptionally(ex);
			}
		});
		reader.setDaemon(true);
		reader.start();
		try {
			ready.get(120, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new AssertionError("The jar did not become ready:\n" + String.join("\n", log), ex);
		}
	}

	@AfterAll
	static void stopsGracefullyOnSigterm() throws Exception {
		if (server == null) {
			return;
		}
		server.destroy();
		boolean exited = server.waitFor(30, TimeUnit.SECONDS);
		if (!exited) {
			server.destroyForcibly();
		}
		assertThat(exited).as("the server exits within 30 s of SIGTERM").isTrue();
		// 128 + 15: the JVM ran its shutdown hooks and exited for the signal, no crash.
		assertThat(server.exitValue()).isEqualTo(143);
	}

	@Test
	void servesTheReferenceExampleToTheDemoKey() throws Exception {
		ApiClient demo = ApiClient.withKey(Files.readAllBytes(home.resolve("keys/demo.p12")), "demo",
				home.resolve("pki/ca.crt"), port);

		ApiClient.Response response = demo.get("/api/task_results/1");

		assertThat(response.status()).isEqualTo(200);
		JsonNode body = json.readTree(response.body());
		assertThat(response.body()).startsWith("{\"success\":true,\"count\":30,\"page\":1,\"per_page\":10,\"items\":["
				+ "{\"published_at\":1421660484000,\"buckets\":[{\"name\":\"height: 140\",\"value\":20},"
				+ "{\"name\":\"height: 160\",\"value\":35}],\"exceptions\":[]},"
				+ "{\"published_at\":1421660484000,\"buckets\":[{\"name\":\"height: 180\",\"value\":25},"
				+ "{\"name\":\"height: 200\",\"value\":25}],\"exceptions\":[]},");
		assertThat(body.get("items").size()).isEqualTo(10);
	}

	@Test
	void logsHowToConnectButNeverTheAdminPassword() throws Exception {
		String password = Files.readString(home.resolve("keys/admin.password")).strip();

		String output;
		synchronized (log) {
			output = String.join("\n", log);
		}

		assertThat(output).contains(home.resolve("pki/ca.crt").toString())
			.contains(home.resolve("keys/admin.p12").toString())
			.doesNotContain(password);
	}

	@Test
	void issuesAndRevokesKeysFromTheSameJar() throws Exception {
		Path keyFile = home.resolve("bob.p12");

		Result created = run("keys", "create", "--name", "bob", "--role", "analyst", "--out", keyFile.toString());
		String id = json.readTree(created.out()).get("id").asString();
		String password = json.readTree(created.out()).get("password").asString();
		ApiClient bob = ApiClient.withKey(Files.readAllBytes(keyFile), password, home.resolve("pki/ca.crt"), port);
		int before = bob.get("/api/tasks").status();
		Result revoked = run("keys", "revoke", id);
		int after = bob.get("/api/tasks").status();
		Result bad = run("keys", "create", "--name", "eve");

		assertThat(created.status()).as(created.err()).isZero();
		assertThat(created.out().strip().lines()).hasSize(1);
		assertThat(before).isEqualTo(200);
		assertThat(revoked.status()).isZero();
		assertThat(after).isEqualTo(401);
		assertThat(bad.status()).isEqualTo(2);
		assertThat(bad.err()).contains("missing --role");
	}

	private static Result run(String... args) throws Exception {
		Process process = java(args).start();
		CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process, true));
		String err = read(process, false);
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
		return new Result(process.exitValue(), out.get(), err);
	}

	private static String read(Process process, boolean standardOutput) {
		try {
			return new String((standardOutput ? process.getInputStream() : process.getErrorStream()).readAllBytes(),
					StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static ProcessBuilder java(String... args) {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command);
		TestDatabase.Connection database = TestDatabase.get();
		Map<String, String> environment = builder.environment();
		environment.put("SPRING_DATASOURCE_URL", database.url());
		environment.put("SPRING_DATASOURCE_USERNAME", database.username());
		environment.put("SPRING_DATASOURCE_PASSWORD", database.password());
		environment.put("TASK_RESULTS_HOME", home.toString());
		return builder;
	}

	record Result(int status, String out, String err) {
	}

}

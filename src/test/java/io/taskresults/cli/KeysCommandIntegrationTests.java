package io.taskresults.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.taskresults.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code keys} command line as an operator runs it, against the real database.
 */
class KeysCommandIntegrationTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@TempDir
	Path home;

	@Test
	void createsAPasswordProtectedKeyFileAndPrintsOneJsonLine() throws Exception {
		Path out = this.home.resolve("alice.p12");

		Run run = keys("create", "--name", "alice", "--role", "analyst", "--out", out.toString());

		assertThat(run.status()).as(run.err()).isZero();
		assertThat(run.lines()).hasSize(1);
		assertThat(run.lines().get(0)).matches("\\{\"id\":\"[0-9a-f-]{36}\",\"name\":\"alice\",\"role\":\"analyst\","
				+ "\"file\":\"" + out + "\",\"password\":\"[A-Za-z0-9_-]{20,}\"}");
		String password = json.readTree(run.lines().get(0)).get("password").asString();
		assertThat(Files.getPosixFilePermissions(out)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
		KeyStore store = KeyStore.getInstance("PKCS12");
		store.load(new ByteArrayInputStream(Files.readAllBytes(out)), password.toCharArray());
		X509Certificate client = (X509Certificate) store.getCertificate(store.aliases().nextElement());
		X509Certificate ca = (X509Certificate) CertificateFactory.getInstance("X.509")
			.generateCertificate(Files.newInputStream(this.home.resolve("pki/ca.crt")));
		client.verify(ca.getPublicKey());
	}

	@Test
	void listsKeysAndShowsWhenOneWasRevoked() throws Exception {
		Run created = keys("create", "--name", "cloak-1", "--role", "cloak", "--out",
				this.home.resolve("cloak.p12").toString(), "--password", "given-password");
		String id = json.readTree(created.lines().get(0)).get("id").asString();
		assertThat(json.readTree(created.lines().get(0)).get("password").asString()).isEqualTo("given-password");

		JsonNode before = find(keys("list"), id);
		Run revoked = keys("revoke", id);
		JsonNode after = find(keys("list"), id);

		assertThat(before.get("name").asString()).isEqualTo("cloak-1");
		assertThat(before.get("role").asString()).isEqualTo("cloak");
		assertThat(before.get("created_at").asLong()).isPositive();
		assertThat(before.get("revoked_at").isNull()).isTrue();
		assertThat(revoked.status()).isZero();
		assertThat(after.get("revoked_at").asLong()).isGreaterThanOrEqualTo(before.get("created_at").asLong());
	}

	@ParameterizedTest
	@ValueSource(strings = { "keys", "keys frobnicate", "keys list extra", "keys revoke",
			"keys create --name bob --role boss --out OUT", "keys create --name bob --role analyst",
			"keys create --name bob --role analyst --out OUT --colour red", "keys create --name bob --out OUT --role",
			"keys create --name bob --name eve --role analyst --out OUT",
			"keys create --name  --role analyst --out OUT", "keys revoke not-a-key-id",
			"keys revoke 00000000-0000-0000-0000-000000000000" })
	void rejectsBadArgumentsWithStatus2AndWritesNothing(String commandLine) throws Exception {
		Path out = this.home.resolve("never.p12");
		String[] args = commandLine.replace("OUT", out.toString()).split(" ", -1);

		Run run = keys(List.of(args).subList(1, args.length).toArray(String[]::new));

		assertThat(run.status()).isEqualTo(2);
		assertThat(run.err()).startsWith("keys: ");
		assertThat(run.out()).isEmpty();
		assertThat(out).doesNotExist();
	}

	@Test
	void refusesToOverwriteAnExistingFile() throws Exception {
		Path out = Files.writeString(this.home.resolve("existing.p12"), "keep me");

		Run run = keys("create", "--name", "bob", "--role", "admin", "--out", out.toString());

		assertThat(run.status()).isEqualTo(2);
		assertThat(run.err()).contains("already exists");
		assertThat(Files.readString(out)).isEqualTo("keep me");
	}

	private Run keys(String... args) {
		String[] full = new String[args.length + 1];
		full[0] = "keys";
		System.arraycopy(args, 0, full, 1, args.length);
		TestDatabase.Connection database = TestDatabase.get();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int status = KeysCommand.run(full, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8),
				Map.of("spring.datasource.url", database.url(), "spring.datasource.username", database.username(),
						"spring.datasource.password", database.password(), "task-results.home", this.home.toString()));
		return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	private static JsonNode find(Run list, String id) {
		List<JsonNode> matches = new ArrayList<>();
		for (String line : list.lines()) {
			JsonNode key = json.readTree(line);
			if (key.get("id").asString().equals(id)) {
				matches.add(key);
			}
		}
		assertThat(matches).hasSize(1);
		return matches.get(0);
	}

	record Run(int status, String out, String err) {

		List<String> lines() {
			return out.isEmpty() ? List.of() : List.of(out.split("\n"));
		}

	}

}

package io.taskresults.apikey;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import io.taskresults.ApiTestSupport;
import io.taskresults.support.ApiClient;
import io.taskresults.support.KeepAliveConnection;
import io.taskresults.task.TaskSummary;
import io.taskresults.tls.ApiCertificateAuthority;
import io.taskresults.tls.ApiCertificateAuthority.IssuedCertificate;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class ClientCertificateAuthenticationIntegrationTests extends ApiTestSupport {

	private static final String PASSWORD = "secret-password";

	@Autowired
	private ApiCertificateAuthority authority;

	private final String analyst = unique("analyst");

	@Test
	void refusesARequestWithoutACertificate() throws Exception {
		ApiClient.Response response = ApiClient.withoutKey(caCertificate(), this.port).get("/api/tasks");

		assertError(response, 401, "Missing authentication key.");
	}

	@Test
	void refusesACertificateOfTheApiCaThatNoKeyWasIssuedWith() throws Exception {
		IssuedCertificate unregistered = this.authority.issueClientCertificate(this.analyst);
		byte[] pkcs12 = this.authority.pkcs12(this.analyst, unregistered, PASSWORD.toCharArray());

		ApiClient.Response response = ApiClient.withKey(pkcs12, PASSWORD, caCertificate(), this.port).get("/api/tasks");

		assertError(response, 401, "Not authenticated.");
	}

	@Test
	void neverAuthenticatesACertificateFromAnotherCa() throws Exception {
		ApiCertificateAuthority foreign = ApiCertificateAuthority.create("someone else's CA");
		byte[] pkcs12 = foreign.pkcs12(this.analyst, foreign.issueClientCertificate(this.analyst),
				PASSWORD.toCharArray());
		ApiClient client = ApiClient.withKey(pkcs12, PASSWORD, caCertificate(), this.port);

		Throwable failure = catchThrowable(() -> {
			ApiClient.Response response = client.get("/api/tasks");
			assertError(response, 401, "Not authenticated.");
		});

		// Tomcat refuses the chain during the handshake; a 401 would be acceptable too.
		if (failure != null) {
			assertThat(failure).isInstanceOf(IOException.class);
		}
	}

	@Test
	void refusesARevokedKeyFromItsNextRequestOnAConnectionAlreadyOpen() throws Exception {
		IssuedKey key = this.keys.create(this.analyst, "analyst", PASSWORD);
		try (KeepAliveConnection connection = new KeepAliveConnection(
				ApiClient.sslContext(key.pkcs12(), PASSWORD, caCertificate()), this.port)) {
			assertThat(connection.get("/api/tasks").status()).isEqualTo(200);

			this.keys.revoke(key.id().toString());

			assertError(connection.get("/api/tasks"), 401, "Not authenticated.");
		}
	}

	@Test
	void bootstrapsAnAdminKeyReadableOnlyByItsOwner() throws Exception {
		Path keysDirectory = this.properties.keysDirectory();
		Path keyFile = keysDirectory.resolve("admin.p12");
		Path passwordFile = keysDirectory.resolve("admin.password");
		TaskSummary task = taskWithResults(this.analyst, List.of(result(1L, bucket("b", 1))));

		String password = Files.readString(passwordFile).strip();
		ApiClient.Response response = ApiClient
			.withKey(Files.readAllBytes(keyFile), password, caCertificate(), this.port)
			.get("/api/task_results/" + task.id());

		assertThat(Files.getPosixFilePermissions(keyFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
		assertThat(Files.getPosixFilePermissions(passwordFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
		assertThat(password).hasSizeGreaterThanOrEqualTo(20);
		assertThat(response.status()).isEqualTo(200);
	}

}

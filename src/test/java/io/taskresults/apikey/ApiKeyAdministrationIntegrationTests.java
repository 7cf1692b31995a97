package io.taskresults.apikey;

import io.taskresults.ApiTestSupport;
import io.taskresults.support.ApiClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Key administration over the API, with admin keys.
 */
class ApiKeyAdministrationIntegrationTests extends ApiTestSupport {

	@Test
	void issuesAKeyFileThatWorksAtOnce() throws Exception {
		String name = unique("bob");

		ApiClient.Response created = admin().postJson("/api/api_keys",
				"{\"name\":\"" + name + "\",\"role\":\"analyst\",\"password\":\"bobs-password\"}");

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.contentType()).isEqualTo("application/x-pkcs12");
		String id = created.header("Api-Key-Id");
		assertThat(id).matches("[0-9a-f-]{36}");
		ApiClient bob = ApiClient.withKey(created.bytes(), "bobs-password", caCertificate(), this.port);
		assertThat(bob.get("/api/tasks").status()).isEqualTo(200);
	}

	@Test
	void listsKeysWithoutSecretsAndRevokesThemFromTheNextRequest() throws Exception {
		ApiClient admin = admin();
		IssuedKey key = this.keys.create(unique("carol"), "cloak", "carols-password");
		ApiClient carol = clientFor(key);
		assertThat(carol.get("/api/tasks").status()).isEqualTo(200);

		JsonNode listed = findKey(admin, key.id().toString());
		ApiClient.Response revoked = admin.send("DELETE", "/api/api_keys/" + key.id());

		assertThat(listed.propertyNames()).containsExactly("id", "name", "role", "created_at", "revoked_at");
		assertThat(listed.get("role").asString()).isEqualTo("cloak");
		assertThat(listed.get("revoked_at").isNull()).isTrue();
		assertThat(revoked.status()).isEqualTo(200);
		JsonNode body = parse(revoked);
		assertThat(body.get("success").asBoolean()).isTrue();
		assertThat(body.get("api_key").get("revoked_at").asLong()).isPositive();
		assertThat(carol.get("/api/tasks").status()).isEqualTo(401);
	}

	@Test
	void takesAnyPrintableNameAsItIsEvenOneThatLooksLikeEncodedDer() throws Exception {
		ApiClient.Response created = admin().postJson("/api/api_keys",
				"{\"name\":\"#0500 " + unique("odd") + "\",\"role\":\"analyst\",\"password\":\"pw-pw\"}");
		ApiClient.Response surrogate = admin().postJson("/api/api_keys",
				"{\"name\":\"b\\ud800\",\"role\":\"analyst\",\"password\":\"pw-pw\"}");

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(surrogate.status()).isEqualTo(422);
		assertThat(surrogate.body()).contains("unpaired surrogate");
	}

	@Test
	void refusesKeyAdministrationToOtherRoles() throws Exception {
		ApiClient analyst = newClient(unique("analyst"), "analyst");
		String message = "{\"success\":false,\"error\":\"Managing API keys needs an admin key.\"}";

		assertThat(analyst.get("/api/api_keys").body()).isEqualTo(message);
		assertThat(analyst.postJson("/api/api_keys", "{\"name\":\"x\",\"role\":\"admin\",\"password\":\"pw-pw\"}")
			.status()).isEqualTo(403);
		assertThat(newClient(unique("cloak"), "cloak").send("DELETE", "/api/api_keys/" + java.util.UUID.randomUUID())
			.status()).isEqualTo(403);
	}

	@Test
	void refusesInvalidKeyRequests() throws Exception {
		ApiClient admin = admin();

		assertThat(admin.postJson("/api/api_keys", "{\"name\":\"x\",\"role\":\"root\",\"password\":\"pw-pw\"}").body())
			.isEqualTo("{\"success\":false,\"error\":\"role must be one of analyst, cloak, admin\"}");
		assertThat(admin.postJson("/api/api_keys", "{\"name\":\"x\",\"role\":\"analyst\"}").body())
			.isEqualTo("{\"success\":false,\"error\":\"password is required\"}");
		assertThat(
				admin.postJson("/api/api_keys", "{\"name\":\"x\",\"role\":\"analyst\",\"password\":\"pw\"}").status())
			.isEqualTo(422);
		assertThat(admin.send("DELETE", "/api/api_keys/not-a-key").body())
			.isEqualTo("{\"success\":false,\"error\":\"No API key with id not-a-key.\"}");
	}

	private ApiClient admin() {
		return newClient(unique("admin"), "admin");
	}

	private static JsonNode findKey(ApiClient admin, String id) throws Exception {
		for (int page = 1;; page++) {
			JsonNode body = parse(admin.get("/api/api_keys?per_page=1000&page=" + page));
			if (body.get("items").isEmpty()) {
				throw new AssertionError("key " + id + " is not listed");
			}
			for (JsonNode key : body.get("items")) {
				if (key.get("id").asString().equals(id)) {
					return key;
				}
			}
		}
	}

}

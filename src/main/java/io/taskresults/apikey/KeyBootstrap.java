package io.taskresults.apikey;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.taskresults.TaskResultsProperties;
import io.taskresults.tls.ApiCertificateAuthority;
import io.taskresults.tls.SecureFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Creates the bootstrap admin key on first start, before the port opens (singletons are
 * initialised before the web server starts), and tells the operator how to connect once
 * the server is ready.
 */
@Component
@ConditionalOnWebApplication
class KeyBootstrap implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(KeyBootstrap.class);

	private final ApiKeyService keys;

	private final TaskResultsProperties properties;

	KeyBootstrap(ApiKeyService keys, TaskResultsProperties properties) {
		this.keys = keys;
		this.properties = properties;
	}

	@Override
	public void afterSingletonsInstantiated() {
		Path passwordFile = passwordFile();
		try {
			if (!Files.exists(passwordFile)) {
				// The password first: a key file whose password is lost is of no use to
				// anyone.
				SecureFiles.writePrivate(passwordFile,
						(ApiKeyService.newPassword() + "\n").getBytes(StandardCharsets.UTF_8), false);
			}
			String password = Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
			this.keys.ensureKeyFile(keyFile(), "admin", Role.ADMIN, password);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException("Cannot read " + passwordFile, ex);
		}
	}

	@EventListener
	void onReady(ApplicationReadyEvent event) {
		int port = (event.getApplicationContext() instanceof WebServerApplicationContext web)
				? web.getWebServer().getPort() : -1;
		log.info("Ready: https://localhost:{}/api/tasks | CA certificate: {} | admin key: {} (its password is in {})",
				port, this.properties.pkiDirectory().resolve(ApiCertificateAuthority.CA_CERTIFICATE).toAbsolutePath(),
				keyFile().toAbsolutePath(), passwordFile().toAbsolutePath());
	}

	private Path keyFile() {
		return this.properties.keysDirectory().resolve("admin.p12");
	}

	private Path passwordFile() {
		return this.properties.keysDirectory().resolve("admin.password");
	}

}

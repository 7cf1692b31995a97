package io.taskresults.tls;

import java.nio.file.Path;

import io.taskresults.TaskResultsProperties;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.ssl.SslBundleRegistrar;
import org.springframework.boot.autoconfigure.ssl.SslProperties;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslOptions;
import org.springframework.boot.ssl.pem.PemSslStoreBundle;
import org.springframework.boot.ssl.pem.PemSslStoreDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Provides the {@code task-results} SSL bundle that the server uses by default: the
 * generated server certificate, trusting only client certificates of the API CA. An
 * operator who names another bundle in {@code server.ssl.bundle}, or defines
 * {@code spring.ssl.bundle.*.task-results} themselves, gets theirs instead.
 */
@Configuration(proxyBeanMethods = false)
class TlsConfiguration {

	static final String BUNDLE = "task-results";

	@Bean
	ApiCertificateAuthority apiCertificateAuthority(TaskResultsProperties properties) {
		return ApiCertificateAuthority.loadOrCreate(properties.pkiDirectory());
	}

	@Bean
	@ConditionalOnWebApplication
	SslBundleRegistrar generatedServerBundle(Environment environment, SslProperties ssl,
			ApiCertificateAuthority authority, TaskResultsProperties properties) {
		return (registry) -> {
			boolean serverUsesIt = BUNDLE.equals(environment.getProperty("server.ssl.bundle"));
			boolean operatorDefinesIt = ssl.getBundle().getPem().containsKey(BUNDLE)
					|| ssl.getBundle().getJks().containsKey(BUNDLE);
			if (!serverUsesIt || operatorDefinesIt) {
				return;
			}
			Path pki = properties.pkiDirectory().toAbsolutePath();
			authority.ensureServerCertificate(pki, properties.hostNames());
			PemSslStoreDetails keyStore = PemSslStoreDetails
				.forCertificate(location(pki.resolve(ApiCertificateAuthority.SERVER_CERTIFICATE)))
				.withPrivateKey(location(pki.resolve(ApiCertificateAuthority.SERVER_KEY)));
			PemSslStoreDetails trustStore = PemSslStoreDetails
				.forCertificate(location(pki.resolve(ApiCertificateAuthority.CA_CERTIFICATE)));
			registry.registerBundle(BUNDLE, SslBundle.of(new PemSslStoreBundle(keyStore, trustStore), null,
					SslOptions.of(null, new String[] { "TLSv1.3", "TLSv1.2" })));
		};
	}

	private static String location(Path file) {
		return file.toUri().toString();
	}

}

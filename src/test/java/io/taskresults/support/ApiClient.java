package io.taskresults.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.net.Socket;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509KeyManager;

/**
 * An HTTPS client as an analyst's script would use it: a PKCS#12 key file and its
 * password, trusting the server's API CA, with host name verification on.
 */
public final class ApiClient {

	private final HttpClient http;

	private final int port;

	private ApiClient(SSLContext ssl, int port) {
		this.http = HttpClient.newBuilder()
			.sslContext(ssl)
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
		this.port = port;
	}

	public static ApiClient withKey(byte[] pkcs12, String password, Path caCertificate, int port) {
		return new ApiClient(sslContext(pkcs12, password, caCertificate), port);
	}

	public static ApiClient withoutKey(Path caCertificate, int port) {
		return new ApiClient(sslContext(null, null, caCertificate), port);
	}

	public static SSLContext sslContext(byte[] pkcs12, String password, Path caCertificate) {
		try {
			KeyManagerFactory keyManagers = null;
			if (pkcs12 != null) {
				KeyStore keyStore = KeyStore.getInstance("PKCS12");
				keyStore.load(new ByteArrayInputStream(pkcs12), password.toCharArray());
				keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
				keyManagers.init(keyStore, password.toCharArray());
			}
			KeyStore trustStore = KeyStore.getInstance("PKCS12");
			trustStore.load(null, null);
			trustStore.setCertificateEntry("api-ca", (X509Certificate) CertificateFactory.getInstance("X.509")
				.generateCertificate(new ByteArrayInputStream(Files.readAllBytes(caCertificate))));
			TrustManagerFactory trustManagers = TrustManagerFactory
				.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trustManagers.init(trustStore);
			SSLContext context = SSLContext.getInstance("TLS");
			context.init((keyManagers != null) ? new KeyManager[] { alwaysPresent(keyManagers) } : null,
					trustManagers.getTrustManagers(), null);
			return context;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * JSSE offers a client certificate only if its issuer is among those the server
	 * names; curl and Ruby offer it regardless. Do as they do, so that a certificate from
	 * a foreign CA is really presented to the server.
	 */
	private static KeyManager alwaysPresent(KeyManagerFactory factory) {
		X509KeyManager delegate = (X509KeyManager) factory.getKeyManagers()[0];
		return new X509ExtendedKeyManager() {

			@Override
			public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
				return delegate.getClientAliases("EC", null)[0];
			}

			@Override
			public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
				return delegate.getClientAliases("EC", null)[0];
			}

			@Override
			public String[] getClientAliases(String keyType, Principal[] issuers) {
				return delegate.getClientAliases(keyType, null);
			}

			@Override
			public String[] getServerAliases(String keyType, Principal[] issuers) {
				return null;
			}

			@Override
			public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
				return null;
			}

			@Override
			public X509Certificate[] getCertificateChain(String alias) {
				return delegate.getCertificateChain(alias);
			}

			@Override
			public PrivateKey getPrivateKey(String alias) {
				return delegate.getPrivateKey(alias);
			}

		};
	}

	public Response get(String pathAndQuery, String... headers) throws IOException, InterruptedException {
		return send("GET", pathAndQuery, null, headers);
	}

	public Response send(String method, String pathAndQuery, String... headers)
			throws IOException, InterruptedException {
		return send(method, pathAndQuery, null, headers);
	}

	/** A JSON body, sent as {@code application/json}. */
	public Response postJson(String pathAndQuery, String json, String... headers)
			throws IOException, InterruptedException {
		String[] all = java.util.Arrays.copyOf(headers, headers.length + 2);
		all[headers.length] = "Content-Type";
		all[headers.length + 1] = "application/json";
		return send("POST", pathAndQuery, json.getBytes(java.nio.charset.StandardCharsets.UTF_8), all);
	}

	public Response send(String method, String pathAndQuery, byte[] body, String... headers)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("https://localhost:" + this.port + pathAndQuery))
			.timeout(Duration.ofSeconds(60))
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofByteArray(body)
					: HttpRequest.BodyPublishers.noBody());
		if (headers.length > 0) {
			request.headers(headers);
		}
		HttpResponse<byte[]> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
				new String(response.body(), java.nio.charset.StandardCharsets.UTF_8), response.body(),
				response.headers().map());
	}

	public record Response(int status, String contentType, String body, byte[] bytes,
			java.util.Map<String, java.util.List<String>> headers) {

		public Response(int status, String contentType, String body) {
			this(status, contentType, body, body.getBytes(java.nio.charset.StandardCharsets.UTF_8), java.util.Map.of());
		}

		public String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
				.map((entry) -> entry.getValue().get(0))
				.findFirst()
				.orElse(null);
		}

	}

}

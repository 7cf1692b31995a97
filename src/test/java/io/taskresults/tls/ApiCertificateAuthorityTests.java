package io.taskresults.tls;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first-start PKI: what the server writes into an empty home directory, and that
 * later starts reuse it.
 */
class ApiCertificateAuthorityTests {

	@TempDir
	Path pki;

	@Test
	void createsACaAndAServerCertificateOnFirstStartWithPrivateKeysOwnerOnly() throws Exception {
		ApiCertificateAuthority authority = ApiCertificateAuthority.loadOrCreate(this.pki);
		authority.ensureServerCertificate(this.pki, List.of("results.example.org", "10.1.2.3"));

		assertThat(Files.getPosixFilePermissions(this.pki.resolve("ca.key")))
			.isEqualTo(PosixFilePermissions.fromString("rw-------"));
		assertThat(Files.getPosixFilePermissions(this.pki.resolve("server.key")))
			.isEqualTo(PosixFilePermissions.fromString("rw-------"));
		assertThat(Files.readString(this.pki.resolve("ca.key"))).startsWith("-----BEGIN PRIVATE KEY-----");
		assertThat(Files.readString(this.pki.resolve("server.key"))).startsWith("-----BEGIN PRIVATE KEY-----");
		X509Certificate ca = Pem.readCertificates(this.pki.resolve("ca.crt")).get(0);
		List<X509Certificate> serverChain = Pem.readCertificates(this.pki.resolve("server.crt"));
		X509Certificate server = serverChain.get(0);
		server.verify(ca.getPublicKey());
		assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
		assertThat(ca.getPublicKey().getAlgorithm()).isEqualTo("EC");
		assertThat(server.getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.1");
		assertThat(server.getSubjectAlternativeNames()).extracting((name) -> String.valueOf(name.get(1)))
			.contains("localhost", "127.0.0.1", "results.example.org", "10.1.2.3");
	}

	@Test
	void reusesTheMaterialOnLaterStarts() throws Exception {
		ApiCertificateAuthority.loadOrCreate(this.pki).ensureServerCertificate(this.pki, List.of());
		byte[] caBefore = Files.readAllBytes(this.pki.resolve("ca.crt"));
		byte[] serverBefore = Files.readAllBytes(this.pki.resolve("server.crt"));

		ApiCertificateAuthority.loadOrCreate(this.pki).ensureServerCertificate(this.pki, List.of());

		assertThat(Files.readAllBytes(this.pki.resolve("ca.crt"))).isEqualTo(caBefore);
		assertThat(Files.readAllBytes(this.pki.resolve("server.crt"))).isEqualTo(serverBefore);
	}

	@Test
	void reissuesTheServerCertificateWhenAHostNameIsAdded() throws Exception {
		ApiCertificateAuthority authority = ApiCertificateAuthority.loadOrCreate(this.pki);
		authority.ensureServerCertificate(this.pki, List.of());

		authority.ensureServerCertificate(this.pki, List.of("new.example.org"));

		X509Certificate server = Pem.readCertificates(this.pki.resolve("server.crt")).get(0);
		assertThat(server.getSubjectAlternativeNames()).extracting((name) -> String.valueOf(name.get(1)))
			.contains("new.example.org");
	}

	@Test
	void packsAClientKeyWithItsCertificateFirstBehindThePassword() throws Exception {
		ApiCertificateAuthority authority = ApiCertificateAuthority.loadOrCreate(this.pki);
		ApiCertificateAuthority.IssuedCertificate issued = authority.issueClientCertificate("alice");

		byte[] pkcs12 = authority.pkcs12("alice", issued, "pw-1234".toCharArray());

		KeyStore store = KeyStore.getInstance("PKCS12");
		store.load(new ByteArrayInputStream(pkcs12), "pw-1234".toCharArray());
		Certificate[] chain = store.getCertificateChain(store.aliases().nextElement());
		assertThat(chain[0]).isEqualTo(issued.certificate());
		assertThat(chain[1]).isEqualTo(authority.certificate());
		issued.certificate().verify(authority.certificate().getPublicKey());
		assertThat(issued.certificate().getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.2");
		assertThat(ApiCertificateAuthority.readClientCertificate(pkcs12, "pw-1234".toCharArray()))
			.isEqualTo(issued.certificate());
	}

	@Test
	void fingerprintsCertificatesBySha256OfTheirEncoding() {
		ApiCertificateAuthority authority = ApiCertificateAuthority.create("test CA");

		String fingerprint = ApiCertificateAuthority.fingerprint(authority.certificate());

		assertThat(fingerprint).hasSize(64).matches("[0-9a-f]+");
		assertThat(ApiCertificateAuthority.fingerprint(authority.issueClientCertificate("x").certificate()))
			.isNotEqualTo(fingerprint);
	}

}

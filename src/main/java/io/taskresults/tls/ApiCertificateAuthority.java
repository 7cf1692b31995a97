package io.taskresults.tls;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The local API CA: it signs the server certificate and every API key, and the server
 * trusts exactly the client certificates it signed. Keys are EC P-256.
 */
public final class ApiCertificateAuthority {

	public static final String CA_CERTIFICATE = "ca.crt";

	public static final String CA_KEY = "ca.key";

	public static final String SERVER_CERTIFICATE = "server.crt";

	public static final String SERVER_KEY = "server.key";

	private static final Duration CA_VALIDITY = Duration.ofDays(20 * 365);

	private static final Duration SERVER_VALIDITY = Duration.ofDays(825);

	private static final Duration CLIENT_VALIDITY = Duration.ofDays(5 * 365);

	/** A server certificate closer than this to its end is replaced at start. */
	private static final Duration SERVER_RENEWAL = Duration.ofDays(30);

	private static final SecureRandom random = new SecureRandom();

	private final X509Certificate certificate;

	private final PrivateKey privateKey;

	private ApiCertificateAuthority(X509Certificate certificate, PrivateKey privateKey) {
		this.certificate = certificate;
		this.privateKey = privateKey;
	}

	/**
	 * Loads {@code ca.crt} and {@code ca.key} from the directory, creating both on first
	 * use.
	 */
	public static synchronized ApiCertificateAuthority loadOrCreate(Path pkiDirectory) {
		Path certificateFile = pkiDirectory.resolve(CA_CERTIFICATE);
		Path keyFile = pkiDirectory.resolve(CA_KEY);
		if (Files.exists(certificateFile) && Files.exists(keyFile)) {
			return new ApiCertificateAuthority(Pem.readCertificates(certificateFile).get(0),
					Pem.readPrivateKey(keyFile));
		}
		if (Files.exists(certificateFile) || Files.exists(keyFile)) {
			throw new IllegalStateException("Found only one of " + certificateFile + " and " + keyFile
					+ ": restore the other, or remove both to create a new API CA (every issued key then stops working)");
		}
		ApiCertificateAuthority authority = create("task-results API CA");
		// The key first: a certificate without its key would block every later start.
		SecureFiles.writePrivate(keyFile, Pem.encode(authority.privateKey), false);
		SecureFiles.writePublic(certificateFile, Pem.encode(List.of(authority.certificate)));
		return authority;
	}

	/** A CA that lives in memory only. */
	public static ApiCertificateAuthority create(String commonName) {
		KeyPair keyPair = newKeyPair();
		X500Name name = name(commonName);
		Instant now = Instant.now();
		X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, newSerial(),
				Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(CA_VALIDITY)), name, keyPair.getPublic());
		try {
			JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
			builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
			builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
			builder.addExtension(Extension.subjectKeyIdentifier, false,
					extensions.createSubjectKeyIdentifier(keyPair.getPublic()));
		}
		catch (CertIOException | GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot build the CA certificate", ex);
		}
		return new ApiCertificateAuthority(sign(builder, keyPair.getPrivate()), keyPair.getPrivate());
	}

	public X509Certificate certificate() {
		return this.certificate;
	}

	/**
	 * Makes sure {@code server.crt} and {@code server.key} exist, are signed by this CA,
	 * cover the host names and are not about to expire; reissues them otherwise.
	 */
	public synchronized void ensureServerCertificate(Path pkiDirectory, Collection<String> extraHostNames) {
		Set<String> hostNames = new LinkedHashSet<>(List.of("localhost", "127.0.0.1"));
		hostNames.addAll(extraHostNames);
		Path certificateFile = pkiDirectory.resolve(SERVER_CERTIFICATE);
		Path keyFile = pkiDirectory.resolve(SERVER_KEY);
		if (Files.exists(certificateFile) && Files.exists(keyFile) && isCurrent(certificateFile, hostNames)) {
			return;
		}
		KeyPair keyPair = newKeyPair();
		X509Certificate server = issue("task-results server", keyPair.getPublic(), SERVER_VALIDITY,
				KeyPurposeId.id_kp_serverAuth, hostNames);
		SecureFiles.writePrivate(keyFile, Pem.encode(keyPair.getPrivate()), true);
		SecureFiles.writePublic(certificateFile, Pem.encode(List.of(server, this.certificate)));
	}

	private boolean isCurrent(Path certificateFile, Set<String> hostNames) {
		X509Certificate server = Pem.readCertificates(certificateFile).get(0);
		if (server.getNotAfter().toInstant().isBefore(Instant.now().plus(SERVER_RENEWAL))) {
			return false;
		}
		try {
			server.verify(this.certificate.getPublicKey());
			Set<String> covered = new LinkedHashSet<>();
			if (server.getSubjectAlternativeNames() != null) {
				server.getSubjectAlternativeNames().forEach((entry) -> covered.add(String.valueOf(entry.get(1))));
			}
			return covered.containsAll(hostNames);
		}
		catch (GeneralSecurityException ex) {
			return false;
		}
	}

	/** A new client key pair and its certificate for an API key named {@code name}. */
	public IssuedCertificate issueClientCertificate(String name) {
		KeyPair keyPair = newKeyPair();
		X509Certificate client = issue(name, keyPair.getPublic(), CLIENT_VALIDITY, KeyPurposeId.id_kp_clientAuth,
				List.of());
		return new IssuedCertificate(keyPair.getPrivate(), client);
	}

	/**
	 * A password-protected PKCS#12 file with the client's key and certificate, the client
	 * certificate first and the CA after it. Java 17 protects it with AES-256 and an
	 * HMAC-SHA256 MAC, which OpenSSL 3, Ruby, Python and curl open without legacy
	 * options.
	 */
	public byte[] pkcs12(String alias, IssuedCertificate issued, char[] password) {
		try {
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(null, null);
			store.setKeyEntry(alias, issued.privateKey(), password,
					new Certificate[] { issued.certificate(), this.certificate });
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			store.store(out, password);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot write a PKCS#12 key file", ex);
		}
	}

	/**
	 * Reads the client certificate from a PKCS#12 key file.
	 * @throws IllegalArgumentException if the file cannot be opened with the password
	 */
	public static X509Certificate readClientCertificate(byte[] pkcs12, char[] password) {
		try {
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(new ByteArrayInputStream(pkcs12), password);
			for (String alias : java.util.Collections.list(store.aliases())) {
				if (store.isKeyEntry(alias)) {
					return (X509Certificate) store.getCertificate(alias);
				}
			}
			throw new IllegalArgumentException("The key file holds no private key entry");
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalArgumentException("Cannot open the key file with its password", ex);
		}
	}

	/** Hex SHA-256 of the certificate's DER encoding: how the server recognises a key. */
	public static String fingerprint(X509Certificate certificate) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot fingerprint a certificate", ex);
		}
	}

	public static String serial(X509Certificate certificate) {
		return certificate.getSerialNumber().toString(16);
	}

	private X509Certificate issue(String commonName, PublicKey publicKey, Duration validity, KeyPurposeId purpose,
			Collection<String> hostNames) {
		Instant now = Instant.now();
		Instant notAfter = now.plus(validity);
		if (notAfter.isAfter(this.certificate.getNotAfter().toInstant())) {
			notAfter = this.certificate.getNotAfter().toInstant();
		}
		X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(this.certificate, newSerial(),
				Date.from(now.minus(Duration.ofHours(1))), Date.from(notAfter), name(commonName), publicKey);
		try {
			JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
			builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
			builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
			builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
			builder.addExtension(Extension.subjectKeyIdentifier, false,
					extensions.createSubjectKeyIdentifier(publicKey));
			builder.addExtension(Extension.authorityKeyIdentifier, false,
					extensions.createAuthorityKeyIdentifier(this.certificate));
			if (!hostNames.isEmpty()) {
				List<GeneralName> names = new ArrayList<>();
				for (String host : hostNames) {
					names.add(isIpAddress(host) ? new GeneralName(GeneralName.iPAddress, host)
							: new GeneralName(GeneralName.dNSName, host));
				}
				builder.addExtension(Extension.subjectAlternativeName, false,
						new GeneralNames(names.toArray(GeneralName[]::new)));
			}
		}
		catch (CertIOException | GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot build a certificate", ex);
		}
		return sign(builder, this.privateKey);
	}

	private static boolean isIpAddress(String host) {
		return host.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}") || host.contains(":");
	}

	private static X500Name name(String commonName) {
		return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "task-results")
			.addRDN(BCStyle.CN, new DERUTF8String(commonName))
			.build();
	}

	private static BigInteger newSerial() {
		byte[] bytes = new byte[16];
		random.nextBytes(bytes);
		return new BigInteger(1, bytes).setBit(127);
	}

	private static KeyPair newKeyPair() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"), random);
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("EC P-256 is not available in this JVM", ex);
		}
	}

	private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signingKey) {
		try {
			return new JcaX509CertificateConverter()
				.getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signingKey)));
		}
		catch (OperatorCreationException | GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot sign a certificate", ex);
		}
	}

	/** A client key pair's private half and its certificate. */
	public record IssuedCertificate(PrivateKey privateKey, X509Certificate certificate) {
	}

}

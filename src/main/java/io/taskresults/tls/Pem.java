package io.taskresults.tls;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

/**
 * PEM reading and writing, through BouncyCastle.
 */
final class Pem {

	private Pem() {
	}

	static byte[] encode(List<X509Certificate> certificates) {
		StringWriter out = new StringWriter();
		try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
			for (X509Certificate certificate : certificates) {
				writer.writeObject(certificate);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString().getBytes(StandardCharsets.US_ASCII);
	}

	/** Unencrypted PKCS#8 ({@code BEGIN PRIVATE KEY}), as nginx and OpenSSL expect. */
	static byte[] encode(PrivateKey key) {
		StringWriter out = new StringWriter();
		try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
			writer.writeObject(new JcaPKCS8Generator(key, null));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString().getBytes(StandardCharsets.US_ASCII);
	}

	static List<X509Certificate> readCertificates(Path file) {
		try (var in = Files.newInputStream(file)) {
			CertificateFactory factory = CertificateFactory.getInstance("X.509");
			List<X509Certificate> certificates = new ArrayList<>();
			factory.generateCertificates(in).forEach((c) -> certificates.add((X509Certificate) c));
			if (certificates.isEmpty()) {
				throw new IllegalStateException("No certificate in " + file);
			}
			return certificates;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (CertificateException ex) {
			throw new IllegalStateException("Not a PEM certificate: " + file, ex);
		}
	}

	static PrivateKey readPrivateKey(Path file) {
		try (PEMParser parser = new PEMParser(new StringReader(Files.readString(file, StandardCharsets.US_ASCII)))) {
			Object object = parser.readObject();
			JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
			if (object instanceof PrivateKeyInfo info) {
				return converter.getPrivateKey(info);
			}
			if (object instanceof PEMKeyPair pair) {
				return converter.getKeyPair(pair).getPrivate();
			}
			throw new IllegalStateException("Not an unencrypted PEM private key: " + file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

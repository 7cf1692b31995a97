package io.taskresults.apikey;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.taskresults.tls.ApiCertificateAuthority;
import io.taskresults.tls.ApiCertificateAuthority.IssuedCertificate;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues, lists, revokes and recognises API keys. The command line, the bootstrap and the
 * HTTP API all go through here, so a key is made the same way everywhere.
 */
@Service
public class ApiKeyService {

	static final int MAX_NAME_LENGTH = 200;

	static final int MIN_PASSWORD_LENGTH = 4;

	private static final SecureRandom random = new SecureRandom();

	private final ApiKeyRepository keys;

	private final ApiCertificateAuthority authority;

	private final Clock clock;

	ApiKeyService(ApiKeyRepository keys, ApiCertificateAuthority authority) {
		this.keys = keys;
		this.authority = authority;
		this.clock = Clock.systemUTC();
	}

	/**
	 * Creates a key: a new EC P-256 client certificate signed by the API CA, registered
	 * by its fingerprint, packed with its private key into a PKCS#12 file.
	 * @param password the file's password, or null for a strong random one
	 * @throws InvalidApiKeyRequest if the name, role or password cannot be used
	 */
	@Transactional
	public IssuedKey create(String name, String role, String password) {
		String checkedName = checkName(name);
		Role checkedRole = Role.parse(role)
			.orElseThrow(() -> new InvalidApiKeyRequest("role must be one of analyst, cloak, admin"));
		String checkedPassword = (password != null) ? checkPassword(password) : newPassword();
		IssuedCertificate issued = this.authority.issueClientCertificate(checkedName);
		ApiKey key = this.keys
			.save(new ApiKey(checkedName, checkedRole, ApiCertificateAuthority.fingerprint(issued.certificate()),
					ApiCertificateAuthority.serial(issued.certificate()), now()));
		byte[] pkcs12 = this.authority.pkcs12(checkedName, issued, checkedPassword.toCharArray());
		return new IssuedKey(key.id(), checkedName, checkedRole, pkcs12, checkedPassword);
	}

	@Transactional(readOnly = true)
	public List<ApiKeyView> list() {
		return this.keys.findAllByOrderByCreatedAtAscIdAsc().stream().map(ApiKey::toView).toList();
	}

	/** A page of keys, oldest first, and how many there are in all. */
	@Transactional(readOnly = true)
	public KeyPage page(io.taskresults.web.PageRequest page) {
		long count = this.keys.count();
		if (page.offset() >= count) {
			return new KeyPage(count, List.of());
		}
		// offset < count here, so it fits the int that JPA paging takes.
		return new KeyPage(count,
				this.keys
					.findAllBy(org.springframework.data.domain.PageRequest.of(page.page() - 1, page.perPage(),
							org.springframework.data.domain.Sort.by("createdAt", "id")))
					.stream()
					.map(ApiKey::toView)
					.toList());
	}

	/**
	 * Revokes a key; requests made with it fail from the next one on.
	 * @throws ApiKeyNotFound if there is no key with that id
	 */
	@Transactional
	public ApiKeyView revoke(String id) {
		ApiKey key = parseId(id).flatMap(this.keys::findById).orElseThrow(() -> new ApiKeyNotFound(id));
		key.revoke(now());
		return key.toView();
	}

	/** The active key whose certificate this is, if any. */
	@Transactional(readOnly = true)
	public Optional<Caller> authenticate(X509Certificate certificate) {
		return this.keys.findByFingerprint(ApiCertificateAuthority.fingerprint(certificate))
			.filter(ApiKey::isActive)
			.map(ApiKey::toCaller);
	}

	/**
	 * Makes sure a key file exists at {@code file} and is registered: creates it on first
	 * use, and registers an existing file again if the database no longer knows it (a new
	 * database with the old home directory). A revoked key stays revoked.
	 * @return the key's id
	 */
	@Transactional
	public UUID ensureKeyFile(Path file, String name, Role role, String password) {
		if (Files.exists(file)) {
			X509Certificate certificate;
			try {
				certificate = ApiCertificateAuthority.readClientCertificate(Files.readAllBytes(file),
						password.toCharArray());
			}
			catch (Exception ex) {
				throw new IllegalStateException(
						"Cannot open the key file " + file + " with its password; remove it to have a new key created",
						ex);
			}
			String fingerprint = ApiCertificateAuthority.fingerprint(certificate);
			return this.keys.findByFingerprint(fingerprint)
				.orElseGet(() -> this.keys
					.save(new ApiKey(name, role, fingerprint, ApiCertificateAuthority.serial(certificate), now())))
				.id();
		}
		IssuedKey issued = create(name, role.value(), password);
		io.taskresults.tls.SecureFiles.writePrivate(file, issued.pkcs12(), false);
		return issued.id();
	}

	public record KeyPage(long count, List<ApiKeyView> items) {
	}

	static String newPassword() {
		byte[] bytes = new byte[18];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static String checkName(String name) {
		if (name == null || name.isBlank()) {
			throw new InvalidApiKeyRequest("name must not be empty");
		}
		if (name.length() > MAX_NAME_LENGTH) {
			throw new InvalidApiKeyRequest("name must be at most " + MAX_NAME_LENGTH + " characters");
		}
		if (name.chars().anyMatch(Character::isISOControl) || !name.equals(name.strip())
				|| io.taskresults.web.JsonFields.hasUnpairedSurrogate(name)) {
			throw new InvalidApiKeyRequest(
					"name must not contain control characters or unpaired surrogates, nor start or end with white space");
		}
		return name;
	}

	private static String checkPassword(String password) {
		if (password.length() < MIN_PASSWORD_LENGTH) {
			throw new InvalidApiKeyRequest("password must be at least " + MIN_PASSWORD_LENGTH + " characters");
		}
		if (password.chars().anyMatch(Character::isISOControl)
				|| io.taskresults.web.JsonFields.hasUnpairedSurrogate(password)) {
			throw new InvalidApiKeyRequest("password must not contain control characters or unpaired surrogates");
		}
		return password;
	}

	private static Optional<UUID> parseId(String id) {
		try {
			return Optional.ofNullable(id).map(UUID::fromString);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private Instant now() {
		// PostgreSQL keeps microseconds; truncating here keeps what we return equal to
		// what we store.
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}

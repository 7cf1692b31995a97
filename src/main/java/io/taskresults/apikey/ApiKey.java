package io.taskresults.apikey;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "api_key")
class ApiKey {

	@Id
	private UUID id;

	@Column(nullable = false)
	private String name;

	@Column(nullable = false)
	@Convert(converter = RoleConverter.class)
	private Role role;

	@Column(nullable = false, unique = true)
	private String fingerprint;

	@Column(nullable = false)
	private String serial;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "revoked_at")
	private Instant revokedAt;

	protected ApiKey() {
	}

	ApiKey(String name, Role role, String fingerprint, String serial, Instant createdAt) {
		this.id = UUID.randomUUID();
		this.name = name;
		this.role = role;
		this.fingerprint = fingerprint;
		this.serial = serial;
		this.createdAt = createdAt;
	}

	UUID id() {
		return this.id;
	}

	String name() {
		return this.name;
	}

	Role role() {
		return this.role;
	}

	Instant createdAt() {
		return this.createdAt;
	}

	Instant revokedAt() {
		return this.revokedAt;
	}

	boolean isActive() {
		return this.revokedAt == null;
	}

	/** Revoking twice keeps the first revocation time. */
	void revoke(Instant when) {
		if (this.revokedAt == null) {
			this.revokedAt = when;
		}
	}

	Caller toCaller() {
		return new Caller(this.id, this.name, this.role);
	}

	ApiKeyView toView() {
		return new ApiKeyView(this.id.toString(), this.name, this.role.value(), this.createdAt.toEpochMilli(),
				(this.revokedAt != null) ? this.revokedAt.toEpochMilli() : null);
	}

	@Converter
	static class RoleConverter implements AttributeConverter<Role, String> {

		@Override
		public String convertToDatabaseColumn(Role role) {
			return (role != null) ? role.value() : null;
		}

		@Override
		public Role convertToEntityAttribute(String value) {
			return (value != null) ? Role.parse(value).orElseThrow() : null;
		}

	}

}

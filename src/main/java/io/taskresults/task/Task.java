package io.taskresults.task;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "task")
class Task {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false)
	private String name;

	@Column(nullable = false)
	private String owner;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	// Kept by database triggers as results come and go; never written from here.
	@Column(name = "result_count", insertable = false, updatable = false)
	private long resultCount;

	@Column(name = "last_published_at", insertable = false, updatable = false)
	private Instant lastPublishedAt;

	@Column(name = "deleted_at")
	private Instant deletedAt;

	protected Task() {
	}

	Task(String name, String owner, Instant createdAt) {
		this.name = name;
		this.owner = owner;
		this.createdAt = createdAt;
	}

	String owner() {
		return this.owner;
	}

	boolean isDeleted() {
		return this.deletedAt != null;
	}

	void delete(Instant when) {
		if (this.deletedAt == null) {
			this.deletedAt = when;
		}
	}

	TaskSummary toSummary() {
		return new TaskSummary(this.id, this.name, this.owner, this.createdAt, this.resultCount, this.lastPublishedAt);
	}

}
